package dev.genaiagent.instrumentation.langchain4j;

import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.openai.OpenAiTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh test server per test and the JVM-wide receiver of the attached agent, emptied before each test. */
public abstract class LangChain4jTestBase {
  protected static final OtlpReceiver receiver = AgentTelemetry.RECEIVER;
  protected OpenAiTestServer server;

  @BeforeEach
  void startServer() {
    server = OpenAiTestServer.start();
    receiver.reset();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }
}

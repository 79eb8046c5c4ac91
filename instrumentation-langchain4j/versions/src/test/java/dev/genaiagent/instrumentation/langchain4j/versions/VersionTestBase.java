package dev.genaiagent.instrumentation.langchain4j.versions;

import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.openai.OpenAiTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The receiver of the shipped agent attached to this JVM (on the port it was told) and a test server,
 * per test class; the receiver is emptied before each test.
 */
abstract class VersionTestBase {
  static OtlpReceiver receiver;
  static OpenAiTestServer server;

  @BeforeAll
  static void startReceiverAndServer() {
    receiver = OtlpReceiver.start(Integer.getInteger("genai.otlp.port"));
    server = OpenAiTestServer.start();
  }

  @AfterAll
  static void stopReceiverAndServer() {
    server.close();
    receiver.close();
  }

  @BeforeEach
  void resetReceiver() {
    receiver.reset();
  }
}

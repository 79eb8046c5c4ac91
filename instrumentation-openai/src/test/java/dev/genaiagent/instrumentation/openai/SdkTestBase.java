package dev.genaiagent.instrumentation.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.openai.OpenAiTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh test server and SDK client per test; the JVM-wide receiver of the attached agent. */
abstract class SdkTestBase {
  static final OtlpReceiver receiver = AgentTelemetry.RECEIVER;
  OpenAiTestServer server;
  OpenAIClient client;

  /** The client as a user would build it; tests may tune it (timeouts). */
  OpenAIOkHttpClient.Builder clientBuilder() {
    return OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("sk-test").maxRetries(0);
  }

  @BeforeEach
  void startServerAndClient() {
    server = OpenAiTestServer.start();
    client = clientBuilder().build();
    receiver.reset();
  }

  @AfterEach
  void stopServerAndClient() {
    client.close();
    server.close();
  }
}

package dev.genaiagent.benchmarks.jmh;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;

/** SDK clients over a {@link FakeTransport}, and the check that the agent is (or is not) at work. */
final class Clients {
  /** Set by {@code Compare} on each fork: {@code plain} or {@code instrumented}. */
  static final String EXPECT_PROPERTY = "genai.jmh.expect";

  /** A client exactly as an application builds one over its own transport; no retries. */
  static OpenAIClient over(FakeTransport transport) {
    return new OpenAIClientImpl(ClientOptions.builder()
        .httpClient(transport)
        .baseUrl("https://api.openai.com/v1")
        .apiKey("sk-jmh-not-a-real-key")
        .maxRetries(0)
        .build());
  }

  /**
   * Fails the trial when the fork is not what the runner asked for: a raw response the instrumentation
   * wrapped comes from our package. Without this an agent that silently failed to instrument would
   * report zero overhead.
   */
  static void checkInstrumentation(Object rawResponse) {
    String expect = System.getProperty(EXPECT_PROPERTY);
    if (expect == null) {
      return;
    }
    boolean instrumented = rawResponse.getClass().getName().startsWith("dev.genaiagent.");
    if (instrumented != expect.equals("instrumented")) {
      throw new IllegalStateException("expected a " + expect + " SDK, but its raw response is a "
          + rawResponse.getClass().getName());
    }
  }

  private Clients() {}
}

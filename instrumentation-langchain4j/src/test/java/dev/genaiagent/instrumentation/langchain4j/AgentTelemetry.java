package dev.genaiagent.instrumentation.langchain4j;

import dev.genaiagent.testing.OtlpReceiver;

/**
 * The OTLP receiver for the agent attached to this test JVM (see the failsafe configuration): one per
 * JVM, on the port the agent was told at startup.
 */
public final class AgentTelemetry {
  public static final OtlpReceiver RECEIVER = OtlpReceiver.start(Integer.getInteger("genai.otlp.port"));

  private AgentTelemetry() {}
}

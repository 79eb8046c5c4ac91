package dev.genaiagent.instrumentation.langchain4j;

import dev.genaiagent.telemetry.GenAiTelemetry;
import dev.genaiagent.telemetry.config.GenAiConfig;
import io.opentelemetry.api.GlobalOpenTelemetry;

/**
 * The GenAI telemetry of the LangChain4j instrumentation, built once per class loader that holds
 * LangChain4j from the agent's OpenTelemetry and configuration; each part (chat, services and tools,
 * RAG) makes its instrumenters from it.
 */
public final class LangChain4jTelemetry {
  public static final String INSTRUMENTATION_NAME = "dev.genaiagent.langchain4j";

  public static final GenAiTelemetry TELEMETRY =
      GenAiTelemetry.builder(GlobalOpenTelemetry.get(), INSTRUMENTATION_NAME)
          .setConfig(GenAiConfig.fromEnvironmentQuietly())
          .build();

  private LangChain4jTelemetry() {}
}

package dev.genaiagent.instrumentation.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import dev.genaiagent.telemetry.GenAiInstrumenter;
import dev.genaiagent.telemetry.GenAiTelemetry;
import dev.genaiagent.telemetry.config.GenAiConfig;
import io.opentelemetry.api.GlobalOpenTelemetry;

/** Built once per class loader that holds the SDK, from the agent's OpenTelemetry and configuration. */
final class OpenAiSingletons {
  static final String INSTRUMENTATION_NAME = "dev.genaiagent.openai";

  static final GenAiTelemetry TELEMETRY =
      GenAiTelemetry.builder(GlobalOpenTelemetry.get(), INSTRUMENTATION_NAME)
          .setConfig(GenAiConfig.fromEnvironmentQuietly())
          .build();
  static final GenAiInstrumenter<ChatRequest, ChatResult> CHAT = TELEMETRY.instrumenter(new ChatAttributesGetter());
  static final GenAiInstrumenter<EmbeddingsRequest, CreateEmbeddingResponse> EMBEDDINGS =
      TELEMETRY.instrumenter(new EmbeddingsAttributesGetter());
  static final GenAiInstrumenter<ResponsesRequest, JsonNode> RESPONSES =
      TELEMETRY.instrumenter(new ResponsesAttributesGetter());
  static final GenAiInstrumenter<CompletionRequest, CompletionSummary> COMPLETIONS =
      TELEMETRY.instrumenter(new CompletionAttributesGetter());

  static boolean captureContent() {
    return TELEMETRY.content().isEnabled();
  }

  private OpenAiSingletons() {}
}

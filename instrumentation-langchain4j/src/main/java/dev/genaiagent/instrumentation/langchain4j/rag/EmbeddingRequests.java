package dev.genaiagent.instrumentation.langchain4j.rag;

import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.embedding.response.EmbeddingResponseMetadata;
import javax.annotation.Nullable;

/**
 * The 1.18+ embeddings API ({@code EmbeddingRequest}, {@code EmbeddingResponse}). Only called from the
 * advice on {@code embed(EmbeddingRequest)}, which exists only where these classes do: kept apart so
 * nothing linked on older versions refers to them.
 */
final class EmbeddingRequests {
  private static final String UNKNOWN = "unknown"; // the default doEmbed reports modelName()'s default

  private EmbeddingRequests() {}

  @Nullable
  static String modelName(Object request) {
    return request instanceof EmbeddingRequest ? ((EmbeddingRequest) request).modelName() : null;
  }

  @Nullable
  static EmbeddingResult result(@Nullable Object response) {
    if (!(response instanceof EmbeddingResponse)) {
      return null;
    }
    EmbeddingResponse r = (EmbeddingResponse) response;
    EmbeddingResponseMetadata metadata = r.metadata();
    String model = metadata == null ? null : metadata.modelName();
    return new EmbeddingResult(EmbeddingResult.dimension(r.embeddings()),
        metadata == null ? null : EmbeddingResult.inputTokens(metadata.tokenUsage()),
        model == null || model.isEmpty() || UNKNOWN.equals(model) ? null : model);
  }
}

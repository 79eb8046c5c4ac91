package dev.genaiagent.instrumentation.langchain4j.rag;

import dev.genaiagent.instrumentation.langchain4j.Reflection;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import javax.annotation.Nullable;

/**
 * What an embeddings call returned, reduced to what telemetry needs, from the legacy
 * {@code Response<List<Embedding>>} of every version or the 1.18+ {@code EmbeddingResponse}
 * (see {@link EmbeddingRequests}). Nothing of the application's response is kept.
 */
final class EmbeddingResult {
  @Nullable final Long dimensionCount;
  @Nullable final Long inputTokens;
  @Nullable final String responseModel;

  EmbeddingResult(@Nullable Long dimensionCount, @Nullable Long inputTokens, @Nullable String responseModel) {
    this.dimensionCount = dimensionCount;
    this.inputTokens = inputTokens;
    this.responseModel = responseModel;
  }

  @Nullable
  static EmbeddingResult of(@Nullable Object response) {
    if (!(response instanceof Response)) {
      return null;
    }
    Response<?> r = (Response<?>) response;
    Object content = r.content();
    return new EmbeddingResult(dimension(content instanceof List ? (List<?>) content : null),
        inputTokens(r.tokenUsage()), null);
  }

  /** {@code outer}'s answers, with what only {@code inner} (a nested 1.18+ call) knew filled in. */
  @Nullable
  static EmbeddingResult merge(@Nullable EmbeddingResult outer, @Nullable EmbeddingResult inner) {
    if (outer == null || inner == null) {
      return outer != null ? outer : inner;
    }
    return new EmbeddingResult(
        outer.dimensionCount != null ? outer.dimensionCount : inner.dimensionCount,
        outer.inputTokens != null ? outer.inputTokens : inner.inputTokens,
        outer.responseModel != null ? outer.responseModel : inner.responseModel);
  }

  /** The vectors' length: the first vector's (a batch has one dimension). */
  @Nullable
  static Long dimension(@Nullable List<?> embeddings) {
    if (embeddings == null || embeddings.isEmpty() || !(embeddings.get(0) instanceof Embedding)) {
      return null;
    }
    return (long) ((Embedding) embeddings.get(0)).dimension();
  }

  @Nullable
  static Long inputTokens(@Nullable TokenUsage usage) {
    return usage == null ? null : Reflection.asLong(usage.inputTokenCount());
  }
}

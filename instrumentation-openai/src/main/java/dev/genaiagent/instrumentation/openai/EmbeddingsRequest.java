package dev.genaiagent.instrumentation.openai;

import com.openai.models.embeddings.EmbeddingCreateParams;

/** One embeddings request and where it goes. */
final class EmbeddingsRequest {
  final EmbeddingCreateParams params;
  final OpenAiEndpoint endpoint;

  EmbeddingsRequest(EmbeddingCreateParams params, OpenAiEndpoint endpoint) {
    this.params = params;
    this.endpoint = endpoint;
  }
}

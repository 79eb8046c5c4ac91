package dev.genaiagent.instrumentation.openai;

import com.openai.models.completions.CompletionCreateParams;

/** One legacy Completions request and where it goes. */
final class CompletionRequest {
  final CompletionCreateParams params;
  final OpenAiEndpoint endpoint;
  final boolean streaming;

  CompletionRequest(CompletionCreateParams params, OpenAiEndpoint endpoint, boolean streaming) {
    this.params = params;
    this.endpoint = endpoint;
    this.streaming = streaming;
  }
}

package dev.genaiagent.instrumentation.openai;

import com.openai.models.chat.completions.ChatCompletionCreateParams;

/** One Chat Completions request as the instrumentation sees it: the params and where they go. */
final class ChatRequest {
  final ChatCompletionCreateParams params;
  final OpenAiEndpoint endpoint;
  final boolean streaming;

  ChatRequest(ChatCompletionCreateParams params, OpenAiEndpoint endpoint, boolean streaming) {
    this.params = params;
    this.endpoint = endpoint;
    this.streaming = streaming;
  }
}

package dev.genaiagent.instrumentation.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import javax.annotation.Nullable;

/** One Chat Completions request as the instrumentation sees it: the params and where they go. */
final class ChatRequest {
  final ChatCompletionCreateParams params;
  final OpenAiEndpoint endpoint;
  final boolean streaming;
  @Nullable private JsonNode body;

  ChatRequest(ChatCompletionCreateParams params, OpenAiEndpoint endpoint, boolean streaming) {
    this.params = params;
    this.endpoint = endpoint;
    this.streaming = streaming;
  }

  /** The request's wire JSON, built once and only when content capture asks for it. */
  JsonNode body() {
    if (body == null) {
      body = OpenAiContent.toJson(params._body());
    }
    return body;
  }
}

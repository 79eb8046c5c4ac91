package dev.genaiagent.instrumentation.langchain4j.chat;

import dev.genaiagent.instrumentation.langchain4j.ModelEndpoint;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import javax.annotation.Nullable;

/**
 * One {@code chat(...)} of a {@code ChatModel} or {@code StreamingChatModel}: the request as the model
 * will send it. Model name and sampling settings usually live in the model's default parameters, not in
 * the request, so the effective parameters are computed here the way the model's own {@code chat}
 * does ({@code defaultRequestParameters().overrideWith(request.parameters())}, which has no side effects).
 */
final class ChatInvocation {
  final ChatRequest request;
  @Nullable final ChatRequestParameters parameters;
  final String provider;
  final ModelEndpoint endpoint;
  @Nullable final String modelName;
  final boolean streaming;
  @Nullable final String conversationId;

  private ChatInvocation(ChatRequest request, @Nullable ChatRequestParameters parameters, String provider,
      ModelEndpoint endpoint, @Nullable String modelName, boolean streaming, @Nullable String conversationId) {
    this.request = request;
    this.parameters = parameters;
    this.provider = provider;
    this.endpoint = endpoint;
    this.modelName = modelName;
    this.streaming = streaming;
    this.conversationId = conversationId;
  }

  static ChatInvocation of(Object model, ChatRequest request, boolean streaming, @Nullable String conversationId) {
    ChatRequestParameters parameters = request.parameters();
    ChatRequestParameters defaults = ChatModels.defaultParameters(model);
    if (defaults != null) {
      try {
        parameters = defaults.overrideWith(parameters);
      } catch (Throwable t) {
        // the request's own parameters
      }
    }
    ModelEndpoint endpoint = ModelEndpoint.of(model);
    return new ChatInvocation(request, parameters, ChatModels.providerName(model, endpoint.host), endpoint,
        ChatModels.modelName(model, parameters), streaming, conversationId);
  }
}

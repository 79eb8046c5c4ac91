package dev.genaiagent.instrumentation.langchain4j.service;

import dev.genaiagent.instrumentation.langchain4j.ModelEndpoint;
import dev.genaiagent.instrumentation.langchain4j.Reflection;
import dev.genaiagent.instrumentation.langchain4j.chat.ChatModels;
import io.opentelemetry.instrumentation.api.internal.cache.Cache;
import javax.annotation.Nullable;

/**
 * The provider and model name of an AI service's chat models, for its {@code invoke_agent} span (a
 * required attribute, and the agent's metrics split by it). Read once per service from the proxy's
 * handler: {@code DefaultAiServices$1.this$0.context} holds the models in every version; only names
 * are kept, never the models.
 */
final class ServiceModels {
  private static final Cache<Object, ServiceModels> BY_HANDLER = Cache.weak();
  private static final ServiceModels UNKNOWN = new ServiceModels(null, null, null, null);

  @Nullable final String chatProvider;
  @Nullable final String chatModel;
  @Nullable final String streamingProvider;
  @Nullable final String streamingModel;

  private ServiceModels(@Nullable String chatProvider, @Nullable String chatModel,
      @Nullable String streamingProvider, @Nullable String streamingModel) {
    this.chatProvider = chatProvider;
    this.chatModel = chatModel;
    this.streamingProvider = streamingProvider;
    this.streamingModel = streamingModel;
  }

  static ServiceModels of(Object handler) {
    ServiceModels m = BY_HANDLER.get(handler);
    if (m == null) {
      m = read(handler);
      BY_HANDLER.put(handler, m);
    }
    return m;
  }

  @Nullable
  String provider(boolean streaming) {
    return streaming && streamingProvider != null || chatProvider == null ? streamingProvider : chatProvider;
  }

  @Nullable
  String model(boolean streaming) {
    return streaming && streamingProvider != null || chatProvider == null ? streamingModel : chatModel;
  }

  private static ServiceModels read(Object handler) {
    Object context = Reflection.field(Reflection.field(handler, "this$0"), "context");
    if (context == null) {
      return UNKNOWN;
    }
    Object chat = Reflection.field(context, "chatModel");
    Object streaming = Reflection.field(context, "streamingChatModel");
    return new ServiceModels(provider(chat), modelName(chat), provider(streaming), modelName(streaming));
  }

  @Nullable
  private static String provider(@Nullable Object model) {
    return model == null ? null : ChatModels.providerName(model, ModelEndpoint.of(model).host);
  }

  @Nullable
  private static String modelName(@Nullable Object model) {
    return model == null ? null : ChatModels.defaultModelName(model);
  }
}

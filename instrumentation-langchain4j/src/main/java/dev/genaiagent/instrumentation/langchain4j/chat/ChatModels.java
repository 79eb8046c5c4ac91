package dev.genaiagent.instrumentation.langchain4j.chat;

import dev.genaiagent.instrumentation.langchain4j.ModelProviders;
import dev.genaiagent.instrumentation.langchain4j.Reflection;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import javax.annotation.Nullable;

/**
 * What a {@code ChatModel} or {@code StreamingChatModel} says about itself: its provider and its
 * default parameters (where the model name usually is). A model that does not implement them (Anthropic
 * in 1.0.x) keeps the model name in a private field. Used for each chat call and for an AI service's
 * models.
 */
public final class ChatModels {
  private ChatModels() {}

  /** The {@code gen_ai.provider.name} of {@code model}, served at {@code host} (null when unknown). */
  public static String providerName(Object model, @Nullable String host) {
    Enum<?> provider = null;
    try {
      provider = model instanceof ChatModel ? ((ChatModel) model).provider()
          : model instanceof StreamingChatModel ? ((StreamingChatModel) model).provider() : null;
    } catch (Throwable t) {
      // a model that does not implement it: the class name decides
    }
    return ModelProviders.of(provider, model.getClass(), host);
  }

  /** The model's default request parameters; null when it has none or does not implement them. */
  @Nullable
  static ChatRequestParameters defaultParameters(Object model) {
    try {
      return model instanceof ChatModel ? ((ChatModel) model).defaultRequestParameters()
          : model instanceof StreamingChatModel ? ((StreamingChatModel) model).defaultRequestParameters() : null;
    } catch (Throwable t) {
      return null;
    }
  }

  /** The model name in {@code parameters}, else in the model's {@code modelName} field. */
  @Nullable
  static String modelName(Object model, @Nullable ChatRequestParameters parameters) {
    String name = parameters == null ? null : parameters.modelName();
    if (name == null) {
      Object field = Reflection.field(model, "modelName");
      name = field instanceof String ? (String) field : null;
    }
    return name;
  }

  /** The model name of {@code model}'s own defaults (an AI service's model, outside any call). */
  @Nullable
  public static String defaultModelName(Object model) {
    return modelName(model, defaultParameters(model));
  }
}

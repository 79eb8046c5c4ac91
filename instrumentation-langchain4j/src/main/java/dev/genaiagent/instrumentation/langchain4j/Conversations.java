package dev.genaiagent.instrumentation.langchain4j;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import javax.annotation.Nullable;

/**
 * The conversation an AI service call belongs to (its {@code @MemoryId} argument), carried in the
 * context so the model calls it makes report the same {@code gen_ai.conversation.id}.
 */
public final class Conversations {
  private static final ContextKey<String> CONVERSATION_ID = ContextKey.named("genai-langchain4j-conversation-id");

  private Conversations() {}

  public static Context with(Context context, @Nullable String conversationId) {
    return conversationId == null ? context : context.with(CONVERSATION_ID, conversationId);
  }

  @Nullable
  public static String current(Context context) {
    return context.get(CONVERSATION_ID);
  }
}

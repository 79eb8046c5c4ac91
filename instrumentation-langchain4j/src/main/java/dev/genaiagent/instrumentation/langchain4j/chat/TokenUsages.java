package dev.genaiagent.instrumentation.langchain4j.chat;

import dev.genaiagent.instrumentation.langchain4j.Reflection;
import dev.langchain4j.model.output.TokenUsage;
import javax.annotation.Nullable;

/**
 * Token counts from a LangChain4j {@code TokenUsage}. Cache and reasoning counts live in provider
 * subclasses ({@code OpenAiTokenUsage}, {@code OpenAiOfficialTokenUsage}: input/output token details;
 * {@code AnthropicTokenUsage}: cache read/creation), read by method name. Anthropic reports input
 * tokens without the cached ones; the conventions count every input token, so those are added.
 */
final class TokenUsages {
  private TokenUsages() {}

  @Nullable
  static Long inputTokens(@Nullable Object usage) {
    if (!(usage instanceof TokenUsage)) {
      return null;
    }
    Long input = Reflection.asLong(((TokenUsage) usage).inputTokenCount());
    if (input != null && isAnthropic(usage)) {
      Long read = cacheReadInputTokens(usage);
      Long creation = cacheCreationInputTokens(usage);
      input += (read == null ? 0 : read) + (creation == null ? 0 : creation);
    }
    return input;
  }

  @Nullable
  static Long outputTokens(@Nullable Object usage) {
    return usage instanceof TokenUsage ? Reflection.asLong(((TokenUsage) usage).outputTokenCount()) : null;
  }

  @Nullable
  static Long cacheReadInputTokens(@Nullable Object usage) {
    if (isAnthropic(usage)) {
      return Reflection.asLong(Reflection.call(usage, "cacheReadInputTokens"));
    }
    return Reflection.asLong(Reflection.call(Reflection.call(usage, "inputTokensDetails"), "cachedTokens"));
  }

  @Nullable
  static Long cacheCreationInputTokens(@Nullable Object usage) {
    return isAnthropic(usage) ? Reflection.asLong(Reflection.call(usage, "cacheCreationInputTokens")) : null;
  }

  @Nullable
  static Long reasoningOutputTokens(@Nullable Object usage) {
    return Reflection.asLong(Reflection.call(Reflection.call(usage, "outputTokensDetails"), "reasoningTokens"));
  }

  private static boolean isAnthropic(@Nullable Object usage) {
    return usage != null && usage.getClass().getName().endsWith(".AnthropicTokenUsage");
  }
}

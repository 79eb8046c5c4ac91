package dev.genaiagent.instrumentation.openai;

import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.completions.CompletionUsage;
import dev.genaiagent.telemetry.content.GenAiMessage;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/** A non-streamed {@link ChatCompletion}. */
final class CompletedChat implements ChatResult {
  private final ChatCompletion completion;

  CompletedChat(ChatCompletion completion) {
    this.completion = completion;
  }

  @Override
  public String id() {
    return completion.id();
  }

  @Override
  public String model() {
    return completion.model();
  }

  @Override
  public List<String> finishReasons() {
    List<String> reasons = new ArrayList<>();
    for (ChatCompletion.Choice choice : completion.choices()) {
      reasons.add(choice.finishReason().asString());
    }
    return reasons;
  }

  @Nullable
  private CompletionUsage usage() {
    return completion.usage().orElse(null);
  }

  @Override
  public Long inputTokens() {
    CompletionUsage u = usage();
    return u == null ? null : u.promptTokens();
  }

  @Override
  public Long outputTokens() {
    CompletionUsage u = usage();
    return u == null ? null : u.completionTokens();
  }

  @Override
  public Long cachedInputTokens() {
    CompletionUsage u = usage();
    return u == null ? null : u.promptTokensDetails().flatMap(d -> d.cachedTokens()).orElse(null);
  }

  @Override
  public Long cacheWriteTokens() {
    CompletionUsage u = usage();
    return u == null ? null : u.promptTokensDetails().flatMap(d -> d.cacheWriteTokens()).orElse(null);
  }

  @Override
  public Long reasoningTokens() {
    CompletionUsage u = usage();
    return u == null ? null : u.completionTokensDetails().flatMap(d -> d.reasoningTokens()).orElse(null);
  }

  @Override
  public String serviceTier() {
    return completion.serviceTier().map(t -> t.asString()).orElse(null);
  }

  @Override
  public String systemFingerprint() {
    return completion.systemFingerprint().orElse(null);
  }

  @Override
  public List<GenAiMessage> outputMessages() {
    return OpenAiContent.chatOutputMessages(OpenAiContent.toJson(completion));
  }
}

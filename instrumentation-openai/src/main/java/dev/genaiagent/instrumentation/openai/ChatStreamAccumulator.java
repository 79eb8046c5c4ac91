package dev.genaiagent.instrumentation.openai;

import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.completions.CompletionUsage;
import dev.genaiagent.telemetry.GenAiCall;
import dev.genaiagent.telemetry.content.GenAiMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * Assembles what a Chat Completions stream said, chunk by chunk, and times output chunks. Text and
 * tool-call arguments are kept only when content capture is on; otherwise a chunk costs a few field
 * reads. Not thread-safe: a stream is consumed by one thread at a time.
 */
final class ChatStreamAccumulator
    implements ChatResult, OpenAiCall.StreamAccumulator<ChatCompletionChunk, ChatResult> {
  private final GenAiCall call;
  private final boolean captureContent;
  @Nullable private String id;
  @Nullable private String model;
  @Nullable private String serviceTier;
  @Nullable private String systemFingerprint;
  @Nullable private CompletionUsage usage;
  private final TreeMap<Long, ChoiceState> choices = new TreeMap<>();

  ChatStreamAccumulator(GenAiCall call, boolean captureContent) {
    this.call = call;
    this.captureContent = captureContent;
  }

  @Override
  public ChatResult result() {
    return this;
  }

  @Override
  public void onElement(ChatCompletionChunk chunk) {
    boolean output = false;
    for (ChatCompletionChunk.Choice choice : chunk.choices()) {
      ChatCompletionChunk.Choice.Delta delta = choice.delta();
      Optional<String> content = delta.content();
      Optional<String> refusal = delta.refusal();
      Optional<List<ChatCompletionChunk.Choice.Delta.ToolCall>> toolCalls = delta.toolCalls();
      // Time to first chunk counts content, refusals and tool calls, not the opening chunk that only
      // carries the role (with "content": "").
      output |= nonEmpty(content) || nonEmpty(refusal) || (toolCalls.isPresent() && !toolCalls.get().isEmpty());
      ChoiceState state = choice(choice.index());
      choice.finishReason().ifPresent(r -> state.finishReason = r.asString());
      if (captureContent) {
        content.ifPresent(state.text::append);
        refusal.ifPresent(state.text::append);
        toolCalls.ifPresent(state::addToolCalls);
      }
    }
    if (output) {
      call.onChunk();
    }
    if (id == null) {
      id = chunk.id();
      model = chunk.model();
    }
    if (serviceTier == null) {
      serviceTier = chunk.serviceTier().map(t -> t.asString()).orElse(null);
    }
    if (systemFingerprint == null) {
      systemFingerprint = chunk.systemFingerprint().orElse(null);
    }
    if (usage == null) {
      usage = chunk.usage().orElse(null);
    }
  }

  private static boolean nonEmpty(Optional<String> text) {
    return text.isPresent() && !text.get().isEmpty();
  }

  private ChoiceState choice(long index) {
    ChoiceState state = choices.get(index);
    if (state == null) {
      state = new ChoiceState();
      choices.put(index, state);
    }
    return state;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public List<String> finishReasons() {
    List<String> reasons = new ArrayList<>();
    for (ChoiceState c : choices.values()) {
      if (c.finishReason != null) {
        reasons.add(c.finishReason);
      }
    }
    return reasons.isEmpty() ? null : reasons;
  }

  @Override
  public Long inputTokens() {
    return usage == null ? null : usage.promptTokens();
  }

  @Override
  public Long outputTokens() {
    return usage == null ? null : usage.completionTokens();
  }

  @Override
  public Long cachedInputTokens() {
    return usage == null ? null : usage.promptTokensDetails().flatMap(d -> d.cachedTokens()).orElse(null);
  }

  @Override
  public Long cacheWriteTokens() {
    return usage == null ? null : usage.promptTokensDetails().flatMap(d -> d.cacheWriteTokens()).orElse(null);
  }

  @Override
  public Long reasoningTokens() {
    return usage == null ? null : usage.completionTokensDetails().flatMap(d -> d.reasoningTokens()).orElse(null);
  }

  @Override
  public String serviceTier() {
    return serviceTier;
  }

  @Override
  public String systemFingerprint() {
    return systemFingerprint;
  }

  @Override
  public List<GenAiMessage> outputMessages() {
    List<GenAiMessage> messages = new ArrayList<>();
    for (ChoiceState c : choices.values()) {
      List<GenAiMessage.Part> parts = new ArrayList<>();
      if (c.text.length() > 0) {
        parts.add(GenAiMessage.Part.text(c.text.toString()));
      }
      for (ToolCallState t : c.toolCalls.values()) {
        parts.add(GenAiMessage.Part.toolCall(t.id, t.name == null ? "" : t.name, t.arguments.toString()));
      }
      messages.add(GenAiMessage.output("assistant", parts, OpenAiContent.finishReason(c.finishReason)));
    }
    return messages;
  }

  private static final class ChoiceState {
    final StringBuilder text = new StringBuilder();
    final TreeMap<Long, ToolCallState> toolCalls = new TreeMap<>();
    @Nullable String finishReason;

    void addToolCalls(List<ChatCompletionChunk.Choice.Delta.ToolCall> deltas) {
      for (ChatCompletionChunk.Choice.Delta.ToolCall delta : deltas) {
        ToolCallState state = toolCalls.get(delta.index());
        if (state == null) {
          state = new ToolCallState();
          toolCalls.put(delta.index(), state);
        }
        ToolCallState s = state;
        delta.id().ifPresent(v -> s.id = v);
        delta.function().ifPresent(f -> {
          f.name().ifPresent(v -> s.name = v);
          f.arguments().ifPresent(s.arguments::append);
        });
      }
    }
  }

  private static final class ToolCallState {
    @Nullable String id;
    @Nullable String name;
    final StringBuilder arguments = new StringBuilder();
  }
}

package dev.genaiagent.instrumentation.openai;

import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionChoice;
import com.openai.models.completions.CompletionUsage;
import dev.genaiagent.telemetry.GenAiCall;
import dev.genaiagent.telemetry.content.GenAiMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * What a legacy Completions call returned: built from one {@link Completion}, or chunk by chunk from
 * a stream (whose chunks are {@link Completion}s too, with no finish reason until the last).
 */
final class CompletionSummary implements OpenAiCall.StreamAccumulator<Completion, CompletionSummary> {
  @Nullable private final GenAiCall streamCall;
  private final boolean captureContent;
  @Nullable String id;
  @Nullable String model;
  @Nullable String systemFingerprint;
  @Nullable CompletionUsage usage;
  private final TreeMap<Long, String> finishReasons = new TreeMap<>();
  private final TreeMap<Long, StringBuilder> texts = new TreeMap<>();

  private CompletionSummary(@Nullable GenAiCall streamCall, boolean captureContent) {
    this.streamCall = streamCall;
    this.captureContent = captureContent;
  }

  static CompletionSummary of(Completion completion) {
    CompletionSummary summary = new CompletionSummary(null, OpenAiSingletons.captureContent());
    summary.onElement(completion);
    return summary;
  }

  static CompletionSummary streaming(GenAiCall call, boolean captureContent) {
    return new CompletionSummary(call, captureContent);
  }

  @Override
  public void onElement(Completion chunk) {
    boolean output = false;
    for (CompletionChoice choice : chunk.choices()) {
      String text = choice.text();
      output |= !text.isEmpty();
      if (captureContent) {
        texts.computeIfAbsent(choice.index(), i -> new StringBuilder()).append(text);
      }
      try {
        finishReasons.put(choice.index(), choice.finishReason().asString());
      } catch (RuntimeException absentUntilTheLastChunk) {
        // streamed chunks carry finish_reason: null until the choice ends
      }
    }
    if (output && streamCall != null) {
      streamCall.onChunk();
    }
    if (id == null) {
      id = chunk.id();
      model = chunk.model();
    }
    if (systemFingerprint == null) {
      systemFingerprint = chunk.systemFingerprint().orElse(null);
    }
    if (usage == null) {
      usage = chunk.usage().orElse(null);
    }
  }

  @Override
  public CompletionSummary result() {
    return this;
  }

  @Nullable
  List<String> finishReasons() {
    return finishReasons.isEmpty() ? null : new ArrayList<>(finishReasons.values());
  }

  List<GenAiMessage> outputMessages() {
    List<GenAiMessage> messages = new ArrayList<>();
    for (java.util.Map.Entry<Long, StringBuilder> e : texts.entrySet()) {
      List<GenAiMessage.Part> parts = new ArrayList<>();
      parts.add(GenAiMessage.Part.text(e.getValue().toString()));
      messages.add(GenAiMessage.output("assistant", parts, OpenAiContent.finishReason(finishReasons.get(e.getKey()))));
    }
    return messages;
  }
}

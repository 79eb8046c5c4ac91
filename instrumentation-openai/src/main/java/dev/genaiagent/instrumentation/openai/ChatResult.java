package dev.genaiagent.instrumentation.openai;

import dev.genaiagent.telemetry.content.GenAiMessage;
import java.util.List;
import javax.annotation.Nullable;

/** What a chat call returned, whether as one {@code ChatCompletion} or assembled from stream chunks. */
interface ChatResult {
  @Nullable
  String id();

  @Nullable
  String model();

  @Nullable
  List<String> finishReasons();

  @Nullable
  Long inputTokens();

  @Nullable
  Long outputTokens();

  @Nullable
  Long cachedInputTokens();

  /** Prompt tokens written to the provider's cache (modelled by the SDK from 4.43; null before). */
  @Nullable
  Long cacheWriteTokens();

  @Nullable
  Long reasoningTokens();

  @Nullable
  String serviceTier();

  @Nullable
  String systemFingerprint();

  /** Only called when content capture is on. */
  @Nullable
  List<GenAiMessage> outputMessages();
}

package dev.genaiagent.telemetry.cost;

import javax.annotation.Nullable;

/**
 * The token counts of one model call, as the {@code gen_ai.usage.*} attributes carry them (OpenTelemetry
 * GenAI conventions v1.41.1): input tokens include cache reads and cache writes, output tokens include
 * reasoning tokens. Each count is null when the provider did not report it. Immutable.
 */
public final class TokenUsage {
  @Nullable private final Long inputTokens;
  @Nullable private final Long outputTokens;
  @Nullable private final Long cacheReadInputTokens;
  @Nullable private final Long cacheCreationInputTokens;
  @Nullable private final Long reasoningOutputTokens;
  private final boolean embeddings;

  private TokenUsage(Builder b) {
    inputTokens = b.inputTokens;
    outputTokens = b.outputTokens;
    cacheReadInputTokens = b.cacheReadInputTokens;
    cacheCreationInputTokens = b.cacheCreationInputTokens;
    reasoningOutputTokens = b.reasoningOutputTokens;
    embeddings = b.embeddings;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** An inference call with only input and output counts. */
  public static TokenUsage of(@Nullable Long inputTokens, @Nullable Long outputTokens) {
    return builder().inputTokens(inputTokens).outputTokens(outputTokens).build();
  }

  /** An embeddings call ({@code gen_ai.operation.name} {@code embeddings}). */
  public static TokenUsage embeddings(@Nullable Long inputTokens) {
    return builder().inputTokens(inputTokens).embeddings(true).build();
  }

  /** {@code gen_ai.usage.input_tokens}: every input token, cached ones included. */
  @Nullable
  public Long inputTokens() {
    return inputTokens;
  }

  /** {@code gen_ai.usage.output_tokens}: every output token, reasoning ones included. */
  @Nullable
  public Long outputTokens() {
    return outputTokens;
  }

  /** {@code gen_ai.usage.cache_read.input_tokens}: input tokens served from a cache. */
  @Nullable
  public Long cacheReadInputTokens() {
    return cacheReadInputTokens;
  }

  /** {@code gen_ai.usage.cache_creation.input_tokens}: input tokens written to a cache. */
  @Nullable
  public Long cacheCreationInputTokens() {
    return cacheCreationInputTokens;
  }

  /** {@code gen_ai.usage.reasoning.output_tokens}: output tokens spent on reasoning. */
  @Nullable
  public Long reasoningOutputTokens() {
    return reasoningOutputTokens;
  }

  /** Whether the call was an embeddings call, priced at the embedding input price. */
  public boolean isEmbeddings() {
    return embeddings;
  }

  @Override
  public String toString() {
    return "TokenUsage{input=" + inputTokens + ", output=" + outputTokens + ", cacheRead=" + cacheReadInputTokens
        + ", cacheCreation=" + cacheCreationInputTokens + ", reasoning=" + reasoningOutputTokens
        + (embeddings ? ", embeddings" : "") + '}';
  }

  public static final class Builder {
    @Nullable private Long inputTokens;
    @Nullable private Long outputTokens;
    @Nullable private Long cacheReadInputTokens;
    @Nullable private Long cacheCreationInputTokens;
    @Nullable private Long reasoningOutputTokens;
    private boolean embeddings;

    private Builder() {}

    public Builder inputTokens(@Nullable Long count) {
      inputTokens = count;
      return this;
    }

    public Builder outputTokens(@Nullable Long count) {
      outputTokens = count;
      return this;
    }

    public Builder cacheReadInputTokens(@Nullable Long count) {
      cacheReadInputTokens = count;
      return this;
    }

    public Builder cacheCreationInputTokens(@Nullable Long count) {
      cacheCreationInputTokens = count;
      return this;
    }

    public Builder reasoningOutputTokens(@Nullable Long count) {
      reasoningOutputTokens = count;
      return this;
    }

    public Builder embeddings(boolean embeddingsCall) {
      embeddings = embeddingsCall;
      return this;
    }

    public TokenUsage build() {
      return new TokenUsage(this);
    }
  }
}

package dev.genaiagent.telemetry.cost;

import javax.annotation.Nullable;

/**
 * The prices of one model of one provider, in USD per 1,000,000 tokens, and the cost of one call's usage.
 * Immutable. Prices are held as whole micro-USD per million tokens (that is pico-USD per token), so that
 * a cost is summed exactly and rounded once: a table price has at most six decimal places.
 */
public final class ModelPrice {
  /** A price that is not set (the column held {@code -}). */
  static final long UNSET = -1;
  private static final double PICO_USD_PER_USD = 1e12;

  private final String provider;
  private final String model;
  private final long input;
  private final long output;
  private final long cacheRead;
  private final long cacheWrite;
  private final long reasoningOutput;
  private final long embeddingInput;

  /** Prices in micro-USD per million tokens, {@link #UNSET} where not set; input or embedding is set. */
  ModelPrice(String provider, String model, long input, long output, long cacheRead, long cacheWrite,
      long reasoningOutput, long embeddingInput) {
    this.provider = provider;
    this.model = model;
    this.input = input;
    this.output = output;
    this.cacheRead = cacheRead;
    this.cacheWrite = cacheWrite;
    this.reasoningOutput = reasoningOutput;
    this.embeddingInput = embeddingInput;
  }

  /** The {@code gen_ai.provider.name} value the row is for. */
  public String provider() {
    return provider;
  }

  /** The model name as listed (lower case; a family name or a snapshot listed on its own). */
  public String model() {
    return model;
  }

  /** Input tokens neither read from nor written to a cache. */
  @Nullable
  public Double inputPerMillion() {
    return usd(input);
  }

  /** Output tokens (reasoning tokens included, unless {@link #reasoningOutputPerMillion()} is set). */
  @Nullable
  public Double outputPerMillion() {
    return usd(output);
  }

  /** Input tokens read from a cache; null when the provider gives no discount (the input price applies). */
  @Nullable
  public Double cacheReadPerMillion() {
    return usd(cacheRead);
  }

  /** Input tokens written to a cache; null when writing costs the input price. */
  @Nullable
  public Double cacheWritePerMillion() {
    return usd(cacheWrite);
  }

  /** Reasoning output tokens; null when they cost the output price. */
  @Nullable
  public Double reasoningOutputPerMillion() {
    return usd(reasoningOutput);
  }

  /** Input tokens of an embeddings call; null when the input price applies. */
  @Nullable
  public Double embeddingInputPerMillion() {
    return usd(embeddingInput);
  }

  /**
   * The cost in USD of one call's usage, or null when it cannot be told. Token semantics follow the
   * OpenTelemetry GenAI conventions (v1.41.1), whatever the provider's own wire format:
   *
   * <ul>
   *   <li>input tokens include the tokens read from and written to a cache, so the uncached remainder
   *       costs the input price, cache reads the cache-read price and cache writes the cache-write
   *       price (each falling back to the input price when the row sets none);
   *   <li>output tokens include reasoning tokens, so reasoning tokens are split off only when the
   *       row gives them a price of their own;
   *   <li>an embeddings call costs its input tokens at the embedding price (else the input price);
   *   <li>a missing count contributes nothing: the cost is that of the counts that are known, and
   *       null when none is;
   *   <li>counts that contradict those rules (a negative count, cached tokens above the input tokens,
   *       reasoning tokens above the output tokens) or output tokens of a model without an output price
   *       make the cost null, since which count is wrong cannot be told.
   * </ul>
   */
  @Nullable
  public Double cost(TokenUsage usage) {
    Long in = usage.inputTokens();
    Long out = usage.outputTokens();
    Long read = usage.cacheReadInputTokens();
    Long write = usage.cacheCreationInputTokens();
    Long reasoning = usage.reasoningOutputTokens();
    if (negative(in) || negative(out) || negative(read) || negative(write) || negative(reasoning)) {
      return null;
    }
    try {
      if (usage.isEmbeddings()) {
        return in == null ? null : usd(in, embeddingInput != UNSET ? embeddingInput : input);
      }
      long inputPrice = input != UNSET ? input : embeddingInput;
      long total = 0;
      boolean known = false;
      if (in != null) {
        long uncached = in - orZero(read) - orZero(write);
        if (uncached < 0) {
          return null;
        }
        total = Math.addExact(total, Math.multiplyExact(uncached, inputPrice));
        known = true;
      }
      if (read != null) {
        total = Math.addExact(total, Math.multiplyExact(read, cacheRead != UNSET ? cacheRead : inputPrice));
        known = true;
      }
      if (write != null) {
        total = Math.addExact(total, Math.multiplyExact(write, cacheWrite != UNSET ? cacheWrite : inputPrice));
        known = true;
      }
      if (out != null && reasoning != null && reasoning > out) {
        return null;
      }
      long reasoningPrice = reasoningOutput != UNSET ? reasoningOutput : output;
      if (out != null) {
        if (output == UNSET && out > 0) {
          return null;
        }
        long split = reasoningOutput != UNSET ? orZero(reasoning) : 0;
        total = Math.addExact(total, Math.multiplyExact(out - split, Math.max(output, 0)));
        total = Math.addExact(total, Math.multiplyExact(split, reasoningPrice));
        known = true;
      } else if (reasoning != null) {
        if (reasoningPrice == UNSET && reasoning > 0) {
          return null;
        }
        total = Math.addExact(total, Math.multiplyExact(reasoning, Math.max(reasoningPrice, 0)));
        known = true;
      }
      return known ? total / PICO_USD_PER_USD : null;
    } catch (ArithmeticException overflow) {
      return null; // beyond 9 million USD in one call: a corrupt count, not a cost
    }
  }

  private static boolean negative(@Nullable Long count) {
    return count != null && count < 0;
  }

  private static long orZero(@Nullable Long count) {
    return count == null ? 0 : count;
  }

  private static Double usd(long tokens, long microUsdPerMillion) {
    return Math.multiplyExact(tokens, microUsdPerMillion) / PICO_USD_PER_USD;
  }

  @Nullable
  private static Double usd(long microUsdPerMillion) {
    return microUsdPerMillion == UNSET ? null : microUsdPerMillion / 1e6;
  }

  private boolean samePrices(ModelPrice other) {
    return input == other.input && output == other.output && cacheRead == other.cacheRead
        && cacheWrite == other.cacheWrite && reasoningOutput == other.reasoningOutput
        && embeddingInput == other.embeddingInput;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ModelPrice)) {
      return false;
    }
    ModelPrice other = (ModelPrice) o;
    return provider.equals(other.provider) && model.equals(other.model) && samePrices(other);
  }

  @Override
  public int hashCode() {
    int h = provider.hashCode() * 31 + model.hashCode();
    for (long price : new long[] {input, output, cacheRead, cacheWrite, reasoningOutput, embeddingInput}) {
      h = h * 31 + Long.hashCode(price);
    }
    return h;
  }

  @Override
  public String toString() {
    return provider + ' ' + model + " (USD per 1M tokens: input " + usd(input) + ", output " + usd(output)
        + ", cache read " + usd(cacheRead) + ", cache write " + usd(cacheWrite) + ", reasoning output "
        + usd(reasoningOutput) + ", embedding input " + usd(embeddingInput) + ')';
  }
}

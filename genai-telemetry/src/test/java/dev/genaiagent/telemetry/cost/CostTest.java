package dev.genaiagent.telemetry.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expected values are computed by hand from the bundled rows, in micro-USD (tokens x USD per 1M tokens),
 * and compared exactly: costs are summed in integers and rounded once.
 */
class CostTest {
  private final PricingTable table = PricingTable.bundled();

  private static TokenUsage.Builder usage() {
    return TokenUsage.builder();
  }

  @Test
  void openAiInputIncludesCachedTokens() {
    // gpt-4o-mini: input 0.15, cached 0.075, output 0.60. 800 x 0.15 + 200 x 0.075 + 500 x 0.60 = 435 micro-USD.
    TokenUsage u = usage().inputTokens(1000L).cacheReadInputTokens(200L).outputTokens(500L).build();
    assertThat(table.cost("openai", "gpt-4o-mini-2024-07-18", u)).isEqualTo(0.000435);
    // Without cache reads everything is input: 1000 x 0.15 + 500 x 0.60 = 450.
    assertThat(table.cost("openai", "gpt-4o-mini", TokenUsage.of(1000L, 500L))).isEqualTo(0.00045);
  }

  @Test
  void anthropicCacheReadsAndWritesArePartOfInputAndPricedApart() {
    // claude-sonnet-4-5: input 3, output 15, cache read 0.30, cache write 3.75. 10000 input tokens of which
    // 2000 read and 3000 written: 5000 x 3 + 2000 x 0.30 + 3000 x 3.75 + 1000 x 15 = 41850.
    TokenUsage u = usage().inputTokens(10_000L).cacheReadInputTokens(2000L).cacheCreationInputTokens(3000L)
        .outputTokens(1000L).build();
    assertThat(table.cost("anthropic", "claude-sonnet-4-5-20250929", u)).isEqualTo(0.04185);
    // claude-3-haiku: 0 uncached + 4000 x 0.30 written + 0 x 1.25 output = 1200.
    TokenUsage onlyWritten = usage().inputTokens(4000L).cacheCreationInputTokens(4000L).outputTokens(0L).build();
    assertThat(table.cost("anthropic", "claude-3-haiku-20240307", onlyWritten)).isEqualTo(0.0012);
  }

  @Test
  void cacheWritesWithoutAWritePriceCostTheInputPrice() {
    // deepseek-chat: input 0.28, cache hit 0.028, output 0.42; no write price. 100 x 0.28 + 100 x 0.28
    // (written) + 800 x 0.028 + 100 x 0.42 = 28 + 28 + 22.4 + 42 = 120.4.
    TokenUsage u = usage().inputTokens(1000L).cacheReadInputTokens(800L).cacheCreationInputTokens(100L)
        .outputTokens(100L).build();
    assertThat(table.cost("deepseek", "deepseek-chat", u)).isEqualTo(0.0001204);
  }

  @Test
  void reasoningTokensArePartOfOutputAndNotCountedTwice() {
    // o3: output 8 whatever the kind. 1000 x 2 + 1000 x 8 = 10000, reasoning or not.
    TokenUsage u = usage().inputTokens(1000L).outputTokens(1000L).reasoningOutputTokens(800L).build();
    assertThat(table.cost("openai", "o3", u)).isEqualTo(0.01);
    assertThat(table.cost("openai", "o3", TokenUsage.of(1000L, 1000L))).isEqualTo(0.01);
  }

  @Test
  void reasoningTokensWithAPriceOfTheirOwnAreSplitOffOutput(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("p.txt"),
        "acme thinker 1 2 - - 10 -\n".getBytes(StandardCharsets.UTF_8));
    PricingTable withThinker = table.withOverrides(file);
    // 100 x 1 + 600 x 2 + 400 x 10 = 5300.
    TokenUsage u = usage().inputTokens(100L).outputTokens(1000L).reasoningOutputTokens(400L).build();
    assertThat(withThinker.cost("acme", "thinker", u)).isEqualTo(0.0053);
    // Only the reasoning count known: 400 x 10.
    assertThat(withThinker.cost("acme", "thinker", usage().reasoningOutputTokens(400L).build())).isEqualTo(0.004);
  }

  @Test
  void embeddingsCostTheirInputAtTheEmbeddingPrice() {
    assertThat(table.cost("openai", "text-embedding-3-small", TokenUsage.embeddings(1_000_000L))).isEqualTo(0.02);
    assertThat(table.cost("openai", "text-embedding-3-large", TokenUsage.embeddings(1234L))).isEqualTo(0.00016042);
    assertThat(table.cost("cohere", "embed-v4.0", TokenUsage.embeddings(5000L))).isEqualTo(0.0006);
    assertThat(table.cost("gcp.gemini", "models/gemini-embedding-001", TokenUsage.embeddings(2000L))).isEqualTo(0.0003);
    assertThat(table.cost("openai", "text-embedding-3-small", TokenUsage.embeddings(null))).isNull();
  }

  @Test
  void anEmbeddingModelCalledWithoutTheEmbeddingsFlagStillCostsItsInput() {
    assertThat(table.cost("mistral_ai", "mistral-embed", TokenUsage.of(1000L, null))).isEqualTo(0.0001);
    assertThat(table.cost("mistral_ai", "mistral-embed", TokenUsage.of(1000L, 0L))).isEqualTo(0.0001);
    // Output tokens it has no price for: unknown, not free.
    assertThat(table.cost("mistral_ai", "mistral-embed", TokenUsage.of(1000L, 10L))).isNull();
  }

  @Test
  void aChatModelCalledForEmbeddingsCostsItsInputPrice() {
    assertThat(table.cost("openai", "gpt-4o-mini", TokenUsage.embeddings(1000L))).isEqualTo(0.00015);
  }

  @Test
  void unknownModelsAndProvidersHaveNoCostNotZero() {
    TokenUsage u = TokenUsage.of(1000L, 1000L);
    assertThat(table.cost("openai", "my-private-model", u)).isNull();
    assertThat(table.cost("aws.bedrock", "anthropic.claude-3-5-sonnet-20240620-v1:0", u)).isNull();
    assertThat(table.cost("openai", null, u)).isNull();
    assertThat(table.cost("anthropic", "gpt-4o", u)).isNull();
  }

  @Test
  void aGatewayReportingOpenAiIsPricedAtTheModelOwnersPrice() {
    // deepseek-reasoner through an OpenAI-compatible endpoint: 1000 x 0.28 + 2000 x 0.42 = 1120.
    assertThat(table.cost("openai", "deepseek-reasoner", TokenUsage.of(1000L, 2000L))).isEqualTo(0.00112);
  }

  @Test
  void missingCountsGiveTheCostOfWhatIsKnown() {
    // gpt-4o: input 2.50, cached 1.25, output 10.
    assertThat(table.cost("openai", "gpt-4o", TokenUsage.of(1000L, null))).isEqualTo(0.0025);
    assertThat(table.cost("openai", "gpt-4o", TokenUsage.of(null, 1000L))).isEqualTo(0.01);
    assertThat(table.cost("openai", "gpt-4o", usage().cacheReadInputTokens(1000L).build())).isEqualTo(0.00125);
    assertThat(table.cost("openai", "gpt-4o", TokenUsage.of(0L, 0L))).isEqualTo(0.0);
    assertThat(table.cost("openai", "gpt-4o", TokenUsage.of(null, null))).isNull();
    assertThat(table.cost("openai", "gpt-4o", usage().build())).isNull();
  }

  @Test
  void countsThatContradictTheConventionsHaveNoCost() {
    // Cache reads beyond the input: input_tokens was reported without them (Anthropic's wire format).
    assertThat(table.cost("anthropic", "claude-3-5-haiku",
        usage().inputTokens(10L).cacheReadInputTokens(5000L).outputTokens(10L).build())).isNull();
    assertThat(table.cost("anthropic", "claude-3-5-haiku",
        usage().inputTokens(10L).cacheCreationInputTokens(5000L).build())).isNull();
    assertThat(table.cost("openai", "o4-mini",
        usage().outputTokens(10L).reasoningOutputTokens(11L).build())).isNull();
    assertThat(table.cost("openai", "o4-mini", TokenUsage.of(-1L, 10L))).isNull();
  }

  @Test
  void longContextTiersAreNotApplied() {
    // gemini-2.5-pro base tier (1.25 / 10) even above 200k prompt tokens; documented in the table.
    assertThat(table.cost("gcp.gemini", "gemini-2.5-pro", TokenUsage.of(300_000L, 1000L))).isEqualTo(0.385);
  }

  @Test
  void hugeCountsOverflowToUnknownNotToANegativeCost() {
    assertThat(table.cost("openai", "o1-pro", TokenUsage.of(Long.MAX_VALUE / 2, 0L))).isNull();
  }

  @Test
  void pricesAreExposedPerMillionTokens() {
    ModelPrice p = table.find("anthropic", "claude-3-5-haiku");
    assertThat(p.inputPerMillion()).isEqualTo(0.8);
    assertThat(p.outputPerMillion()).isEqualTo(4.0);
    assertThat(p.cacheReadPerMillion()).isEqualTo(0.08);
    assertThat(p.cacheWritePerMillion()).isEqualTo(1.0);
    assertThat(p.reasoningOutputPerMillion()).isNull();
    assertThat(p.embeddingInputPerMillion()).isNull();
  }
}

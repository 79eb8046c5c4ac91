package dev.genaiagent.telemetry.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BundledPricesTest {
  private static final Set<String> PROVIDERS =
      Set.of("openai", "anthropic", "gcp.gemini", "mistral_ai", "cohere", "deepseek");

  /** The models the table promises to cover, as provider and listed name. */
  private static final List<String> REQUIRED = List.of(
      "openai gpt-5", "openai gpt-5-mini", "openai gpt-5-nano", "openai gpt-4.1", "openai gpt-4.1-mini",
      "openai gpt-4.1-nano", "openai gpt-4o", "openai gpt-4o-mini", "openai o1", "openai o1-mini", "openai o3",
      "openai o3-mini", "openai o4-mini", "openai gpt-4-turbo", "openai gpt-3.5-turbo",
      "openai text-embedding-3-small", "openai text-embedding-3-large", "openai text-embedding-ada-002",
      "anthropic claude-opus-4-1", "anthropic claude-opus-4", "anthropic claude-sonnet-4-5",
      "anthropic claude-sonnet-4", "anthropic claude-3-7-sonnet", "anthropic claude-3-5-sonnet",
      "anthropic claude-3-5-haiku", "anthropic claude-haiku-4-5", "anthropic claude-3-haiku",
      "anthropic claude-3-opus",
      "gcp.gemini gemini-2.5-pro", "gcp.gemini gemini-2.5-flash", "gcp.gemini gemini-2.5-flash-lite",
      "gcp.gemini gemini-2.0-flash", "gcp.gemini gemini-2.0-flash-lite", "gcp.gemini gemini-1.5-pro",
      "gcp.gemini gemini-1.5-flash", "gcp.gemini gemini-embedding-001",
      "mistral_ai mistral-large", "mistral_ai mistral-medium", "mistral_ai mistral-small", "mistral_ai codestral",
      "mistral_ai ministral-8b", "mistral_ai ministral-3b", "mistral_ai open-mistral-nemo",
      "mistral_ai mistral-embed",
      "cohere command-a", "cohere command-r-plus", "cohere command-r", "cohere command-r7b",
      "cohere embed-english-v3.0", "cohere embed-multilingual-v3.0", "cohere embed-v4.0",
      "deepseek deepseek-chat", "deepseek deepseek-reasoner");

  /** Read straight from the resource, so that a malformed row fails here rather than warning at startup. */
  private static PriceFile readBundled() throws Exception {
    InputStream in = PricingTable.class.getResourceAsStream("/" + PricingTable.BUNDLED_RESOURCE);
    assertThat(in).as("bundled resource").isNotNull();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return PriceFile.read(reader);
    }
  }

  @Test
  void everyRowOfTheBundledFileIsValidAndTheDateIsStated() throws Exception {
    PriceFile file = readBundled();
    assertThat(file.prices).hasSizeGreaterThan(60);
    assertThat(file.pricesAsOf).isEqualTo("2025-10-15");
    assertThat(LocalDate.parse(file.pricesAsOf)).isBefore(LocalDate.now().plusDays(1));
    assertThat(PricingTable.bundled().prices()).isEqualTo(file.prices);
    assertThat(PricingTable.bundled().pricesAsOf()).isEqualTo(file.pricesAsOf);
  }

  @Test
  void theHeaderNamesItsSources() throws Exception {
    String text;
    try (InputStream in = PricingTable.class.getResourceAsStream("/" + PricingTable.BUNDLED_RESOURCE)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(text).contains("# prices as of 2025-10-15").contains("pricing")
        .contains("openai.com").contains("anthropic.com").contains("ai.google.dev").contains("mistral.ai")
        .contains("cohere.com").contains("deepseek.com");
  }

  @Test
  void keysAreUniqueAndProvidersAreConventionValues() throws Exception {
    Set<String> keys = new HashSet<>();
    for (ModelPrice price : readBundled().prices) {
      assertThat(keys.add(price.provider() + ' ' + price.model())).as("duplicate %s", price).isTrue();
      assertThat(PROVIDERS).as("provider of %s", price).contains(price.provider());
      assertThat(ModelNames.normalize(price.model())).isEqualTo(price.model());
    }
  }

  @Test
  void everyPromisedModelIsListed() throws Exception {
    Set<String> keys = readBundled().prices.stream().map(p -> p.provider() + ' ' + p.model())
        .collect(Collectors.toSet());
    assertThat(keys).containsAll(REQUIRED);
  }

  @Test
  void pricesArePlausible() throws Exception {
    for (ModelPrice p : readBundled().prices) {
      if (p.embeddingInputPerMillion() != null) {
        assertThat(p.inputPerMillion()).as("embedding row %s", p).isNull();
        assertThat(p.outputPerMillion()).as("embedding row %s", p).isNull();
        assertThat(p.embeddingInputPerMillion()).as("%s", p).isPositive().isLessThan(1.0);
        continue;
      }
      assertThat(p.inputPerMillion()).as("%s", p).isPositive().isLessThanOrEqualTo(150.0);
      assertThat(p.outputPerMillion()).as("%s", p).isNotNull().isGreaterThanOrEqualTo(p.inputPerMillion());
      if (p.cacheReadPerMillion() != null) {
        assertThat(p.cacheReadPerMillion()).as("%s", p).isPositive().isLessThan(p.inputPerMillion());
      }
      if (p.cacheWritePerMillion() != null) {
        assertThat(p.cacheWritePerMillion()).as("%s", p).isGreaterThan(p.inputPerMillion());
      }
      if (p.provider().equals("anthropic")) {
        // Anthropic: 5-minute cache writes cost 1.25x input, cache reads 0.1x input (the pricing page
        // rounds Claude 3 Haiku's to the cent: 0.30 and 0.03 for 0.3125 and 0.025).
        assertThat(p.cacheWritePerMillion()).as("%s", p).isCloseTo(p.inputPerMillion() * 1.25, within(0.0125));
        assertThat(p.cacheReadPerMillion()).as("%s", p).isCloseTo(p.inputPerMillion() * 0.1, within(0.005));
      }
    }
  }
}

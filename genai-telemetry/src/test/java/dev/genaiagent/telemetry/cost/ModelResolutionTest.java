package dev.genaiagent.telemetry.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelResolutionTest {
  private final PricingTable table = PricingTable.bundled();

  @ParameterizedTest(name = "{0} {1} -> {2} {3}")
  @CsvSource(nullValues = "null", value = {
      // exact names, any case, surrounding blanks
      "openai,       gpt-4o,                                   openai,     gpt-4o",
      "OpenAI,       GPT-4o-Mini,                              openai,     gpt-4o-mini",
      "openai,       ' gpt-4.1 ',                              openai,     gpt-4.1",
      // dated snapshots resolve to their family, the longest family only
      "openai,       gpt-4o-2024-08-06,                        openai,     gpt-4o",
      "openai,       gpt-4o-mini-2024-07-18,                   openai,     gpt-4o-mini",
      "openai,       gpt-4.1-nano-2025-04-14,                  openai,     gpt-4.1-nano",
      "openai,       gpt-5-2025-08-07,                         openai,     gpt-5",
      "openai,       gpt-5-mini-2025-08-07,                    openai,     gpt-5-mini",
      "openai,       o3-mini-2025-01-31,                       openai,     o3-mini",
      "openai,       o1-preview-2024-09-12,                    openai,     o1",
      "openai,       gpt-4-turbo-2024-04-09,                   openai,     gpt-4-turbo",
      "openai,       gpt-4-0613,                               openai,     gpt-4",
      "openai,       gpt-3.5-turbo-0125,                       openai,     gpt-3.5-turbo",
      "openai,       gpt-3.5-turbo-16k-0613,                   openai,     gpt-3.5-turbo-16k",
      "openai,       gpt-5-chat-latest,                        openai,     gpt-5-chat",
      // a snapshot listed itself wins over its family
      "openai,       gpt-4o-2024-05-13,                        openai,     gpt-4o-2024-05-13",
      "openai,       gpt-4-1106-preview,                       openai,     gpt-4-1106-preview",
      "openai,       gpt-3.5-turbo-1106,                       openai,     gpt-3.5-turbo-1106",
      "openai,       chatgpt-4o-latest,                        openai,     chatgpt-4o-latest",
      // hosting prefixes
      "openai,       openai/gpt-4o,                            openai,     gpt-4o",
      "gcp.gemini,   models/gemini-2.5-pro,                    gcp.gemini, gemini-2.5-pro",
      "gcp.gemini,   projects/p/locations/us-central1/publishers/google/models/gemini-2.0-flash-001, gcp.gemini, gemini-2.0-flash",
      // Anthropic dates, aliases, Bedrock and Vertex AI ids
      "anthropic,    claude-3-5-sonnet-20241022,               anthropic,  claude-3-5-sonnet",
      "anthropic,    claude-sonnet-4-5-20250929,               anthropic,  claude-sonnet-4-5",
      "anthropic,    claude-opus-4-1-20250805,                 anthropic,  claude-opus-4-1",
      "anthropic,    claude-opus-4-20250514,                   anthropic,  claude-opus-4",
      "anthropic,    claude-haiku-4-5-20251001,                anthropic,  claude-haiku-4-5",
      "anthropic,    claude-3-5-haiku-latest,                  anthropic,  claude-3-5-haiku",
      "anthropic,    anthropic.claude-3-5-sonnet-20240620-v1:0, anthropic, claude-3-5-sonnet",
      "anthropic,    us.anthropic.claude-sonnet-4-20250514-v1:0, anthropic, claude-sonnet-4",
      "anthropic,    claude-3-5-sonnet-v2@20241022,            anthropic,  claude-3-5-sonnet",
      "anthropic,    claude-3-7-sonnet@20250219,               anthropic,  claude-3-7-sonnet",
      // Gemini previews and versions
      "gcp.gemini,   gemini-1.5-pro-002,                       gcp.gemini, gemini-1.5-pro",
      "gcp.gemini,   gemini-2.5-flash-preview-05-20,           gcp.gemini, gemini-2.5-flash",
      "gcp.gemini,   gemini-2.5-flash-lite-preview-09-2025,    gcp.gemini, gemini-2.5-flash-lite",
      "gcp.gemini,   gemini-2.0-flash-exp,                     gcp.gemini, gemini-2.0-flash",
      "gcp.gemini,   gemini-1.5-flash-latest,                  gcp.gemini, gemini-1.5-flash",
      "gcp.gemini,   gemini-1.5-flash-8b-001,                  gcp.gemini, gemini-1.5-flash-8b",
      "gcp.gemini,   gemini-embedding-001,                     gcp.gemini, gemini-embedding-001",
      // Mistral -latest and -YYMM, Cohere -MM-YYYY
      "mistral_ai,   mistral-large-latest,                     mistral_ai, mistral-large",
      "mistral_ai,   mistral-small-2503,                       mistral_ai, mistral-small",
      "mistral_ai,   codestral-2501,                           mistral_ai, codestral",
      "mistral_ai,   ministral-8b-2410,                        mistral_ai, ministral-8b",
      "mistral_ai,   open-mistral-nemo-2407,                   mistral_ai, open-mistral-nemo",
      "cohere,       command-r-plus-08-2024,                   cohere,     command-r-plus",
      "cohere,       command-r-plus-04-2024,                   cohere,     command-r-plus-04-2024",
      "cohere,       command-a-03-2025,                        cohere,     command-a",
      "cohere,       command-r7b-12-2024,                      cohere,     command-r7b",
      "cohere,       embed-v4.0,                               cohere,     embed-v4.0",
      // an OpenAI-compatible gateway (provider openai) or no provider: the model's owner, if only one lists it
      "openai,       deepseek-chat,                            deepseek,   deepseek-chat",
      "openai,       deepseek/deepseek-reasoner,               deepseek,   deepseek-reasoner",
      "openai,       anthropic/claude-3-5-sonnet-20241022,     anthropic,  claude-3-5-sonnet",
      "null,         gemini-2.5-flash,                         gcp.gemini, gemini-2.5-flash",
      "'',           mistral-embed,                            mistral_ai, mistral-embed",
  })
  void resolves(String provider, String model, String expectedProvider, String expectedModel) {
    ModelPrice price = table.find(provider, model);
    assertThat(price).as("%s %s", provider, model).isNotNull();
    assertThat(price.provider()).isEqualTo(expectedProvider);
    assertThat(price.model()).isEqualTo(expectedModel);
  }

  @ParameterizedTest(name = "{0} {1} -> unknown")
  @CsvSource(nullValues = "null", value = {
      // other members of a family are not the family
      "openai,         gpt-4o-mini-audio-preview",
      "openai,         gpt-4o-mini-audio-preview-2024-12-17",
      "openai,         gpt-4o-realtime-preview-2024-12-17",
      "openai,         gpt-4o-mini-tts",
      "openai,         gpt-4o-search-preview",
      "openai,         o3-deep-research",
      "openai,         gpt-4.1-turbo",
      "openai,         gpt-5.1",
      // fine-tuned models are billed differently
      "openai,         ft:gpt-4o-mini-2024-07-18:acme::abc123",
      "gcp.gemini,     gemini-2.5-flash-image-preview",
      "gcp.gemini,     gemini-2.0-flash-thinking-exp-01-21",
      "gcp.gemini,     text-embedding-004",
      "anthropic,      claude-opus-4-5-20251101",
      "anthropic,      claude-2.1",
      "mistral_ai,     codestral-mamba-latest",
      "cohere,         command-r7b-arabic-02-2025",
      "cohere,         embed-english-v2.0",
      // a provider that bills at its own prices gets none borrowed from the model's owner
      "aws.bedrock,    anthropic.claude-3-5-sonnet-20240620-v1:0",
      "azure.ai.openai, gpt-4o",
      "gcp.vertex_ai,  gemini-2.0-flash-001",
      "groq,           deepseek-chat",
      // a provider does not own another provider's model
      "anthropic,      gpt-4o",
      "deepseek,       claude-3-haiku",
      // no model, no name left
      "openai,         null",
      "openai,         ''",
      "openai,         models/",
      "openai,         -latest",
      "openai,         totally-unknown-model",
  })
  void unknownStaysUnknown(String provider, String model) {
    assertThat(table.find(provider, model)).isNull();
  }

  @Test
  void suffixesAreStrippedOneAtATime() {
    assertThat(ModelNames.stripSuffix("gpt-4o-realtime-preview-2024-12-17")).isEqualTo("gpt-4o-realtime-preview");
    assertThat(ModelNames.stripSuffix("gpt-4o-realtime-preview")).isEqualTo("gpt-4o-realtime");
    assertThat(ModelNames.stripSuffix("gpt-4o-realtime")).isNull();
    assertThat(ModelNames.stripSuffix("claude-3-5-sonnet-20240620-v1:0")).isEqualTo("claude-3-5-sonnet-20240620");
    assertThat(ModelNames.stripSuffix("command-r-08-2024")).isEqualTo("command-r");
    assertThat(ModelNames.stripSuffix("embed-v4.0")).isNull();
    assertThat(ModelNames.stripSuffix("-latest")).isNull();
  }

  @Test
  void normalizationStripsHostingPrefixesOnly() {
    assertThat(ModelNames.normalize(" Accounts/Fireworks/Models/Some-Model ")).isEqualTo("some-model");
    assertThat(ModelNames.normalize("global.anthropic.claude-sonnet-4-5-20250929-v1:0"))
        .isEqualTo("claude-sonnet-4-5-20250929-v1:0");
    assertThat(ModelNames.normalize("us-gov.anthropic.claude-3-haiku-20240307-v1:0"))
        .isEqualTo("claude-3-haiku-20240307-v1:0");
    assertThat(ModelNames.normalize("mistral.mistral-large-2407-v1:0")).isEqualTo("mistral-large-2407-v1:0");
    assertThat(ModelNames.normalize("gpt-4.1")).isEqualTo("gpt-4.1");
  }

  @Test
  void twoProvidersListingAModelMakeTheModelAloneAmbiguous(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("prices.txt"), "groq deepseek-chat 0.50 0.50\n".getBytes(StandardCharsets.UTF_8));
    PricingTable withGroq = table.withOverrides(file);
    assertThat(withGroq.find("groq", "deepseek-chat").provider()).isEqualTo("groq");
    assertThat(withGroq.find("deepseek", "deepseek-chat").provider()).isEqualTo("deepseek");
    assertThat(withGroq.find("openai", "deepseek-chat")).isNull();
    assertThat(withGroq.find(null, "deepseek-chat")).isNull();
  }

  @Test
  void lookupsAreCachedWithinABound() {
    for (int i = 0; i < PricingTable.MAX_CACHED * 3; i++) {
      assertThat(table.find("openai", "unknown-model-" + i)).isNull();
      assertThat(table.cachedLookups()).isLessThanOrEqualTo(PricingTable.MAX_CACHED);
    }
    ModelPrice first = table.find("openai", "gpt-4o-2024-08-06");
    assertThat(table.find("openai", "gpt-4o-2024-08-06")).isSameAs(first);
    assertThat(first.model()).isEqualTo("gpt-4o");
  }
}

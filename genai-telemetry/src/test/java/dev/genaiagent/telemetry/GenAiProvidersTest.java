package dev.genaiagent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenAiProvidersTest {
  @Test
  void azureHostsAreAzureOpenAiEverythingElseSpeaksOpenAi() {
    assertThat(GenAiProviders.forOpenAiCompatibleHost("my-res.openai.azure.com")).isEqualTo("azure.ai.openai");
    assertThat(GenAiProviders.forOpenAiCompatibleHost("MY-RES.OPENAI.AZURE.COM")).isEqualTo("azure.ai.openai");
    assertThat(GenAiProviders.forOpenAiCompatibleHost("x.cognitiveservices.azure.com")).isEqualTo("azure.ai.openai");
    assertThat(GenAiProviders.forOpenAiCompatibleHost("api.openai.com")).isEqualTo("openai");
    assertThat(GenAiProviders.forOpenAiCompatibleHost("127.0.0.1")).isEqualTo("openai");
    assertThat(GenAiProviders.forOpenAiCompatibleHost("openai.azure.com.evil.test")).isEqualTo("openai");
    assertThat(GenAiProviders.forOpenAiCompatibleHost(null)).isEqualTo("openai");
  }
}

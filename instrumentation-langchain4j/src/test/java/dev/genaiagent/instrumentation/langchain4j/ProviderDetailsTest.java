package dev.genaiagent.instrumentation.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import org.junit.jupiter.api.Test;

/** The pure logic behind provider names, endpoints and error types, case by case. */
class ProviderDetailsTest {

  @Test
  void providerNamesFromModelProviderConstantsByName() {
    assertThat(ModelProviders.byProviderName("OPEN_AI", "api.openai.com")).isEqualTo("openai");
    assertThat(ModelProviders.byProviderName("OPEN_AI", "my-res.openai.azure.com")).isEqualTo("azure.ai.openai");
    assertThat(ModelProviders.byProviderName("AZURE_OPEN_AI", null)).isEqualTo("azure.ai.openai");
    assertThat(ModelProviders.byProviderName("GOOGLE_VERTEX_AI_ANTHROPIC", null)).isEqualTo("gcp.vertex_ai");
    assertThat(ModelProviders.byProviderName("MICROSOFT_FOUNDRY", null)).isEqualTo("azure.ai.inference");
    assertThat(ModelProviders.byProviderName("OLLAMA", null)).isEqualTo("ollama");
    assertThat(ModelProviders.byProviderName("SOME_FUTURE_ONE", null)).isEqualTo("some_future_one");
    assertThat(ModelProviders.byProviderName("OTHER", null)).isNull();
  }

  static final class MyAzureOpenAiChatModel {}

  static final class InHouseModel {}

  @Test
  void providerNamesFromClassNamesThenTheSimpleName() {
    assertThat(ModelProviders.byClassName(MyAzureOpenAiChatModel.class)).isEqualTo("azure.ai.openai");
    assertThat(ModelProviders.byClassName(InHouseModel.class)).isEqualTo("InHouseModel");
  }

  @Test
  void endpointsKeepHostAndPortNeverUserInfo() {
    ModelEndpoint e = ModelEndpoint.parse("https://user:secret@api.example.com/v1");
    assertThat(e.host).isEqualTo("api.example.com");
    assertThat(e.port).isEqualTo(443);
    assertThat(ModelEndpoint.parse("http://127.0.0.1:8089/v1").port).isEqualTo(8089);
    assertThat(ModelEndpoint.parse("http://[::1]:11434").host).isEqualTo("::1");
    assertThat(ModelEndpoint.parse("not a url").host).isNull();
  }

  @Test
  void errorTypeIsTheProviderCodeFromTheBodyInTheCauseChain() {
    String openAi = "{\"error\":{\"message\":\"Rate limit\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}";
    assertThat(ProviderErrors.errorType(new RateLimitException(new HttpException(429, openAi))))
        .isEqualTo("rate_limit_exceeded");
    String anthropic = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
    assertThat(ProviderErrors.errorType(new HttpException(529, anthropic))).isEqualTo("overloaded_error");
    String nullCode = "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\",\"code\":null}}";
    assertThat(ProviderErrors.errorType(new HttpException(400, nullCode))).isEqualTo("invalid_request_error");
    assertThat(ProviderErrors.errorType(new IllegalStateException("no body"))).isEqualTo("java.lang.IllegalStateException");
  }
}

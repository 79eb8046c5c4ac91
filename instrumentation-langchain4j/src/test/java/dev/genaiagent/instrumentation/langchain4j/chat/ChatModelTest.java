package dev.genaiagent.instrumentation.langchain4j.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTestBase;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.TelemetryAssertions;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.FinishReason;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blocking chat of real LangChain4j providers against the test server, over their real wire formats. */
class ChatModelTest extends LangChain4jTestBase {


  private ChatModel openAi(String model) {
    return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").modelName(model)
        .temperature(0.3).maxTokens(64).maxRetries(0).build();
  }

  private ChatModel anthropic(String model) {
    return AnthropicChatModel.builder().baseUrl(server.anthropicBaseUrl()).apiKey("sk-ant-test").modelName(model)
        .maxTokens(100).maxRetries(0).build();
  }

  @Test
  void openAiChatIsOneClientSpanWithRequestResponseAndUsage() {
    server.enqueue(Script.chat().content("Paris.").usage(12, 3).cachedTokens(4).reasoningTokens(1)
        .model("gpt-4o-mini-2024-07-18").id("chatcmpl-lc4j").serviceTier("default").systemFingerprint("fp_1"));
    ChatResponse response = openAi("gpt-4o-mini").chat(ChatRequest.builder()
        .messages(SystemMessage.from("Be terse."), UserMessage.from("Capital of France?")).build());
    assertThat(response.aiMessage().text()).isEqualTo("Paris.");

    ReceivedSpan span = receiver.awaitSpan("chat gpt-4o-mini", Duration.ofSeconds(10));
    assertThat(span.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
    assertThat(span.attributes())
        .containsEntry("gen_ai.operation.name", "chat")
        .containsEntry("gen_ai.provider.name", "openai")
        .containsEntry("gen_ai.request.model", "gpt-4o-mini")
        .containsEntry("gen_ai.request.temperature", 0.3)
        .containsEntry("gen_ai.request.max_tokens", 64L)
        .containsEntry("gen_ai.request.stream", false)
        .containsEntry("server.address", server.host())
        .containsEntry("server.port", (long) server.port())
        .containsEntry("gen_ai.response.id", "chatcmpl-lc4j")
        .containsEntry("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
        .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
        .containsEntry("gen_ai.usage.input_tokens", 12L)
        .containsEntry("gen_ai.usage.output_tokens", 3L)
        .containsEntry("gen_ai.usage.cache_read.input_tokens", 4L)
        .containsEntry("gen_ai.usage.reasoning.output_tokens", 1L)
        .containsEntry("openai.response.service_tier", "default")
        .containsEntry("openai.response.system_fingerprint", "fp_1")
        .containsKey("gen_ai.usage.cost")
        .containsKey("gen_ai.system_instructions.hash")
        .doesNotContainKey("gen_ai.input.messages")
        .doesNotContainKey("gen_ai.output.messages");
    // The HTTP client span LangChain4j's JDK client makes is the chat span's child.
    ReceivedSpan http = receiver.awaitSpans(s -> s.stream().anyMatch(x -> x.attribute("http.request.method") != null),
        Duration.ofSeconds(10)).stream().filter(x -> x.attribute("http.request.method") != null).findFirst().orElseThrow();
    TelemetryAssertions.assertChildOf(http, span);
    assertThat(receiver.spans().stream().filter(s -> "chat".equals(s.attribute("gen_ai.operation.name")))).hasSize(1);
  }

  @Test
  void anthropicChatReportsCacheTokensInInputAsTheConventionsCountThem() {
    server.enqueue(Script.anthropic().content("Bonjour.").usage(10, 4).cacheRead(100).cacheCreation(20)
        .model("claude-3-5-haiku-20241022").id("msg_lc4j"));
    ChatResponse response = anthropic("claude-3-5-haiku-20241022").chat(ChatRequest.builder()
        .messages(UserMessage.from("Say hello in French")).build());
    assertThat(response.aiMessage().text()).isEqualTo("Bonjour.");

    ReceivedSpan span = receiver.awaitSpan("chat claude-3-5-haiku-20241022", Duration.ofSeconds(10));
    assertThat(span.attributes())
        .containsEntry("gen_ai.provider.name", "anthropic")
        .containsEntry("gen_ai.request.max_tokens", 100L)
        .containsEntry("gen_ai.response.id", "msg_lc4j")
        .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
        .containsEntry("gen_ai.usage.input_tokens", 130L)
        .containsEntry("gen_ai.usage.output_tokens", 4L)
        .containsEntry("gen_ai.usage.cache_read.input_tokens", 100L)
        .containsEntry("gen_ai.usage.cache_creation.input_tokens", 20L)
        .containsEntry("server.address", server.host());
  }

  @Test
  void nestsUnderTheApplicationSpanAndTheConvenienceOverloadsMakeOneSpan() {
    server.enqueue(Script.chat().content("42"));
    Span app = GlobalOpenTelemetry.getTracer("app").spanBuilder("handle-request").startSpan();
    try (Scope ignored = app.makeCurrent()) {
      assertThat(openAi("gpt-4o").chat("What is six times seven?")).isEqualTo("42");
    } finally {
      app.end();
    }
    ReceivedSpan chat = receiver.awaitSpan("chat gpt-4o", Duration.ofSeconds(10));
    ReceivedSpan parent = receiver.awaitSpan("handle-request", Duration.ofSeconds(10));
    TelemetryAssertions.assertChildOf(chat, parent);
    assertThat(receiver.spans().stream().filter(s -> s.name().startsWith("chat "))).hasSize(1);
  }

  @Test
  void providerErrorIsTheSameExceptionAndTheProviderCodeIsTheErrorType() {
    server.enqueue(Script.rateLimited());
    assertThatThrownBy(() -> openAi("gpt-4o-mini").chat("hi")).isInstanceOf(RateLimitException.class);
    ReceivedSpan span = receiver.awaitSpan("chat gpt-4o-mini", Duration.ofSeconds(10));
    assertThat(span.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(span.attributes()).containsEntry("error.type", "rate_limit_exceeded");
  }

  @Test
  void anthropicErrorTypeComesFromItsErrorBody() {
    server.enqueue(Script.anthropicOverloaded());
    assertThatThrownBy(() -> anthropic("claude-sonnet-4-5").chat("hi")).isInstanceOf(RuntimeException.class);
    ReceivedSpan span = receiver.awaitSpan("chat claude-sonnet-4-5", Duration.ofSeconds(10));
    assertThat(span.attributes()).containsEntry("error.type", "overloaded_error");
  }

  @Test
  void aCustomModelIsCoveredWithItsClassNameAsProvider() {
    ChatModel custom = new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        return ChatResponse.builder().aiMessage(dev.langchain4j.data.message.AiMessage.from("pong"))
            .finishReason(FinishReason.LENGTH).build();
      }
    };
    assertThat(custom.chat("ping")).isEqualTo("pong");
    ReceivedSpan span = receiver.awaitSpans(s -> s.stream().anyMatch(x -> "chat".equals(x.attribute("gen_ai.operation.name"))),
        Duration.ofSeconds(10)).stream().filter(x -> "chat".equals(x.attribute("gen_ai.operation.name"))).findFirst().orElseThrow();
    assertThat(span.name()).isEqualTo("chat");
    assertThat(span.attributes()).containsEntry("gen_ai.response.finish_reasons", List.of("length"))
        .containsKey("gen_ai.provider.name").doesNotContainKey("server.address");
  }
}

package dev.genaiagent.instrumentation.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.Fault;
import dev.genaiagent.testing.openai.Script;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Failures: the application gets the identical exception, the span says what happened. */
class ErrorsTest extends SdkTestBase {
  @Override
  OpenAIOkHttpClient.Builder clientBuilder() {
    return super.clientBuilder()
        .timeout(Duration.ofMillis(1500));
  }

  private static ChatCompletionCreateParams params() {
    return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("hi").build();
  }

  private ReceivedSpan failedSpan() {
    ReceivedSpan span = receiver.awaitSpan("chat gpt-4o-mini", Duration.ofSeconds(10));
    assertThat(span.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(span.events()).filteredOn(e -> e.name().equals("exception")).hasSize(1);
    return span;
  }

  static Stream<Arguments> providerErrors() {
    return Stream.of(
        Arguments.of(Script.badRequest("bad messages", "messages"), "com.openai.errors.BadRequestException", null),
        Arguments.of(Script.invalidApiKey(), "com.openai.errors.UnauthorizedException", "invalid_api_key"),
        Arguments.of(Script.modelNotFound("gpt-4o-mini"), "com.openai.errors.NotFoundException", "model_not_found"),
        Arguments.of(Script.rateLimited(), "com.openai.errors.RateLimitException", "rate_limit_exceeded"),
        Arguments.of(Script.serverError(), "com.openai.errors.InternalServerException", null),
        Arguments.of(Script.overloaded(), "com.openai.errors.InternalServerException", null));
  }

  @ParameterizedTest
  @MethodSource("providerErrors")
  void providerErrorBodies(Script script, String exceptionClass, String expectedCode) {
    server.enqueue(script);
    Throwable thrown = catchThrowable(() -> client.chat().completions().create(params()));
    assertThat(thrown.getClass().getName()).isEqualTo(exceptionClass);

    ReceivedSpan span = failedSpan();
    String errorType = (String) span.attribute("error.type");
    com.openai.errors.OpenAIServiceException e = (com.openai.errors.OpenAIServiceException) thrown;
    // The provider's code when the body has one, else its type, else the class: exactly what the SDK saw.
    String expected = e.code().orElse(e.type().orElse(exceptionClass));
    assertThat(errorType).isEqualTo(expected);
    if (expectedCode != null) {
      assertThat(errorType).isEqualTo(expectedCode);
    }
  }

  @Test
  void aConnectionResetBeforeTheResponse() {
    server.enqueue(Script.fault(Fault.RESET_BEFORE_RESPONSE));
    Throwable thrown = catchThrowable(() -> client.chat().completions().create(params()));
    assertThat(thrown).isNotNull();
    assertThat(failedSpan().attribute("error.type")).isEqualTo(thrown.getClass().getName());
  }

  @Test
  void aReadTimeout() {
    server.enqueue(Script.fault(Fault.STALL));
    Throwable thrown = catchThrowable(() -> client.chat().completions().create(params()));
    assertThat(thrown).isNotNull();
    assertThat(failedSpan().attribute("error.type")).isEqualTo(thrown.getClass().getName());
  }

  @Test
  void aResetMidStreamReachesTheAppUnchangedAndEndsTheSpanOnce() {
    server.enqueue(Script.chat().content("one two three four five six").chunkSize(3).withFault(Fault.resetMidStream(4)));
    List<String> seen = new ArrayList<>();
    Throwable thrown;
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params())) {
      thrown = catchThrowable(() -> stream.stream()
          .forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(seen::add))));
    }
    assertThat(thrown).isNotNull();
    assertThat(seen).isNotEmpty();
    ReceivedSpan span = failedSpan();
    assertThat(span.attribute("error.type")).isEqualTo(thrown.getClass().getName());
    assertThat(span.attributes()).containsKey("gen_ai.response.time_to_first_chunk");
    assertThat(receiver.spans().stream().filter(s -> s.name().startsWith("chat"))).hasSize(1);
  }
}

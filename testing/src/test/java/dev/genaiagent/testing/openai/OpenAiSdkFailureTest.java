package dev.genaiagent.testing.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scripted errors and transport faults, as the openai-java SDK reports them. */
class OpenAiSdkFailureTest {

  private static final ChatCompletionCreateParams CHAT = ChatCompletionCreateParams.builder()
      .model("gpt-4o-mini").addUserMessage("one two three four").build();

  private OpenAiTestServer server;
  private OpenAIClient client;

  @BeforeEach
  void setUp() {
    server = OpenAiTestServer.start();
    client = newClient(Duration.ofSeconds(10));
  }

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  private OpenAIClient newClient(Duration timeout) {
    return OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("sk-test").maxRetries(0)
        .timeout(timeout).build();
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(Script.badRequest("Invalid 'temperature'.", "temperature"), BadRequestException.class,
            400, null, "invalid_request_error"),
        Arguments.of(Script.invalidApiKey(), UnauthorizedException.class, 401, "invalid_api_key",
            "invalid_request_error"),
        Arguments.of(Script.modelNotFound("gpt-x"), NotFoundException.class, 404, "model_not_found",
            "invalid_request_error"),
        Arguments.of(Script.error(429, "rate_limit_exceeded", "Rate limit reached", "requests"),
            RateLimitException.class, 429, "rate_limit_exceeded", "requests"),
        Arguments.of(Script.insufficientQuota(), RateLimitException.class, 429, "insufficient_quota",
            "insufficient_quota"),
        Arguments.of(Script.serverError(), InternalServerException.class, 500, null, "server_error"),
        Arguments.of(Script.overloaded(), InternalServerException.class, 503, null, "server_error"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void errorsMapToTheSdkExceptions(Script error, Class<? extends OpenAIServiceException> type, int status,
      String code, String errorType) {
    server.enqueue(error);

    Throwable thrown = catchThrowable(() -> client.chat().completions().create(CHAT));

    assertThat(thrown).isInstanceOf(type);
    OpenAIServiceException e = (OpenAIServiceException) thrown;
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.code().orElse(null)).isEqualTo(code);
    assertThat(e.type()).hasValue(errorType);
    assertThat(e.headers().values("x-request-id")).singleElement().asString().startsWith("req_");
  }

  @Test
  void errorBodyKeepsParamAndMessage() {
    server.enqueue(Script.badRequest("Invalid 'temperature': too high.", "temperature"));

    BadRequestException e = (BadRequestException) catchThrowable(() -> client.chat().completions().create(CHAT));

    assertThat(e.param()).hasValue("temperature");
    assertThat(e.getMessage()).contains("Invalid 'temperature': too high.");
  }

  @Test
  void errorsApplyToStreamingRequestsBeforeTheStream() {
    server.enqueue(Script.rateLimited().header("retry-after", "20"));

    RateLimitException e = (RateLimitException) catchThrowable(
        () -> client.chat().completions().createStreaming(CHAT).close());

    assertThat(e.headers().values("retry-after")).containsExactly("20");
  }

  @Test
  void errorScopedToAnOperationSkipsOthers() {
    server.enqueue(Script.serverError().on(Api.EMBEDDINGS));

    assertThat(client.chat().completions().create(CHAT).choices()).hasSize(1);
    assertThatThrownBy(() -> client.embeddings().create(EmbeddingCreateParams.builder()
        .model("text-embedding-3-small").input("x").build())).isInstanceOf(InternalServerException.class);
  }

  @Test
  void requiredApiKeyRejectsOthers() {
    server.requireApiKey("sk-right");

    assertThatThrownBy(() -> client.chat().completions().create(CHAT))
        .isInstanceOfSatisfying(UnauthorizedException.class,
            e -> assertThat(e.code()).hasValue("invalid_api_key"));
  }

  @Test
  void resetMidStreamSurfacesAsIoException() {
    server.enqueue(Script.chat().content("one two three four").withFault(Fault.resetMidStream(3)));

    List<ChatCompletionChunk> chunks = new ArrayList<>();
    Throwable thrown;
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(CHAT)) {
      thrown = catchThrowable(() -> stream.stream().forEach(chunks::add));
    }

    assertThat(thrown).isInstanceOf(OpenAIIoException.class).hasRootCauseInstanceOf(IOException.class);
    assertThat(rootCause(thrown)).hasMessageContaining("reset");
    // Events flushed before the reset normally arrive first; the kernel may drop unread ones on RST.
    assertThat(chunks).hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void resetBeforeResponseOnAFreshConnection() {
    server.enqueue(Script.fault(Fault.RESET_BEFORE_RESPONSE));

    assertThatThrownBy(() -> client.chat().completions().create(CHAT))
        .isInstanceOf(OpenAIIoException.class).hasRootCauseInstanceOf(IOException.class);
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void resetBeforeResponseOnAPooledConnectionIsNotRetried() {
    client.chat().completions().create(CHAT); // pools a connection
    server.enqueue(Script.fault(Fault.RESET_BEFORE_RESPONSE));

    // OkHttp may silently replay a request whose pooled connection fails, but only if the body can be sent
    // twice: openai-java's bodies are one-shot, so the reset reaches the caller.
    assertThatThrownBy(() -> client.chat().completions().create(CHAT)).isInstanceOf(OpenAIIoException.class);
    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(server.pendingScripts()).isZero();
  }

  @Test
  void stallMakesTheClientTimeOut() {
    server.enqueue(Script.fault(Fault.STALL));
    OpenAIClient impatient = newClient(Duration.ofMillis(500));
    try {
      long start = System.nanoTime();
      Throwable thrown = catchThrowable(() -> impatient.chat().completions().create(CHAT));
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;

      assertThat(thrown).isInstanceOf(OpenAIIoException.class);
      assertThat(causes(thrown)).anySatisfy(c -> assertThat(c).isInstanceOfAny(SocketTimeoutException.class,
          java.io.InterruptedIOException.class));
      assertThat(elapsedMs).isBetween(400L, 5_000L);
    } finally {
      impatient.close();
    }
    assertThat(server.takeRequest().api()).isEqualTo(Api.CHAT_COMPLETIONS); // recorded though never answered
  }

  @Test
  void stallMidStreamDeliversTheFirstEventsThenTimesOut() {
    server.enqueue(Script.chat().content("one two three").withFault(Fault.stallMidStream(2)));
    OpenAIClient impatient = newClient(Duration.ofMillis(500));
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (StreamResponse<ChatCompletionChunk> stream = impatient.chat().completions().createStreaming(CHAT)) {
      Throwable thrown = catchThrowable(() -> stream.stream().forEach(chunks::add));
      assertThat(thrown).isInstanceOf(OpenAIIoException.class);
    } finally {
      impatient.close();
    }
    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(1).choices().get(0).delta().content()).hasValue("one");
  }

  @Test
  void closeEndsAStalledConnection() throws Exception {
    server.enqueue(Script.fault(Fault.STALL));
    Thread caller = new Thread(() -> catchThrowable(() -> client.chat().completions().create(CHAT)));
    caller.start();
    server.takeRequest();

    long start = System.nanoTime();
    server.close();
    caller.join(5_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
  }

  private static Throwable rootCause(Throwable t) {
    List<Throwable> chain = causes(t);
    return chain.get(chain.size() - 1);
  }

  private static List<Throwable> causes(Throwable t) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
      chain.add(c);
    }
    return chain;
  }
}

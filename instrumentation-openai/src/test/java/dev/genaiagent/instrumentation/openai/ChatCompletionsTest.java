package dev.genaiagent.instrumentation.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.genaiagent.testing.ReceivedMetric;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.Script;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Chat Completions through the real SDK, instrumented by the agent attached to this JVM. */
class ChatCompletionsTest extends SdkTestBase {

  private static ChatCompletionCreateParams.Builder params() {
    return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Weather in Paris?")
        .temperature(0.2).maxCompletionTokens(64L).topP(0.9).seed(7L);
  }

  private ReceivedSpan chatSpan() {
    return receiver.awaitSpan("chat gpt-4o-mini", Duration.ofSeconds(10));
  }

  @Test
  void blockingCreateMakesOneClientSpanWithTheContractAttributes() {
    server.enqueue(Script.chat().content("Sunny.").id("chatcmpl-abc").model("gpt-4o-mini-2024-07-18")
        .usage(21, 4).cachedTokens(3).cacheWriteTokens(5).reasoningTokens(1).serviceTier("default").systemFingerprint("fp_44"));

    ChatCompletion completion = client.chat().completions().create(params().build());
    assertThat(completion.choices().get(0).message().content()).hasValue("Sunny.");

    ReceivedSpan span = chatSpan();
    assertThat(span.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
    assertThat(span.attributes()).containsAllEntriesOf(Map.ofEntries(
        Map.entry("gen_ai.operation.name", "chat"),
        Map.entry("gen_ai.provider.name", "openai"),
        Map.entry("gen_ai.request.model", "gpt-4o-mini"),
        Map.entry("server.address", "127.0.0.1"),
        Map.entry("server.port", (long) server.port()),
        Map.entry("gen_ai.request.temperature", 0.2),
        Map.entry("gen_ai.request.top_p", 0.9),
        Map.entry("gen_ai.request.max_tokens", 64L),
        Map.entry("gen_ai.request.seed", 7L),
        Map.entry("gen_ai.response.id", "chatcmpl-abc"),
        Map.entry("gen_ai.response.model", "gpt-4o-mini-2024-07-18"),
        Map.entry("gen_ai.response.finish_reasons", List.of("stop")),
        Map.entry("gen_ai.usage.input_tokens", 21L),
        Map.entry("gen_ai.usage.output_tokens", 4L),
        Map.entry("gen_ai.usage.cache_read.input_tokens", 3L),
        Map.entry("gen_ai.usage.cache_creation.input_tokens", 5L),
        Map.entry("gen_ai.usage.reasoning.output_tokens", 1L),
        Map.entry("openai.response.service_tier", "default"),
        Map.entry("openai.response.system_fingerprint", "fp_44")));
    assertThat(span.attributes()).doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages",
        "gen_ai.request.stream", "gen_ai.response.time_to_first_chunk", "error.type");
    // The HTTP call nests under the chat span: one trace per model call.
    ReceivedSpan http = receiver.awaitSpans(spans -> spans.stream().anyMatch(s -> s.isChildOf(span)),
        Duration.ofSeconds(10)).stream().filter(s -> s.isChildOf(span)).findFirst().orElseThrow();
    assertThat(http.name()).isEqualTo("POST");

    // Metrics are cumulative for the whole test JVM: this test's points are those of its response model.
    List<ReceivedMetric.HistogramPoint> tokens = receiver.awaitMetrics(
            m -> tokenPoints(m, "gpt-4o-mini-2024-07-18").size() == 2, Duration.ofSeconds(10)).isEmpty()
        ? List.of() : tokenPoints(receiver.metrics(), "gpt-4o-mini-2024-07-18");
    assertThat(tokens).extracting(p -> p.attributes().get("gen_ai.token.type"))
        .containsExactlyInAnyOrder("input", "output");
    assertThat(tokens).extracting(ReceivedMetric.HistogramPoint::sum).containsExactlyInAnyOrder(21.0, 4.0);
    assertThat(tokens.get(0).attributes()).containsEntry("gen_ai.provider.name", "openai")
        .containsEntry("gen_ai.request.model", "gpt-4o-mini").containsEntry("server.address", "127.0.0.1");
  }

  private static List<ReceivedMetric.HistogramPoint> tokenPoints(List<ReceivedMetric> metrics, String responseModel) {
    return metrics.stream().filter(m -> m.name().equals("gen_ai.client.token.usage")).reduce((a, b) -> b)
        .map(m -> m.histogramPoints().stream()
            .filter(p -> responseModel.equals(p.attributes().get("gen_ai.response.model"))).toList())
        .orElse(List.of());
  }

  @Test
  void streamingRecordsTimeToFirstChunkUsageAndEndsOnExhaustion() {
    // Warm up the stream path (class loading, first connection) so the timed call measures the server.
    server.enqueue(Script.chat().content("warm up").model("warm-up"));
    try (StreamResponse<ChatCompletionChunk> warmUp = client.chat().completions().createStreaming(params().build())) {
      warmUp.stream().forEach(c -> { });
    }
    receiver.awaitSpan("chat gpt-4o-mini", Duration.ofSeconds(10));
    server.takeRequest();

    // Every attempt must record what the application observed; the absolute figures (300 ms to the
    // first chunk, 20 ms between chunks) also depend on the machine, so one attempt of three must
    // show them within the budget (30 ms, 5 ms) when a busy machine delays the others.
    List<String> attempts = new java.util.ArrayList<>();
    for (int attempt = 1; attempt <= 3; attempt++) {
      String result = timedStream("timed-stream-" + attempt);
      attempts.add(result);
      if (result.startsWith("within")) {
        return;
      }
    }
    throw new AssertionError("no attempt within the timing budget: " + attempts);
  }

  private String timedStream(String responseModel) {
    receiver.reset();
    server.enqueue(Script.chat().content("Sunny and warm today.").chunkSize(4).usage(9, 6).model(responseModel)
        .firstChunkDelay(Duration.ofMillis(300)).interChunkDelay(Duration.ofMillis(20)));
    StringBuilder text = new StringBuilder();
    long[] firstContentAt = {0};
    long start = System.nanoTime();
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
        params().streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
      stream.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().content().filter(t -> !t.isEmpty())
          .ifPresent(t -> {
            if (firstContentAt[0] == 0) {
              firstContentAt[0] = System.nanoTime();
            }
            text.append(t);
          })));
    }
    assertThat(text).hasToString("Sunny and warm today.");
    double observed = (firstContentAt[0] - start) / 1e9;

    ReceivedSpan span = chatSpan();
    assertThat(span.attributes()).containsEntry("gen_ai.request.stream", true)
        .containsEntry("gen_ai.usage.input_tokens", 9L).containsEntry("gen_ai.usage.output_tokens", 6L)
        .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
        .containsEntry("gen_ai.response.model", responseModel);
    double ttfc = (Double) span.attribute("gen_ai.response.time_to_first_chunk");
    assertThat(ttfc).as("recorded vs observed by the app %s", observed).isCloseTo(observed, within(0.010));
    ReceivedMetric.HistogramPoint point = awaitPoint("gen_ai.client.operation.time_per_output_chunk", responseModel);
    assertThat(point.count()).isEqualTo(5); // 6 content chunks of 4 characters: intervals after the first

    // The server's delay counts from when it has read the request: take the request's trip out.
    double transit = (server.takeRequest().receivedAtNanos() - start) / 1e9;
    double toFirstChunk = ttfc - transit;
    double perChunk = point.sum() / point.count();
    boolean within = Math.abs(toFirstChunk - 0.300) <= 0.030 && Math.abs(perChunk - 0.020) <= 0.005;
    return (within ? "within" : "outside") + String.format(" (first chunk %.4f s after the request arrived,"
        + " %.4f s per chunk)", toFirstChunk, perChunk);
  }

  /** The point of {@code metric} for calls answered by {@code responseModel}, once it has arrived. */
  private ReceivedMetric.HistogramPoint awaitPoint(String metric, String responseModel) {
    java.util.function.Function<List<ReceivedMetric>, java.util.Optional<ReceivedMetric.HistogramPoint>> find =
        metrics -> metrics.stream().filter(m -> m.name().equals(metric))
            .flatMap(m -> m.histogramPoints().stream())
            .filter(p -> responseModel.equals(p.attributes().get("gen_ai.response.model")))
            .reduce((a, b) -> b);
    return find.apply(receiver.awaitMetrics(m -> find.apply(m).isPresent(), Duration.ofSeconds(10))).orElseThrow();
  }

  @Test
  void asyncCreateAndAsyncStreamingAreTracedToo() throws Exception {
    server.enqueue(Script.chat().content("Async hello").usage(3, 2));
    ChatCompletion completion = client.async().chat().completions().create(params().build()).get(10, TimeUnit.SECONDS);
    assertThat(completion.choices()).hasSize(1);

    server.enqueue(Script.chat().content("Async stream").chunkSize(5).usage(3, 3));
    StringBuilder text = new StringBuilder();
    client.async().chat().completions().createStreaming(
            params().streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())
        .subscribe(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(text::append)))
        .onCompleteFuture().get(10, TimeUnit.SECONDS);
    assertThat(text).hasToString("Async stream");

    List<ReceivedSpan> spans = receiver.awaitSpans(
        s -> s.stream().filter(x -> x.name().equals("chat gpt-4o-mini")).count() == 2, Duration.ofSeconds(10));
    Map<Object, ReceivedSpan> byStream = spans.stream().filter(x -> x.name().equals("chat gpt-4o-mini"))
        .collect(Collectors.toMap(x -> x.attributes().getOrDefault("gen_ai.request.stream", false), x -> x));
    assertThat(byStream.get(false).attributes()).containsEntry("gen_ai.usage.output_tokens", 2L);
    assertThat(byStream.get(true).attributes()).containsEntry("gen_ai.usage.output_tokens", 3L)
        .containsKey("gen_ai.response.time_to_first_chunk");
  }

  @Test
  void rawResponseCallersSeeTheSameResponseAndTheCallEndsOnParse() {
    server.enqueue(Script.chat().content("raw").usage(1, 1));
    HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(params().build());
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.parse().choices().get(0).message().content()).hasValue("raw");
    assertThat(chatSpan().attributes()).containsEntry("gen_ai.usage.output_tokens", 1L);
  }

  @Test
  void providerErrorsKeepTheExceptionAndBecomeErrorType() {
    server.enqueue(Script.rateLimited());
    assertThatThrownBy(() -> client.chat().completions().create(params().build()))
        .isInstanceOf(RateLimitException.class);
    ReceivedSpan span = chatSpan();
    assertThat(span.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(span.attributes()).containsEntry("error.type", "rate_limit_exceeded");
    ReceivedMetric duration = receiver.awaitMetrics(m -> m.stream().anyMatch(x -> x.name().equals("gen_ai.client.operation.duration")
        && x.histogramPoints().stream().anyMatch(p -> "rate_limit_exceeded".equals(p.attributes().get("error.type")))),
        Duration.ofSeconds(10)).get(0);
    assertThat(duration).isNotNull();
  }

  @Test
  void structuredOutputIsJsonOutputType() {
    server.enqueue(Script.chat().content("{\"city\":\"Paris\"}"));
    client.chat().completions().create(params().responseFormat(
        com.openai.models.ResponseFormatJsonObject.builder().build()).build());
    assertThat(chatSpan().attributes()).containsEntry("gen_ai.output.type", "json");
  }

  @Test
  void contentIsNotCapturedByDefault() {
    server.enqueue(Script.chat().content("secret answer"));
    client.chat().completions().create(params().build());
    assertThat(chatSpan().attributes().keySet()).noneMatch(k -> k.contains("messages") || k.contains("instructions"));
  }
}

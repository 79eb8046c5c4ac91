package dev.genaiagent.instrumentation.langchain4j.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTestBase;
import dev.genaiagent.testing.ReceivedMetric;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.TelemetryAssertions;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Streaming chat: the span lasts until the stream completes or fails, chunks are timed, and the
 * application's handler sees the same callbacks, on the model's threads, in the caller's trace.
 */
class StreamingChatModelTest extends LangChain4jTestBase {


  /** Records every callback with its thread and the trace it ran in. */
  static final class RecordingHandler implements StreamingChatResponseHandler {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final List<String> traceIds = new CopyOnWriteArrayList<>();
    final StringBuilder text = new StringBuilder();
    final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    private void record(String call) {
      calls.add(call);
      threads.add(Thread.currentThread().getName());
      traceIds.add(Span.current().getSpanContext().getTraceId());
    }

    @Override
    public void onPartialResponse(String partialResponse) {
      record("partial");
      text.append(partialResponse);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall) {
      record("partialToolCall");
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall completeToolCall) {
      record("completeToolCall:" + completeToolCall.toolExecutionRequest().name());
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
      record("complete");
      done.complete(completeResponse);
    }

    @Override
    public void onError(Throwable error) {
      record("error");
      done.completeExceptionally(error);
    }
  }

  private StreamingChatModel openAi(String model) {
    return OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").modelName(model)
        .temperature(0.1).build();
  }

  private ReceivedMetric.HistogramPoint awaitPoint(String metric, String requestModel) {
    Function<List<ReceivedMetric>, Optional<ReceivedMetric.HistogramPoint>> find =
        metrics -> metrics.stream().filter(m -> m.name().equals(metric))
            .flatMap(m -> m.histogramPoints().stream())
            .filter(p -> requestModel.equals(p.attributes().get("gen_ai.request.model")))
            .reduce((a, b) -> b);
    return find.apply(receiver.awaitMetrics(m -> find.apply(m).isPresent(), Duration.ofSeconds(10))).orElseThrow();
  }

  @Test
  void openAiStreamIsOneSpanTimedPerChunkAndTheHandlerSeesEveryCallbackInTheCallersTrace() throws Exception {
    server.enqueue(Script.chat().content("Sunny and warm today.").chunkSize(4).usage(9, 6)
        .firstChunkDelay(Duration.ofMillis(150)).interChunkDelay(Duration.ofMillis(10)));
    RecordingHandler handler = new RecordingHandler();
    Span app = GlobalOpenTelemetry.getTracer("app").spanBuilder("stream-request").startSpan();
    long start = System.nanoTime();
    try (Scope ignored = app.makeCurrent()) {
      openAi("gpt-4o-mini-timing").chat(ChatRequest.builder().messages(UserMessage.from("Weather?")).build(), handler);
    }
    handler.done.get(10, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    app.end();

    assertThat(handler.text).hasToString("Sunny and warm today.");
    assertThat(handler.calls).containsExactly("partial", "partial", "partial", "partial", "partial", "partial",
        "complete");
    assertThat(handler.threads).doesNotContain(Thread.currentThread().getName()); // the model's threads, as without us
    assertThat(handler.traceIds).containsOnly(app.getSpanContext().getTraceId());

    ReceivedSpan span = receiver.awaitSpan("chat gpt-4o-mini-timing", Duration.ofSeconds(10));
    TelemetryAssertions.assertChildOf(span, receiver.awaitSpan("stream-request", Duration.ofSeconds(10)));
    assertThat(span.attributes()).containsEntry("gen_ai.request.stream", true)
        .containsEntry("gen_ai.request.temperature", 0.1)
        .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
        .containsEntry("gen_ai.usage.input_tokens", 9L)
        .containsEntry("gen_ai.usage.output_tokens", 6L);
    double ttfc = (Double) span.attribute("gen_ai.response.time_to_first_chunk");
    assertThat(ttfc).isGreaterThanOrEqualTo(0.150).isLessThan(elapsed);
    assertThat(span.durationNanos() / 1e9).isGreaterThanOrEqualTo(ttfc);
    assertThat(awaitPoint("gen_ai.client.operation.time_per_output_chunk", "gpt-4o-mini-timing").count()).isEqualTo(5);
    assertThat(awaitPoint("gen_ai.client.operation.time_to_first_chunk", "gpt-4o-mini-timing").count()).isEqualTo(1);
  }

  @Test
  void toolCallDeltasAreForwardedAndTimed() throws Exception {
    server.enqueue(Script.chat().toolCall("call_7", "get_weather", "{\"city\":\"Paris\"}").chunkSize(4));
    RecordingHandler handler = new RecordingHandler();
    openAi("gpt-4o").chat(ChatRequest.builder().messages(UserMessage.from("Weather in Paris?")).build(), handler);
    ChatResponse response = handler.done.get(10, TimeUnit.SECONDS);
    assertThat(response.aiMessage().toolExecutionRequests()).hasSize(1);
    assertThat(handler.calls).contains("completeToolCall:get_weather").endsWith("complete");
    assertThat(handler.calls.stream().filter(c -> c.equals("partialToolCall")).count()).isGreaterThan(1);

    ReceivedSpan span = receiver.awaitSpan("chat gpt-4o", Duration.ofSeconds(10));
    assertThat(span.attributes()).containsEntry("gen_ai.response.finish_reasons", List.of("tool_call"))
        .containsKey("gen_ai.response.time_to_first_chunk");
  }

  @Test
  void anthropicStreamOverItsOwnEventsReportsUsageFromMessageDelta() throws Exception {
    server.enqueue(Script.anthropic().content("Bonjour tout le monde").chunkSize(5).usage(11, 7)
        .model("claude-3-5-haiku-20241022"));
    RecordingHandler handler = new RecordingHandler();
    AnthropicStreamingChatModel model = AnthropicStreamingChatModel.builder().baseUrl(server.anthropicBaseUrl())
        .apiKey("sk-ant-test").modelName("claude-3-5-haiku-20241022").maxTokens(50).build();
    model.chat(ChatRequest.builder().messages(UserMessage.from("Hello in French")).build(), handler);
    handler.done.get(10, TimeUnit.SECONDS);
    assertThat(handler.text).hasToString("Bonjour tout le monde");

    ReceivedSpan span = receiver.awaitSpan("chat claude-3-5-haiku-20241022", Duration.ofSeconds(10));
    assertThat(span.attributes()).containsEntry("gen_ai.provider.name", "anthropic")
        .containsEntry("gen_ai.request.stream", true)
        .containsEntry("gen_ai.usage.input_tokens", 11L)
        .containsEntry("gen_ai.usage.output_tokens", 7L)
        .containsKey("gen_ai.response.time_to_first_chunk");
  }

  @Test
  void anErrorInsideTheStreamEndsTheSpanAsFailedAndReachesTheHandlerOnce() throws Exception {
    server.enqueue(Script.anthropic().content("partial answer that breaks").chunkSize(4)
        .streamError(4, "overloaded_error", "Overloaded"));
    RecordingHandler handler = new RecordingHandler();
    AnthropicStreamingChatModel model = AnthropicStreamingChatModel.builder().baseUrl(server.anthropicBaseUrl())
        .apiKey("sk-ant-test").modelName("claude-sonnet-4-5").maxTokens(50).build();
    model.chat(ChatRequest.builder().messages(UserMessage.from("Hi")).build(), handler);
    assertThat(handler.done).failsWithin(Duration.ofSeconds(10));
    assertThat(handler.calls.stream().filter(c -> c.equals("error"))).hasSize(1);

    ReceivedSpan span = receiver.awaitSpan("chat claude-sonnet-4-5", Duration.ofSeconds(10));
    assertThat(span.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(span.attributes()).containsKey("error.type");
    assertThat(receiver.spans().stream().filter(s -> s.name().equals("chat claude-sonnet-4-5"))).hasSize(1);
  }
}

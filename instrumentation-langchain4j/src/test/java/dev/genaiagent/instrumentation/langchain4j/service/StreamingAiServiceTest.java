package dev.genaiagent.instrumentation.langchain4j.service;

import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.WAIT;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.named;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.op;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTestBase;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.TelemetryAssertions;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A {@code TokenStream} AI service: the agent span lasts until the stream completes or fails. */
class StreamingAiServiceTest extends LangChain4jTestBase {

  interface StreamingAssistant {
    @SystemMessage("You are a weather bot.")
    TokenStream chat(@MemoryId int user, @UserMessage String message);
  }

  static class WeatherTools {
    @Tool("Current weather in a city")
    String weather(@P(name = "city", value = "the city") String city) {
      return "rainy in " + city;
    }
  }


  private StreamingAssistant assistant() {
    OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test")
        .modelName("gpt-4o-mini").build();
    return AiServices.builder(StreamingAssistant.class).streamingChatModel(model)
        .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(20))
        .tools(new WeatherTools()).build();
  }

  /** Calls the service under an application span, starts the stream with {@code setup}; returns the trace id. */
  private String streamed(Consumer<TokenStream> setup) {
    StreamingAssistant assistant = assistant();
    Span app = GlobalOpenTelemetry.getTracer("app").spanBuilder("stream-request").startSpan();
    try (Scope ignored = app.makeCurrent()) {
      setup.accept(assistant.chat(7, "Weather in Oslo?"));
    } finally {
      app.end();
    }
    return app.getSpanContext().getTraceId();
  }

  @Test
  void theAgentSpanCoversBothRoundsAndTheToolAndEndsAtCompletion() throws Exception {
    server.enqueue(
        Script.chat().toolCall("call_w", "weather", "{\"city\":\"Oslo\"}").usage(40, 12),
        Script.chat().chunks("It is ", "rainy ", "in Oslo.").usage(70, 6)
            .firstChunkDelay(Duration.ofMillis(150)));
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    StringBuilder text = new StringBuilder();
    long[] startReturned = new long[1];
    String traceId = streamed(stream -> {
      stream.onPartialResponse(text::append).onCompleteResponse(done::complete)
          .onError(done::completeExceptionally).start();
      startReturned[0] = System.currentTimeMillis() * 1_000_000L;
    });
    assertThat(done.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("It is rainy in Oslo.");
    assertThat(text).hasToString("It is rainy in Oslo.");

    List<ReceivedSpan> spans = trace(traceId, 1 + 1 + 2 + 1 + 2);
    ReceivedSpan agent = named(spans, "invoke_agent StreamingAssistant");
    TelemetryAssertions.assertChildOf(agent, named(spans, "stream-request"));
    assertThat(agent.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
    assertThat(agent.attributes())
        .containsEntry("gen_ai.conversation.id", "7")
        .containsEntry("gen_ai.provider.name", "openai")
        .containsEntry("gen_ai.prompt.name", "StreamingAssistant.chat")
        .containsEntry("gen_ai.usage.input_tokens", 110L)
        .containsEntry("gen_ai.usage.output_tokens", 18L);
    // The service method returned at once; the agent ended with the stream, after the last round.
    assertThat(agent.endEpochNanos()).isGreaterThan(startReturned[0]);

    List<ReceivedSpan> chats = op(spans, "chat");
    assertThat(chats).hasSize(2).allSatisfy(chat -> {
      TelemetryAssertions.assertChildOf(chat, agent);
      assertThat(chat.attributes()).containsEntry("gen_ai.request.stream", true)
          .containsEntry("gen_ai.conversation.id", "7");
      assertThat(chat.endEpochNanos()).isLessThanOrEqualTo(agent.endEpochNanos());
    });
    ReceivedSpan tool = named(spans, "execute_tool weather");
    TelemetryAssertions.assertChildOf(tool, agent);
    assertThat(tool.attributes()).containsEntry("gen_ai.tool.call.id", "call_w")
        .containsEntry("gen_ai.tool.description", "Current weather in a city");
    assertThat(tool.startEpochNanos()).isGreaterThanOrEqualTo(chats.get(0).endEpochNanos());
    assertThat(tool.endEpochNanos()).isLessThanOrEqualTo(chats.get(1).startEpochNanos());
  }

  @Test
  void aStreamThatFailsEndsTheAgentWithTheError() throws Exception {
    server.enqueue(Script.rateLimited());
    CompletableFuture<Throwable> failed = new CompletableFuture<>();
    String traceId = streamed(stream -> stream.onCompleteResponse(r -> failed.complete(null))
        .onError(failed::complete).start());
    assertThat(failed.get(10, TimeUnit.SECONDS)).isInstanceOf(RateLimitException.class);

    ReceivedSpan agent = named(trace(traceId, 4), "invoke_agent StreamingAssistant");
    assertThat(agent.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(agent.attributes()).containsEntry("error.type", RateLimitException.class.getName());
  }

  @Test
  void anIgnoredErrorStillEndsTheAgent() {
    server.enqueue(Script.serverError());
    String traceId = streamed(stream -> stream.onPartialResponse(s -> { }).ignoreErrors().start());
    ReceivedSpan agent = named(trace(traceId, 4), "invoke_agent StreamingAssistant");
    assertThat(agent.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
  }

  @Test
  void aStreamWithoutCompletionHandlerEndsAfterItsLastRound() {
    server.enqueue(Script.chat().toolCall("call_w", "weather", "{\"city\":\"Rome\"}"),
        Script.chat().content("Rainy."));
    StringBuilder text = new StringBuilder();
    String traceId = streamed(stream -> stream.onPartialResponse(text::append).onError(t -> { }).start());
    List<ReceivedSpan> spans = trace(traceId, 1 + 1 + 2 + 1 + 2);
    ReceivedSpan agent = named(spans, "invoke_agent StreamingAssistant");
    assertThat(agent.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
    assertThat(op(spans, "chat")).hasSize(2).allSatisfy(chat -> TelemetryAssertions.assertChildOf(chat, agent));
    assertThat(text).hasToString("Rainy.");
  }

  /** Builds a stream under an application span and drops it without starting it; returns the trace id. */
  private String neverStarted() {
    StreamingAssistant assistant = assistant();
    Span app = GlobalOpenTelemetry.getTracer("app").spanBuilder("never-started").startSpan();
    try (Scope ignored = app.makeCurrent()) {
      assistant.chat(9, "Weather in Lima?"); // the application forgets to call start()
    } finally {
      app.end();
    }
    return app.getSpanContext().getTraceId();
  }

  @Test
  void aStreamNeverStartedEndsTheAgentAsAbandonedOnceUnreachable() throws Exception {
    String traceId = neverStarted();
    java.util.Optional<ReceivedSpan> agent = java.util.Optional.empty();
    for (int i = 0; i < 40 && agent.isEmpty(); i++) {
      System.gc();
      Thread.sleep(50);
      server.enqueue(Script.chat().content("ok"));
      assistant().chat(1, "poll").onError(t -> { }).start(); // a new call polls for abandoned streams
      Thread.sleep(100);
      agent = receiver.spans().stream().filter(s -> s.traceId().equals(traceId)
          && s.name().equals("invoke_agent StreamingAssistant")).findFirst();
    }
    assertThat(agent).as("agent span of the never-started stream").isPresent();
    assertThat(agent.get().statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(agent.get().attributes()).containsEntry("error.type", "stream_abandoned");
    assertThat(receiver.spans().stream().filter(s -> s.traceId().equals(traceId))
        .filter(s -> "chat".equals(s.attribute("gen_ai.operation.name")))).isEmpty();
  }

}

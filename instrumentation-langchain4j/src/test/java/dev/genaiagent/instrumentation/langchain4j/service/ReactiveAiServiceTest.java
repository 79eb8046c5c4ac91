package dev.genaiagent.instrumentation.langchain4j.service;

import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.named;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.op;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTestBase;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.TelemetryAssertions;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.UserMessage;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An AI service with a reactive return type (TokenStreamAdapter SPI): subscribed after the method returned. */
class ReactiveAiServiceTest extends LangChain4jTestBase {

  interface ReactiveAssistant {
    Flow.Publisher<String> chat(@UserMessage String message);
  }

  @Test
  void theAgentSpanStartsAtTheCallAndEndsWhenTheLaterSubscriptionCompletes() throws Exception {
    server.enqueue(Script.chat().chunks("Snow ", "in ", "Oslo.").usage(30, 5).firstChunkDelay(Duration.ofMillis(50)));
    ReactiveAssistant assistant = AiServices.builder(ReactiveAssistant.class)
        .streamingChatModel(OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test")
            .modelName("gpt-4o-mini").build())
        .build();
    Span app = GlobalOpenTelemetry.getTracer("app").spanBuilder("reactive-request").startSpan();
    Flow.Publisher<String> publisher;
    try (Scope ignored = app.makeCurrent()) {
      publisher = assistant.chat("Weather in Oslo?");
    } finally {
      app.end();
    }
    long returnedAt = System.currentTimeMillis() * 1_000_000L;
    Thread.sleep(100); // nothing runs until someone subscribes

    StringBuilder text = new StringBuilder();
    CompletableFuture<Void> done = new CompletableFuture<>();
    publisher.subscribe(new Flow.Subscriber<String>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {}

      @Override
      public void onNext(String item) {
        text.append(item);
      }

      @Override
      public void onError(Throwable throwable) {
        done.completeExceptionally(throwable);
      }

      @Override
      public void onComplete() {
        done.complete(null);
      }
    });
    done.get(10, TimeUnit.SECONDS);
    assertThat(text).hasToString("Snow in Oslo.");

    List<ReceivedSpan> spans = trace(app.getSpanContext().getTraceId(), 4);
    ReceivedSpan agent = named(spans, "invoke_agent ReactiveAssistant");
    TelemetryAssertions.assertChildOf(agent, named(spans, "reactive-request"));
    assertThat(agent.endEpochNanos()).isGreaterThan(returnedAt + 100_000_000L);
    assertThat(agent.attributes()).containsEntry("gen_ai.usage.input_tokens", 30L);
    List<ReceivedSpan> chats = op(spans, "chat");
    assertThat(chats).hasSize(1);
    TelemetryAssertions.assertChildOf(chats.get(0), agent);
  }
}

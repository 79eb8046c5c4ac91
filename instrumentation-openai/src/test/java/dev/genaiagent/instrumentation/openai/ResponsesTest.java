package dev.genaiagent.instrumentation.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.StreamResponse;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.Script;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Responses API (the upstream agent has none), sync, async and streamed. */
class ResponsesTest extends SdkTestBase {

  private static ResponseCreateParams params() {
    return ResponseCreateParams.builder().model("gpt-4.1-mini").input("Weather in Paris?")
        .instructions("Be brief.").temperature(0.3).maxOutputTokens(100L).build();
  }

  @Test
  void createMakesAChatSpanWithUsage() {
    server.enqueue(Script.responses().content("Sunny.").id("resp_1").usage(30, 5).cachedTokens(10).reasoningTokens(2));
    Response response = client.responses().create(params());
    assertThat(response.id()).isEqualTo("resp_1");

    ReceivedSpan span = receiver.awaitSpan("chat gpt-4.1-mini", Duration.ofSeconds(10));
    assertThat(span.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
    assertThat(span.attributes())
        .containsEntry("gen_ai.operation.name", "chat")
        .containsEntry("gen_ai.provider.name", "openai")
        .containsEntry("gen_ai.request.temperature", 0.3)
        .containsEntry("gen_ai.request.max_tokens", 100L)
        .containsEntry("gen_ai.response.id", "resp_1")
        .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
        .containsEntry("gen_ai.usage.input_tokens", 30L)
        .containsEntry("gen_ai.usage.output_tokens", 5L)
        .containsEntry("gen_ai.usage.cache_read.input_tokens", 10L)
        .containsEntry("gen_ai.usage.reasoning.output_tokens", 2L)
        .doesNotContainKeys("gen_ai.system_instructions", "gen_ai.input.messages");
  }

  @Test
  void functionCallsFinishWithToolCall() throws Exception {
    server.enqueue(Script.responses().toolCall("call_9", "get_weather", "{\"city\":\"Paris\"}"));
    client.async().responses().create(params()).get(10, TimeUnit.SECONDS);
    ReceivedSpan span = receiver.awaitSpan("chat gpt-4.1-mini", Duration.ofSeconds(10));
    assertThat(span.attributes()).containsEntry("gen_ai.response.finish_reasons", List.of("tool_call"));
  }

  @Test
  void streamingTakesUsageFromTheCompletedEventAndTimesTextDeltas() {
    server.enqueue(Script.responses().content("Sunny and mild.").chunkSize(3).usage(12, 6)
        .firstChunkDelay(Duration.ofMillis(100)).interChunkDelay(Duration.ofMillis(10)));
    StringBuilder text = new StringBuilder();
    try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(params())) {
      stream.stream().filter(ResponseStreamEvent::isOutputTextDelta)
          .forEach(e -> text.append(e.asOutputTextDelta().delta()));
    }
    assertThat(text).hasToString("Sunny and mild.");

    ReceivedSpan span = receiver.awaitSpan("chat gpt-4.1-mini", Duration.ofSeconds(10));
    assertThat(span.attributes()).containsEntry("gen_ai.request.stream", true)
        .containsEntry("gen_ai.usage.input_tokens", 12L).containsEntry("gen_ai.usage.output_tokens", 6L)
        .containsEntry("gen_ai.response.finish_reasons", List.of("stop"));
    assertThat((Double) span.attribute("gen_ai.response.time_to_first_chunk")).isBetween(0.09, 0.5);
  }

  @Test
  void aStreamClosedEarlyEndsTheSpanOnceWithoutInventingUsage() {
    server.enqueue(Script.responses().content("A long answer that the app stops reading.").chunkSize(2)
        .interChunkDelay(Duration.ofMillis(5)));
    try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(params())) {
      stream.stream().filter(ResponseStreamEvent::isOutputTextDelta).limit(3).forEach(e -> { });
    }
    ReceivedSpan span = receiver.awaitSpan("chat gpt-4.1-mini", Duration.ofSeconds(10));
    assertThat(span.statusCode()).isNotEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(span.attributes()).doesNotContainKey("gen_ai.usage.output_tokens")
        .containsKey("gen_ai.response.time_to_first_chunk");
    assertThat(receiver.spans().stream().filter(s -> s.name().startsWith("chat"))).hasSize(1);
  }
}

package dev.genaiagent.instrumentation.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.StreamResponse;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.Script;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Legacy Completions: {@code text_completion} spans. */
class CompletionsTest extends SdkTestBase {

  private static CompletionCreateParams params() {
    return CompletionCreateParams.builder().model("gpt-3.5-turbo-instruct").prompt("Say this is a test")
        .maxTokens(16L).temperature(0.0).build();
  }

  @Test
  void createMakesATextCompletionSpan() {
    server.enqueue(Script.completion().content("This is a test.").usage(5, 4));
    Completion completion = client.completions().create(params());
    assertThat(completion.choices().get(0).text()).isEqualTo("This is a test.");

    ReceivedSpan span = receiver.awaitSpan("text_completion gpt-3.5-turbo-instruct", Duration.ofSeconds(10));
    assertThat(span.attributes())
        .containsEntry("gen_ai.operation.name", "text_completion")
        .containsEntry("gen_ai.request.max_tokens", 16L)
        .containsEntry("gen_ai.request.temperature", 0.0)
        .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
        .containsEntry("gen_ai.usage.input_tokens", 5L)
        .containsEntry("gen_ai.usage.output_tokens", 4L);
  }

  @Test
  void streamingIsTimedAndEnds() {
    server.enqueue(Script.completion().content("This is a test.").chunkSize(4).usage(5, 4));
    StringBuilder text = new StringBuilder();
    try (StreamResponse<Completion> stream = client.completions().createStreaming(params())) {
      stream.stream().forEach(c -> c.choices().forEach(ch -> text.append(ch.text())));
    }
    assertThat(text).hasToString("This is a test.");
    ReceivedSpan span = receiver.awaitSpan("text_completion gpt-3.5-turbo-instruct", Duration.ofSeconds(10));
    assertThat(span.attributes()).containsEntry("gen_ai.request.stream", true)
        .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
        .containsKey("gen_ai.response.time_to_first_chunk");
  }
}

package dev.genaiagent.instrumentation.openai.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.OpenAiTestServer;
import dev.genaiagent.testing.openai.Script;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One SDK version (the module's) with the shipped jar attached to this JVM. Uses only API that every
 * version from 0.43 to 4.x has. A supported version makes the GenAI spans; an unsupported one is
 * skipped whole: no GenAI span, while the application and upstream instrumentation work as before.
 */
class SdkVersionTest {
  private static final boolean EXPECT_INSTRUMENTED = Boolean.getBoolean("expect.instrumented");
  private static OtlpReceiver receiver;
  private static OpenAiTestServer server;
  private static OpenAIClient client;

  @BeforeAll
  static void start() {
    receiver = OtlpReceiver.start(Integer.getInteger("genai.otlp.port"));
    server = OpenAiTestServer.start();
    client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("sk-test").maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    server.close();
    receiver.close();
  }

  @Test
  void theExpectedSdkVersionIsOnTheClasspath() throws Exception {
    String jar = OpenAIClient.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    assertThat(jar).contains("openai-java-core-" + System.getProperty("expected.openai.version") + ".jar");
  }

  @Test
  void chatStreamingEmbeddingsAndResponses() {
    server.enqueue(Script.chat().content("Hi!").usage(5, 2));
    String answer = client.chat().completions().create(
        com.openai.models.chat.completions.ChatCompletionCreateParams.builder()
            .model("gpt-4o-mini").addUserMessage("hi").build())
        .choices().get(0).message().content().orElse("");
    assertThat(answer).isEqualTo("Hi!");

    server.enqueue(Script.chat().content("Streamed!").chunkSize(3).usage(5, 3));
    StringBuilder streamed = new StringBuilder();
    try (StreamResponse<com.openai.models.chat.completions.ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(com.openai.models.chat.completions.ChatCompletionCreateParams
            .builder().model("gpt-4o-mini").addUserMessage("hi").build())) {
      stream.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(streamed::append)));
    }
    assertThat(streamed).hasToString("Streamed!");

    server.enqueue(Script.embeddings().dimensions(8));
    client.embeddings().create(com.openai.models.embeddings.EmbeddingCreateParams.builder()
        .model("text-embedding-3-small").input("hello").build());

    server.enqueue(Script.responses().content("Sunny.").usage(7, 2));
    client.responses().create(com.openai.models.responses.ResponseCreateParams.builder()
        .model("gpt-4.1-mini").input("Weather?").build());

    if (EXPECT_INSTRUMENTED) {
      List<ReceivedSpan> spans = receiver.awaitSpans(s -> genAi(s).size() >= 4, Duration.ofSeconds(15));
      assertThat(genAi(spans)).extracting(ReceivedSpan::name).containsExactlyInAnyOrder(
          "chat gpt-4o-mini", "chat gpt-4o-mini", "embeddings text-embedding-3-small", "chat gpt-4.1-mini");
      assertThat(genAi(spans)).filteredOn(s -> s.name().equals("chat gpt-4.1-mini")).singleElement()
          .satisfies(s -> assertThat(s.attributes()).containsEntry("gen_ai.usage.output_tokens", 2L));
      assertThat(genAi(spans)).filteredOn(s -> Boolean.TRUE.equals(s.attribute("gen_ai.request.stream")))
          .singleElement().satisfies(s -> assertThat(s.attributes()).containsKey("gen_ai.response.time_to_first_chunk")
              // no stream_options.include_usage: no usage chunk, and no tokens are invented
              .doesNotContainKey("gen_ai.usage.output_tokens"));
    } else {
      // Upstream's HTTP client spans arrive: the agent works, it only left this SDK alone.
      List<ReceivedSpan> spans = receiver.awaitSpans(
          s -> s.stream().filter(x -> x.kind() == ReceivedSpan.Kind.CLIENT).count() >= 4, Duration.ofSeconds(15));
      assertThat(genAi(spans)).isEmpty();
    }
  }

  private static List<ReceivedSpan> genAi(List<ReceivedSpan> spans) {
    return spans.stream().filter(s -> s.attributes().containsKey("gen_ai.operation.name")).toList();
  }
}

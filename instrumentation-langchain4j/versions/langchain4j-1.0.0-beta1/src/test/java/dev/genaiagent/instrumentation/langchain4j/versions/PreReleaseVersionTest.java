package dev.genaiagent.instrumentation.langchain4j.versions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.ReceivedSpan;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatLanguageModel;
import dev.langchain4j.model.output.Response;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 1.0.0 betas (and 0.x) have {@code ChatLanguageModel}, not {@code ChatModel}: a different API,
 * skipped whole. The application works as before and the rest of the agent still traces.
 */
class PreReleaseVersionTest {

  @Test
  void olderApiIsSkippedWholeAndTheApplicationIsUnaffected() {
    try (OtlpReceiver receiver = OtlpReceiver.start(Integer.getInteger("genai.otlp.port"))) {
      String jar = ChatLanguageModel.class.getProtectionDomain().getCodeSource().getLocation().getPath();
      assertThat(jar).endsWith("langchain4j-core-" + System.getProperty("expected.langchain4j.version") + ".jar");
      ChatLanguageModel model = new ChatLanguageModel() {
        @Override
        public Response<AiMessage> generate(List<ChatMessage> messages) {
          return Response.from(AiMessage.from("pong"));
        }
      };
      Span marker = GlobalOpenTelemetry.getTracer("app").spanBuilder("after-chat").startSpan();
      assertThat(model.chat("ping")).isEqualTo("pong");
      assertThat(model.generate("ping")).isEqualTo("pong");
      marker.end();

      List<ReceivedSpan> spans = receiver.awaitSpans(s -> s.stream().anyMatch(x -> x.name().equals("after-chat")),
          Duration.ofSeconds(10));
      assertThat(spans).noneMatch(s -> s.attributes().containsKey("gen_ai.operation.name"));
    }
  }
}

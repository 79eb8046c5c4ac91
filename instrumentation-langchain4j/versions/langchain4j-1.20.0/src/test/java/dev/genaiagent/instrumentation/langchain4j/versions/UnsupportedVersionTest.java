package dev.genaiagent.instrumentation.langchain4j.versions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.ReceivedSpan;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j 1.20 added calls that do not pass through the hooked methods (chatAsync, Flow.Publisher
 * streaming): rather than report some calls and silently miss others, the agent leaves it alone. The
 * application works as before and the rest of the agent still traces.
 */
class UnsupportedVersionTest {

  @Test
  void newerLangChain4jIsSkippedWholeAndTheApplicationIsUnaffected() {
    try (OtlpReceiver receiver = OtlpReceiver.start(Integer.getInteger("genai.otlp.port"))) {
      String jar = ChatModel.class.getProtectionDomain().getCodeSource().getLocation().getPath();
      assertThat(jar).endsWith("langchain4j-core-" + System.getProperty("expected.langchain4j.version") + ".jar");
      ChatModel model = new ChatModel() {
        @Override
        public ChatResponse doChat(ChatRequest request) {
          return ChatResponse.builder().aiMessage(AiMessage.from("pong")).build();
        }
      };
      Span marker = GlobalOpenTelemetry.getTracer("app").spanBuilder("after-chat").startSpan();
      assertThat(model.chat("ping")).isEqualTo("pong");
      marker.end();

      List<ReceivedSpan> spans = receiver.awaitSpans(s -> s.stream().anyMatch(x -> x.name().equals("after-chat")),
          Duration.ofSeconds(10));
      assertThat(spans).noneMatch(s -> s.attributes().containsKey("gen_ai.operation.name"));
    }
  }
}

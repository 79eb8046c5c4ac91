package dev.genaiagent.instrumentation.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.models.responses.ResponseCreateParams;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.Script;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Runs with content capture on (its own failsafe execution). */
class ResponsesContentCaptureTest extends SdkTestBase {

  @Test
  void instructionsInputAndOutputAreCaptured() {
    server.enqueue(Script.responses().content("Sunny."));
    client.responses().create(ResponseCreateParams.builder().model("gpt-4.1-mini")
        .instructions("Be brief.").input("Weather in Paris?").build());
    ReceivedSpan span = receiver.awaitSpan("chat gpt-4.1-mini", Duration.ofSeconds(10));
    assertThat(span.attribute("gen_ai.system_instructions")).isEqualTo("[{\"type\":\"text\",\"content\":\"Be brief.\"}]");
    assertThat(span.attribute("gen_ai.input.messages"))
        .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]}]");
    assertThat(span.attribute("gen_ai.output.messages")).isEqualTo(
        "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Sunny.\"}],\"finish_reason\":\"stop\"}]");
  }
}

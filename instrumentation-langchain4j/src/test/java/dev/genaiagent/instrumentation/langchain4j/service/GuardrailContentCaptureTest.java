package dev.genaiagent.instrumentation.langchain4j.service;

import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.named;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.trace;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.traced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTestBase;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailException;
import dev.langchain4j.guardrail.InputGuardrailResult;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.guardrail.InputGuardrails;
import dev.langchain4j.service.guardrail.OutputGuardrails;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With content capture on, a failing verdict carries its first failure message, redacted. */
public class GuardrailContentCaptureTest extends LangChain4jTestBase {

  public interface Mailer {
    @InputGuardrails(NoAddresses.class)
    String send(String text);

    @OutputGuardrails(value = Brief.class, maxRetries = 2)
    String summarize(String text);
  }

  public static class NoAddresses implements InputGuardrail {
    @Override
    public InputGuardrailResult validate(UserMessage userMessage) {
      String text = userMessage.singleText();
      return text.contains("@") ? failure("refused to mail " + text) : success();
    }
  }

  public static class Brief implements OutputGuardrail {
    @Override
    public OutputGuardrailResult validate(AiMessage responseFromLLM) {
      return responseFromLLM.text().length() > 10 ? retry("too long: " + responseFromLLM.text()) : success();
    }
  }

  private Mailer mailer() {
    return AiServices.builder(Mailer.class)
        .chatModel(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").modelName("gpt-4o-mini")
            .maxRetries(0).build())
        // A retry resends the conversation from memory (a reprompt adds its own message).
        .chatMemory(MessageWindowChatMemory.withMaxMessages(10))
        .build();
  }

  @Test
  void aFailureMessageIsCapturedThroughTheContentPolicies() {
    Mailer mailer = mailer();
    String[] message = new String[1];
    String traceId = traced("mail", () -> {
      try {
        return mailer.send("jane.doe@example.com");
      } catch (InputGuardrailException e) {
        message[0] = e.getMessage();
        return null;
      }
    });
    // The application's exception keeps the real text; only the telemetry is redacted.
    assertThat(message[0]).contains("refused to mail jane.doe@example.com");
    ReceivedSpan check = named(trace(traceId, 3), "guardrail NoAddresses");
    assertThat(check.attributes()).containsEntry("langchain4j.guardrail.result", "failure");
    assertThat((String) check.attribute("langchain4j.guardrail.failure.message"))
        .startsWith("refused to mail ").contains("<EMAIL").doesNotContain("jane.doe@example.com");
  }

  @Test
  void aRetryCarriesItsMessageAndASuccessNone() {
    server.enqueue(Script.chat().content("A rather long summary."), Script.chat().content("Short."));
    Mailer mailer = mailer();
    String traceId = traced("summary", () -> mailer.summarize("Summarize this"));
    List<ReceivedSpan> checks = trace(traceId, 1 + 1 + 2 + 2 + 2).stream()
        .filter(s -> s.name().equals("guardrail Brief")).toList();
    assertThat(checks).hasSize(2);
    assertThat(checks.get(0).attributes()).containsEntry("langchain4j.guardrail.result", "fatal")
        .containsEntry("langchain4j.guardrail.action", "retry")
        .containsEntry("langchain4j.guardrail.failure.message", "too long: A rather long summary.");
    assertThat(checks.get(1).attributes()).containsEntry("langchain4j.guardrail.result", "success")
        .doesNotContainKey("langchain4j.guardrail.failure.message");
  }
}

package dev.genaiagent.instrumentation.langchain4j.service;

import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.WAIT;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.named;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.op;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.trace;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.traced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTestBase;
import dev.genaiagent.testing.ReceivedMetric;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.TelemetryAssertions;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailException;
import dev.langchain4j.guardrail.InputGuardrailResult;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.guardrail.InputGuardrails;
import dev.langchain4j.service.guardrail.OutputGuardrails;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Input and output guardrails of a real AI service over the OpenAI model: one {@code guardrail {name}}
 * span per validation under the agent, with the verdict; a fatal verdict reaches the application as
 * LangChain4j throws it; an output reprompt gives a second model call and a second validation.
 */
public class GuardrailTest extends LangChain4jTestBase {

  public interface Guarded {
    @InputGuardrails({Trim.class, NoSecrets.class})
    String ask(String question);

    @OutputGuardrails(value = Formal.class, maxRetries = 2)
    String greet(String name);

    @InputGuardrails(Broken.class)
    String check(String text);
  }

  public interface StreamingGuarded {
    @OutputGuardrails(value = Formal.class, maxRetries = 2)
    TokenStream greet(String name);
  }

  /** Rewrites the message: {@code success_with_result}. */
  public static class Trim implements InputGuardrail {
    @Override
    public InputGuardrailResult validate(UserMessage userMessage) {
      String text = userMessage.singleText();
      return text.equals(text.strip()) ? success() : successWith(text.strip());
    }
  }

  /** A named guardrail (1.16.1+ {@code name()}) with a fatal verdict. */
  public static class NoSecrets implements InputGuardrail {
    @Override
    public String name() {
      return "no-secrets";
    }

    @Override
    public InputGuardrailResult validate(UserMessage userMessage) {
      return userMessage.singleText().contains("password") ? fatal("the message mentions a password") : success();
    }
  }

  /** Asks the model again, once, when the answer is too casual. */
  public static class Formal implements OutputGuardrail {
    @Override
    public OutputGuardrailResult validate(AiMessage responseFromLLM) {
      return responseFromLLM.text().startsWith("Yo") ? reprompt("too casual", "Answer formally.") : success();
    }
  }

  /** A guardrail that fails itself. */
  public static class Broken implements InputGuardrail {
    @Override
    public InputGuardrailResult validate(UserMessage userMessage) {
      throw new IllegalStateException("moderation backend down");
    }
  }

  private Guarded guarded() {
    return AiServices.builder(Guarded.class)
        .chatModel(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").modelName("gpt-4o-mini")
            .maxRetries(0).build())
        .build();
  }

  private static List<ReceivedSpan> guardrails(List<ReceivedSpan> spans) {
    return spans.stream().filter(s -> s.name().startsWith("guardrail ")).toList();
  }

  @Test
  void eachInputGuardrailIsASpanUnderTheAgentAndAFatalVerdictStopsTheService() {
    server.enqueue(Script.chat().content("Hi."));
    Guarded guarded = guarded();

    String passed = traced("passes", () -> guarded.ask("  Hello  "));
    List<ReceivedSpan> spans = trace(passed, 1 + 1 + 2 + 1 + 1); // app, agent, guardrails, chat, HTTP
    ReceivedSpan agent = named(spans, "invoke_agent Guarded");
    List<ReceivedSpan> checks = guardrails(spans);
    assertThat(checks).extracting(ReceivedSpan::name).containsExactly("guardrail Trim", "guardrail no-secrets");
    assertThat(checks).allSatisfy(g -> {
      TelemetryAssertions.assertChildOf(g, agent);
      assertThat(g.kind()).isEqualTo(ReceivedSpan.Kind.INTERNAL);
      assertThat(g.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
      assertThat(g.scopeName()).isEqualTo("dev.genaiagent.langchain4j");
      assertThat(g.attributes()).containsEntry("langchain4j.guardrail.type", "input")
          .doesNotContainKey("gen_ai.operation.name").doesNotContainKey("error.type")
          .doesNotContainKey("langchain4j.guardrail.action");
    });
    assertThat(checks.get(0).attributes()).containsEntry("langchain4j.guardrail.name", "Trim")
        .containsEntry("langchain4j.guardrail.result", "success_with_result");
    assertThat(checks.get(1).attributes()).containsEntry("langchain4j.guardrail.name", "no-secrets")
        .containsEntry("langchain4j.guardrail.result", "success");
    // Both ran before the model call.
    ReceivedSpan chat = op(spans, "chat").get(0);
    TelemetryAssertions.assertChildOf(chat, agent);
    assertThat(checks.get(1).endEpochNanos()).isLessThanOrEqualTo(chat.startEpochNanos());

    InputGuardrailException[] thrown = new InputGuardrailException[1];
    String blocked = traced("blocked", () -> {
      try {
        return guarded.ask("my password is hunter2");
      } catch (InputGuardrailException e) {
        thrown[0] = e;
        return null;
      }
    });
    // The application gets LangChain4j's exception as it is.
    assertThat(thrown[0]).isNotNull().hasNoCause();
    assertThat(thrown[0].getClass()).isEqualTo(InputGuardrailException.class);
    assertThat(thrown[0].getMessage()).contains("the message mentions a password");

    List<ReceivedSpan> blockedSpans = trace(blocked, 1 + 1 + 2);
    ReceivedSpan blockedAgent = named(blockedSpans, "invoke_agent Guarded");
    assertThat(blockedAgent.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(blockedAgent.attributes()).containsEntry("error.type", InputGuardrailException.class.getName());
    List<ReceivedSpan> blockedChecks = guardrails(blockedSpans);
    assertThat(blockedChecks).extracting(ReceivedSpan::name).containsExactly("guardrail Trim", "guardrail no-secrets");
    for (ReceivedSpan g : blockedChecks) {
      TelemetryAssertions.assertChildOf(g, blockedAgent);
    }
    assertThat(blockedChecks.get(0).attributes()).containsEntry("langchain4j.guardrail.result", "success");
    ReceivedSpan fatal = blockedChecks.get(1);
    // The verdict is not an error of the guardrail: the agent's span carries the failure.
    assertThat(fatal.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
    assertThat(fatal.events()).isEmpty();
    assertThat(fatal.attributes()).containsEntry("langchain4j.guardrail.result", "fatal")
        .doesNotContainKey("langchain4j.guardrail.failure.message") // content capture is off
        .doesNotContainKey("error.type");
    assertThat(op(blockedSpans, "chat")).isEmpty();

    ReceivedMetric counter = receiver.awaitMetrics(all -> hasPoint(all, "no-secrets", "input", "fatal")
        && hasPoint(all, "Trim", "input", "success_with_result"), WAIT).stream()
        .filter(m -> m.name().equals("langchain4j.guardrail.validations")).reduce((a, b) -> b).orElseThrow();
    assertThat(counter.type()).isEqualTo(ReceivedMetric.Type.SUM);
    assertThat(counter.monotonic()).isTrue();
    assertThat(counter.unit()).isEqualTo("{validation}");
  }

  @Test
  void anOutputRepromptGivesASecondModelCallAndASecondValidation() {
    server.enqueue(Script.chat().content("Yo Ann!").usage(10, 3), Script.chat().content("Good day, Ann.").usage(20, 4));
    Guarded guarded = guarded();
    String[] answer = new String[1];
    String traceId = traced("greeting", () -> answer[0] = guarded.greet("Ann"));
    assertThat(answer[0]).isEqualTo("Good day, Ann.");

    List<ReceivedSpan> spans = trace(traceId, 1 + 1 + 2 + 2 + 2); // app, agent, chats, HTTP, guardrails
    ReceivedSpan agent = named(spans, "invoke_agent Guarded");
    assertThat(agent.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
    assertThat(agent.attributes()).containsEntry("gen_ai.usage.input_tokens", 30L);
    List<ReceivedSpan> chats = op(spans, "chat");
    List<ReceivedSpan> checks = guardrails(spans);
    assertThat(chats).hasSize(2).allSatisfy(c -> TelemetryAssertions.assertChildOf(c, agent));
    assertThat(checks).hasSize(2).allSatisfy(g -> {
      TelemetryAssertions.assertChildOf(g, agent);
      assertThat(g.name()).isEqualTo("guardrail Formal");
      assertThat(g.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
      assertThat(g.attributes()).containsEntry("langchain4j.guardrail.name", "Formal")
          .containsEntry("langchain4j.guardrail.type", "output");
    });
    // chat, validation asking for a reprompt, chat again, validation passing.
    assertThat(chats.get(0).endEpochNanos()).isLessThanOrEqualTo(checks.get(0).startEpochNanos());
    assertThat(checks.get(0).endEpochNanos()).isLessThanOrEqualTo(chats.get(1).startEpochNanos());
    assertThat(chats.get(1).endEpochNanos()).isLessThanOrEqualTo(checks.get(1).startEpochNanos());
    assertThat(checks.get(0).attributes()).containsEntry("langchain4j.guardrail.result", "fatal")
        .containsEntry("langchain4j.guardrail.action", "reprompt");
    assertThat(checks.get(1).attributes()).containsEntry("langchain4j.guardrail.result", "success")
        .doesNotContainKey("langchain4j.guardrail.action");
    server.takeRequest(WAIT);
    assertThat(server.takeRequest(WAIT).body()).contains("Answer formally.");

    receiver.awaitMetrics(all -> hasPoint(all, "Formal", "output", "fatal") && hasPoint(all, "Formal", "output", "success"),
        WAIT);
  }

  @Test
  void aGuardrailThatThrowsIsAnErrorSpanWithItsOwnExceptionType() {
    Guarded guarded = guarded();
    Throwable[] thrown = new Throwable[1];
    String traceId = traced("checking", () -> {
      try {
        return guarded.check("anything");
      } catch (RuntimeException e) {
        thrown[0] = e;
        return null;
      }
    });
    assertThat(thrown[0]).isInstanceOf(InputGuardrailException.class)
        .hasCauseInstanceOf(IllegalStateException.class).hasMessage("moderation backend down");

    List<ReceivedSpan> spans = trace(traceId, 1 + 1 + 1);
    ReceivedSpan agent = named(spans, "invoke_agent Guarded");
    ReceivedSpan broken = named(spans, "guardrail Broken");
    TelemetryAssertions.assertChildOf(broken, agent);
    assertThat(broken.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(broken.attributes()).containsEntry("error.type", IllegalStateException.class.getName())
        .containsEntry("langchain4j.guardrail.type", "input")
        .doesNotContainKey("langchain4j.guardrail.result");
    assertThat(broken.events()).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("exception"));
    assertThat(agent.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(agent.attributes()).containsEntry("error.type", InputGuardrailException.class.getName());
    assertThat(op(spans, "chat")).isEmpty();
  }

  @Test
  void aStreamedAnswerIsValidatedUnderTheAgentToo() throws Exception {
    server.enqueue(Script.chat().chunks("Yo ", "Ann!"), Script.chat().chunks("Good day, ", "Ann."));
    StreamingGuarded guarded = AiServices.builder(StreamingGuarded.class)
        .streamingChatModel(OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test")
            .modelName("gpt-4o-mini").build())
        .build();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    String traceId = traced("streamed greeting", () -> {
      guarded.greet("Ann").onPartialResponse(t -> { }).onCompleteResponse(done::complete)
          .onError(done::completeExceptionally).start();
      return null;
    });
    assertThat(done.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("Good day, Ann.");

    List<ReceivedSpan> spans = trace(traceId, 1 + 1 + 2 + 2 + 2);
    ReceivedSpan agent = named(spans, "invoke_agent StreamingGuarded");
    assertThat(agent.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
    List<ReceivedSpan> checks = guardrails(spans);
    assertThat(checks).hasSize(2).allSatisfy(g -> TelemetryAssertions.assertChildOf(g, agent));
    assertThat(checks).extracting(g -> g.attribute("langchain4j.guardrail.result")).containsExactly("fatal", "success");
    assertThat(op(spans, "chat")).hasSize(2).allSatisfy(c -> TelemetryAssertions.assertChildOf(c, agent));
  }

  static boolean hasPoint(List<ReceivedMetric> metrics, String name, String type, String result) {
    return metrics.stream().filter(m -> m.name().equals("langchain4j.guardrail.validations"))
        .flatMap(m -> m.numberPoints().stream())
        .anyMatch(p -> name.equals(p.attributes().get("langchain4j.guardrail.name"))
            && type.equals(p.attributes().get("langchain4j.guardrail.type"))
            && Objects.equals(result, p.attributes().get("langchain4j.guardrail.result"))
            && p.value().longValue() >= 1);
  }
}

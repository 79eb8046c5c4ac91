package dev.genaiagent.instrumentation.langchain4j.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTestBase;
import dev.genaiagent.testing.ReceivedMetric;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.TelemetryAssertions;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import dev.langchain4j.service.tool.ToolExecutor;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A blocking AI service with chat memory and tools over the real OpenAI model: the whole trace tree. */
class AiServiceTest extends LangChain4jTestBase {
  static final Duration WAIT = Duration.ofSeconds(10);

  interface Assistant {
    @SystemMessage({"You are the travel assistant of {{company}}.", "Answer briefly."})
    String chat(@MemoryId String user, @UserMessage String message, @V("company") String company);
  }

  interface Calculator {
    String ask(String question);
  }

  static class TravelTools {
    @Tool({"Current weather in a city", "in degrees Celsius"})
    String weather(@P(name = "city", value = "the city") String city) {
      return "sunny, 24 degrees in " + city;
    }

    @Tool("Books a hotel room")
    String bookHotel(@P(name = "city", value = "the city") String city) {
      throw new IllegalStateException("no rooms left in " + city);
    }
  }


  private ChatModel model() {
    return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").modelName("gpt-4o-mini")
        .maxRetries(0).build();
  }

  private Assistant assistant() {
    return AiServices.builder(Assistant.class).chatModel(model())
        .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(20))
        .tools(new TravelTools()).build();
  }

  /** Runs {@code body} under an application span; returns that span's trace id. */
  static <T> String traced(String name, Supplier<T> body) {
    Span app = GlobalOpenTelemetry.getTracer("app").spanBuilder(name).startSpan();
    try (Scope ignored = app.makeCurrent()) {
      body.get();
    } finally {
      app.end();
    }
    return app.getSpanContext().getTraceId();
  }

  static List<ReceivedSpan> trace(String traceId, int count) {
    return receiver.awaitSpans(all -> all.stream().filter(s -> s.traceId().equals(traceId)).count() >= count, WAIT)
        .stream().filter(s -> s.traceId().equals(traceId))
        .sorted(Comparator.comparingLong(ReceivedSpan::startEpochNanos)).toList();
  }

  static List<ReceivedSpan> op(List<ReceivedSpan> spans, String operation) {
    return spans.stream().filter(s -> operation.equals(s.attribute("gen_ai.operation.name"))).toList();
  }

  static ReceivedSpan named(List<ReceivedSpan> spans, String name) {
    return spans.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(
        () -> new AssertionError("no span '" + name + "' in " + spans.stream().map(ReceivedSpan::describe).toList()));
  }

  @Test
  void oneAgentSpanParentsTheModelCallsAndToolsAndSumsTheirUsage() {
    server.enqueue(
        Script.chat().toolCall("call_1", "weather", "{\"city\":\"Paris\"}")
            .toolCall("call_2", "bookHotel", "{\"city\":\"Paris\"}").usage(50, 20),
        Script.chat().content("Sunny, but no rooms.").usage(80, 10));
    Assistant assistant = assistant();
    String[] answer = new String[1];
    String traceId = traced("handle-request",
        () -> answer[0] = assistant.chat("alice", "Weather in Paris? Book me a hotel.", "Acme"));
    assertThat(answer[0]).isEqualTo("Sunny, but no rooms.");

    List<ReceivedSpan> spans = trace(traceId, 1 + 1 + 2 + 2 + 2); // app, agent, chats, tools, HTTP
    ReceivedSpan app = named(spans, "handle-request");
    ReceivedSpan agent = named(spans, "invoke_agent Assistant");
    assertThat(agent.kind()).isEqualTo(ReceivedSpan.Kind.INTERNAL);
    assertThat(agent.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
    TelemetryAssertions.assertChildOf(agent, app);
    assertThat(agent.attributes())
        .containsEntry("gen_ai.operation.name", "invoke_agent")
        .containsEntry("gen_ai.agent.name", "Assistant")
        .containsEntry("gen_ai.provider.name", "openai")
        .containsEntry("gen_ai.request.model", "gpt-4o-mini")
        .containsEntry("gen_ai.conversation.id", "alice")
        .containsEntry("code.function.name", Assistant.class.getName() + ".chat")
        .containsEntry("gen_ai.prompt.name", "Assistant.chat")
        .containsEntry("gen_ai.usage.input_tokens", 130L)
        .containsEntry("gen_ai.usage.output_tokens", 30L)
        .containsKey("gen_ai.system_instructions.hash")
        .doesNotContainKey("error.type");

    List<ReceivedSpan> chats = op(spans, "chat");
    assertThat(chats).hasSize(2).allSatisfy(chat -> {
      TelemetryAssertions.assertChildOf(chat, agent);
      assertThat(chat.name()).isEqualTo("chat gpt-4o-mini");
      assertThat(chat.attributes()).containsEntry("gen_ai.conversation.id", "alice");
    });
    assertThat(chats.get(0).attributes()).containsEntry("gen_ai.usage.input_tokens", 50L);
    assertThat(chats.get(1).attributes()).containsEntry("gen_ai.usage.input_tokens", 80L);

    List<ReceivedSpan> tools = op(spans, "execute_tool");
    assertThat(tools).hasSize(2).allSatisfy(tool -> {
      TelemetryAssertions.assertChildOf(tool, agent);
      assertThat(tool.kind()).isEqualTo(ReceivedSpan.Kind.INTERNAL);
      // Between the round that asked for them and the round that got their results.
      assertThat(tool.startEpochNanos()).isGreaterThanOrEqualTo(chats.get(0).endEpochNanos());
      assertThat(tool.endEpochNanos()).isLessThanOrEqualTo(chats.get(1).startEpochNanos());
      assertThat(tool.attributes()).containsEntry("gen_ai.tool.type", "function")
          .doesNotContainKey("gen_ai.tool.call.arguments").doesNotContainKey("gen_ai.tool.call.result");
    });
    ReceivedSpan weather = named(tools, "execute_tool weather");
    assertThat(weather.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
    assertThat(weather.attributes())
        .containsEntry("gen_ai.tool.name", "weather")
        .containsEntry("gen_ai.tool.call.id", "call_1")
        .containsEntry("gen_ai.tool.description", "Current weather in a city\nin degrees Celsius")
        .containsEntry("gen_ai.provider.name", "openai")
        .doesNotContainKey("error.type");
    // The failing tool: an error span, while LangChain4j sends the error to the model and goes on.
    ReceivedSpan hotel = named(tools, "execute_tool bookHotel");
    assertThat(hotel.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(hotel.attributes())
        .containsEntry("gen_ai.tool.call.id", "call_2")
        .containsEntry("gen_ai.tool.description", "Books a hotel room")
        .containsEntry("error.type", IllegalStateException.class.getName());
    assertThat(hotel.events()).anySatisfy(e -> assertThat(e.name()).isEqualTo("exception"));
    assertThat(server.takeRequest(WAIT).body()).contains("weather");
    assertThat(server.takeRequest(WAIT).body()).contains("no rooms left in Paris");

    ReceivedMetric duration = receiver.awaitMetrics(all -> hasPoint(all, "execute_tool", IllegalStateException.class.getName())
        && hasPoint(all, "invoke_agent", null), WAIT).stream()
        .filter(m -> m.name().equals("gen_ai.client.operation.duration")).reduce((a, b) -> b).orElseThrow();
    assertThat(duration.unit()).isEqualTo("s");
  }

  private static boolean hasPoint(List<ReceivedMetric> metrics, String operation, String errorType) {
    return metrics.stream().filter(m -> m.name().equals("gen_ai.client.operation.duration"))
        .flatMap(m -> m.histogramPoints().stream())
        .anyMatch(p -> operation.equals(p.attributes().get("gen_ai.operation.name"))
            && (errorType == null || errorType.equals(p.attributes().get("error.type")))
            && "openai".equals(p.attributes().get("gen_ai.provider.name")));
  }

  @Test
  void theFingerprintIsTheTemplatesNotTheRenderedMessages() {
    server.enqueue(Script.chat().content("Hi."), Script.chat().content("Hello."));
    Assistant assistant = assistant();
    String first = traced("first", () -> assistant.chat("bob", "Hi", "Acme"));
    String second = traced("second", () -> assistant.chat("carol", "Hello", "Globex"));
    ReceivedSpan agent1 = named(trace(first, 4), "invoke_agent Assistant");
    ReceivedSpan agent2 = named(trace(second, 4), "invoke_agent Assistant");
    assertThat(agent1.attribute("gen_ai.system_instructions.hash"))
        .isNotNull().isEqualTo(agent2.attribute("gen_ai.system_instructions.hash"));
    assertThat(agent2.attributes()).containsEntry("gen_ai.conversation.id", "carol");
    // The model calls fingerprint what was sent: the rendered messages differ with the variable.
    ReceivedSpan chat1 = op(trace(first, 4), "chat").get(0);
    ReceivedSpan chat2 = op(trace(second, 4), "chat").get(0);
    assertThat(chat1.attribute("gen_ai.system_instructions.hash"))
        .isNotEqualTo(chat2.attribute("gen_ai.system_instructions.hash"));
  }

  @Test
  void aFailingModelCallFailsTheAgentWithTheSameException() {
    server.enqueue(Script.rateLimited());
    Assistant assistant = assistant();
    String traceId = traced("failing", () -> {
      assertThatThrownBy(() -> assistant.chat("dave", "Hi", "Acme")).isInstanceOf(RateLimitException.class);
      return null;
    });
    List<ReceivedSpan> spans = trace(traceId, 4);
    ReceivedSpan agent = named(spans, "invoke_agent Assistant");
    assertThat(agent.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(agent.attributes()).containsEntry("error.type", RateLimitException.class.getName());
    TelemetryAssertions.assertChildOf(op(spans, "chat").get(0), agent);
  }

  @Test
  void objectMethodsAreNoAgentCalls() {
    Assistant assistant = assistant();
    String traceId = traced("object-methods", () -> {
      assertThat(assistant.toString()).isNotEmpty();
      assertThat(assistant.equals(assistant)).isTrue();
      return assistant.hashCode();
    });
    assertThat(trace(traceId, 1)).extracting(ReceivedSpan::name).containsExactly("object-methods");
  }

  @Test
  void aProgrammaticToolHasItsSpecificationsDescription() {
    ToolSpecification spec = ToolSpecification.builder().name("add").description("Adds two integers")
        .parameters(JsonObjectSchema.builder().addIntegerProperty("a").addIntegerProperty("b").build()).build();
    ToolExecutor add = (request, memoryId) -> "42";
    Calculator calculator = AiServices.builder(Calculator.class).chatModel(model()).tools(Map.of(spec, add)).build();
    server.enqueue(Script.chat().toolCall("call_add", "add", "{\"a\":40,\"b\":2}"), Script.chat().content("42."));
    String traceId = traced("calculate", () -> calculator.ask("40 + 2?"));

    List<ReceivedSpan> spans = trace(traceId, 1 + 1 + 2 + 1 + 2);
    ReceivedSpan agent = named(spans, "invoke_agent Calculator");
    assertThat(agent.attributes()).doesNotContainKey("gen_ai.conversation.id")
        .doesNotContainKey("gen_ai.prompt.name").doesNotContainKey("gen_ai.system_instructions.hash");
    ReceivedSpan tool = named(spans, "execute_tool add");
    TelemetryAssertions.assertChildOf(tool, agent);
    assertThat(tool.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
    assertThat(tool.attributes()).containsEntry("gen_ai.tool.description", "Adds two integers")
        .containsEntry("gen_ai.tool.call.id", "call_add");
    assertThat(op(spans, "execute_tool")).hasSize(1); // execute inside executeWithContext is the same execution
  }
}

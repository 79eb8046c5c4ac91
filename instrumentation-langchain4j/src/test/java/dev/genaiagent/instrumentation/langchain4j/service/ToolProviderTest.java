package dev.genaiagent.instrumentation.langchain4j.service;

import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.named;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.op;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.trace;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.traced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTestBase;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.TelemetryAssertions;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.ToolArgumentsException;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProviderResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tools from a {@code ToolProvider} (how MCP tools reach an AI service): described as the provider
 * described them; a tool that reports an error instead of throwing one is {@code tool_error}, an error
 * with a code is that code, a tool's own exception keeps its class name.
 */
class ToolProviderTest extends LangChain4jTestBase {
  interface Desk {
    String handle(String request);
  }

  private static ToolSpecification spec(String name, String description) {
    return ToolSpecification.builder().name(name).description(description)
        .parameters(JsonObjectSchema.builder().addStringProperty("orderId").build()).build();
  }

  /** An executor answering through {@code executeWithContext} with a result flagged as an error (1.6+). */
  static final class ErrorResultExecutor implements ToolExecutor {
    @Override
    public String execute(ToolExecutionRequest request, Object memoryId) {
      return executeWithContext(request, null).resultText();
    }

    @Override
    public ToolExecutionResult executeWithContext(ToolExecutionRequest request, InvocationContext context) {
      return ToolExecutionResult.builder().isError(true).resultText("the warehouse is closed").build();
    }
  }

  @Test
  void providedToolsAreDescribedAndTheirErrorsNamed() {
    ToolExecutor ok = (request, memoryId) -> "shipped";
    ToolExecutor reported = (request, memoryId) -> {
      throw new ToolExecutionException("already shipped, cannot be cancelled");
    };
    ToolExecutor coded = (request, memoryId) -> {
      throw new ToolArgumentsException("Missing required argument: orderId", -32602);
    };
    ToolExecutor own = (request, memoryId) -> {
      throw new ToolExecutionException(new RuntimeException("database down"));
    };
    Desk desk = AiServices.builder(Desk.class)
        .chatModel(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").modelName("gpt-4o-mini")
            .maxRetries(0).build())
        .toolProvider(request -> ToolProviderResult.builder()
            .add(spec("status", "Shipping status of an order"), ok)
            .add(spec("cancel", "Cancels an order"), reported)
            .add(spec("refund", "Refunds an order"), coded)
            .add(spec("track", "Tracks a parcel"), own)
            .add(spec("restock", "Restocks an item"), new ErrorResultExecutor())
            .build())
        .toolArgumentsErrorHandler((error, context) -> ToolErrorHandlerResult.text(error.getMessage()))
        .build();
    String args = "{\"orderId\":\"A-1\"}";
    server.enqueue(Script.chat().toolCall("c1", "status", args), Script.chat().toolCall("c2", "cancel", args),
        Script.chat().toolCall("c3", "refund", "{}"), Script.chat().toolCall("c4", "track", args),
        Script.chat().toolCall("c5", "restock", args), Script.chat().content("Done."));
    String traceId = traced("desk", () -> desk.handle("Cancel A-1"));

    List<ReceivedSpan> spans = trace(traceId, 1 + 1 + 6 + 5 + 6); // app, agent, chats, tools, HTTP
    ReceivedSpan agent = named(spans, "invoke_agent Desk");
    List<ReceivedSpan> tools = op(spans, "execute_tool");
    assertThat(tools).hasSize(5).allSatisfy(t -> TelemetryAssertions.assertChildOf(t, agent));
    assertThat(agent.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);

    ReceivedSpan status = named(spans, "execute_tool status");
    assertThat(status.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
    assertThat(status.attributes()).containsEntry("gen_ai.tool.description", "Shipping status of an order")
        .containsEntry("gen_ai.tool.call.id", "c1");

    ReceivedSpan cancel = named(spans, "execute_tool cancel");
    assertThat(cancel.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(cancel.attributes()).containsEntry("gen_ai.tool.description", "Cancels an order")
        .containsEntry("error.type", "tool_error");
    assertThat(cancel.events()).as("the reported text is the tool's answer, not an exception").isEmpty();

    ReceivedSpan refund = named(spans, "execute_tool refund");
    assertThat(refund.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(refund.attributes()).containsEntry("error.type", "-32602");

    ReceivedSpan track = named(spans, "execute_tool track");
    assertThat(track.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(track.attributes()).containsEntry("error.type", "java.lang.RuntimeException");
    assertThat(track.events()).isNotEmpty();

    ReceivedSpan restock = named(spans, "execute_tool restock");
    assertThat(restock.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(restock.attributes()).containsEntry("gen_ai.tool.description", "Restocks an item")
        .containsEntry("error.type", "tool_error");
  }
}

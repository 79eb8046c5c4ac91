package dev.genaiagent.instrumentation.langchain4j.versions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.RecordedRequest;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.mcp.McpToolExecutor;
import dev.langchain4j.mcp.McpToolProvider;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MCP tools with the shipped jar: an AI service whose tools come from {@code McpToolProvider} over a
 * real MCP server ({@link OrdersMcpServer}, a subprocess without the agent, spoken to over stdio).
 * Each MCP tool call is an {@code execute_tool} span under the agent, described as the server
 * described the tool; a tool error result ({@code isError: true}) is {@code error.type tool_error},
 * a JSON-RPC error its code, as the MCP semantic conventions ask; the service goes on.
 */
class McpToolTest extends VersionTestBase {
  private static McpClient mcp;

  @BeforeAll
  static void startMcpServer() {
    String java = ProcessHandle.current().info().command().orElse("java");
    Map<String, String> environment = new HashMap<>();
    if (System.getenv("JAVA_TOOL_OPTIONS") != null) {
      environment.put("JAVA_TOOL_OPTIONS", ""); // the server runs without any agent
    }
    mcp = DefaultMcpClient.builder().key("orders")
        .transport(StdioMcpTransport.builder()
            .command(List.of(java, "-cp", System.getProperty("java.class.path"), OrdersMcpServer.class.getName()))
            .environment(environment).build())
        .autoHealthCheck(false).initializationTimeout(Duration.ofSeconds(30)).toolExecutionTimeout(Duration.ofSeconds(30))
        .build();
  }

  @AfterAll
  static void stopMcpServer() throws Exception {
    mcp.close();
  }

  @BeforeEach
  void resetServer() {
    server.reset();
  }

  interface OrderDesk {
    String handle(String request);
  }

  private static List<ReceivedSpan> named(List<ReceivedSpan> spans, String prefix) {
    return spans.stream().filter(s -> s.name().startsWith(prefix)).collect(Collectors.toList());
  }

  private static ReceivedSpan parentOf(ReceivedSpan span, List<ReceivedSpan> spans) {
    return spans.stream().filter(span::isChildOf).findFirst()
        .orElseThrow(() -> new AssertionError("no parent for " + span.describe()));
  }

  @Test
  void mcpToolCallsAreToolSpansUnderTheAgentWithTheServersDescriptions() {
    OrderDesk desk = AiServices.builder(OrderDesk.class)
        .chatModel(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").modelName("gpt-4o-mini")
            .maxRetries(0).build())
        .toolProvider(McpToolProvider.builder().mcpClients(mcp).build())
        // LangChain4j rethrows argument errors by default; this service tells the model instead.
        .toolArgumentsErrorHandler((error, context) -> ToolErrorHandlerResult.text(error.getMessage()))
        .build();
    server.enqueue(Script.chat().toolCall("call_mcp_1", "order_status", "{\"orderId\":\"A-1\"}").usage(50, 5),
        Script.chat().toolCall("call_mcp_2", "cancel_order", "{\"orderId\":\"A-1\"}").usage(60, 5),
        Script.chat().toolCall("call_mcp_3", "order_status", "{}").usage(70, 5),
        Script.chat().content("A-1 has shipped, so it cannot be cancelled.").usage(80, 9));

    assertThat(desk.handle("Cancel order A-1")).isEqualTo("A-1 has shipped, so it cannot be cancelled.");

    // The service went on: the model saw each tool's answer, the errors as text.
    List<String> bodies = server.requests().stream().map(RecordedRequest::body).collect(Collectors.toList());
    assertThat(bodies).hasSize(4);
    assertThat(bodies.get(0)).contains(OrdersMcpServer.STATUS_DESCRIPTION).contains(OrdersMcpServer.CANCEL_DESCRIPTION);
    assertThat(bodies.get(3)).contains("Order A-1 has shipped.")
        .contains("has already shipped and cannot be cancelled.").contains("Missing required argument: orderId");

    List<ReceivedSpan> spans = receiver.awaitSpans(s -> named(s, "execute_tool").size() == 3
        && named(s, "invoke_agent").size() == 1, Duration.ofSeconds(20));
    ReceivedSpan agent = named(spans, "invoke_agent OrderDesk").get(0);
    List<ReceivedSpan> tools = named(spans, "execute_tool");
    assertThat(tools).as("one span per MCP tool call, not one per executor layer").hasSize(3)
        .allSatisfy(t -> assertThat(parentOf(t, spans)).isEqualTo(agent))
        .allSatisfy(t -> assertThat(t.scopeName()).isEqualTo("dev.genaiagent.langchain4j"));
    Map<Object, ReceivedSpan> byCallId = tools.stream()
        .collect(Collectors.toMap(t -> t.attribute("gen_ai.tool.call.id"), t -> t));
    assertThat(byCallId).containsOnlyKeys("call_mcp_1", "call_mcp_2", "call_mcp_3");

    ReceivedSpan status = byCallId.get("call_mcp_1");
    assertThat(status.name()).isEqualTo("execute_tool order_status");
    assertThat(status.statusCode()).isNotEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(status.attributes()).containsEntry("gen_ai.tool.name", "order_status")
        .containsEntry("gen_ai.tool.description", OrdersMcpServer.STATUS_DESCRIPTION)
        .containsEntry("gen_ai.tool.type", "function").doesNotContainKey("error.type");

    ReceivedSpan cancel = byCallId.get("call_mcp_2");
    assertThat(cancel.name()).isEqualTo("execute_tool cancel_order");
    assertThat(cancel.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(cancel.attributes()).containsEntry("gen_ai.tool.description", OrdersMcpServer.CANCEL_DESCRIPTION)
        .containsEntry("error.type", "tool_error");

    ReceivedSpan invalid = byCallId.get("call_mcp_3");
    assertThat(invalid.name()).isEqualTo("execute_tool order_status");
    assertThat(invalid.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(invalid.attributes()).containsEntry("gen_ai.tool.description", OrdersMcpServer.STATUS_DESCRIPTION)
        .containsEntry("error.type", String.valueOf(OrdersMcpServer.INVALID_PARAMS));

    assertThat(agent.statusCode()).isNotEqualTo(ReceivedSpan.StatusCode.ERROR);
  }

  @Test
  void anMcpExecutorCalledDirectlyIsOneToolSpan() {
    McpToolExecutor executor = new McpToolExecutor(mcp);
    String result = executor.execute(ToolExecutionRequest.builder().id("call_direct")
        .name("order_status").arguments("{\"orderId\":\"B-2\"}").build(), "memory");
    assertThat(result).isEqualTo("Order B-2 has shipped.");

    List<ReceivedSpan> spans = receiver.awaitSpans(s -> !named(s, "execute_tool").isEmpty(), Duration.ofSeconds(20));
    List<ReceivedSpan> tools = named(spans, "execute_tool order_status");
    assertThat(tools).as("execute -> executeWithContext is one execution").hasSize(1);
    assertThat(tools.get(0).attributes()).containsEntry("gen_ai.tool.call.id", "call_direct");
  }
}

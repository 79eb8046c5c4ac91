package dev.genaiagent.instrumentation.langchain4j.versions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A tiny MCP server over stdio (newline-delimited JSON-RPC 2.0), run as a subprocess by LangChain4j's
 * {@code StdioMcpTransport}: {@code initialize}, {@code ping}, {@code tools/list} with two described
 * tools, {@code tools/call}. {@code order_status} answers with text (or, without an {@code orderId}, a
 * JSON-RPC "invalid params" error); {@code cancel_order} always answers with a tool error result
 * ({@code isError: true}). Notifications are ignored. Only JSON-RPC goes to stdout.
 */
public final class OrdersMcpServer {
  static final String STATUS_DESCRIPTION = "Looks up the shipping status of an order";
  static final String CANCEL_DESCRIPTION = "Cancels an order that has not shipped yet";
  static final int INVALID_PARAMS = -32602;

  private static final ObjectMapper JSON = new ObjectMapper();

  private OrdersMcpServer() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode request = JSON.readTree(line);
      JsonNode id = request.get("id");
      if (id == null || id.isNull()) {
        continue; // a notification: notifications/initialized, roots/list_changed, cancelled
      }
      ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0").set("id", id);
      String method = request.path("method").asText();
      JsonNode params = request.path("params");
      switch (method) {
        case "initialize" -> {
          ObjectNode result = response.putObject("result");
          result.put("protocolVersion", params.path("protocolVersion").asText("2025-06-18"));
          result.putObject("capabilities").putObject("tools");
          result.putObject("serverInfo").put("name", "orders").put("version", "1.0.0");
        }
        case "ping" -> response.putObject("result");
        case "tools/list" -> {
          var tools = response.putObject("result").putArray("tools");
          tools.add(tool("order_status", STATUS_DESCRIPTION));
          tools.add(tool("cancel_order", CANCEL_DESCRIPTION));
        }
        case "tools/call" -> call(params, response);
        default -> response.putObject("error").put("code", -32601).put("message", "Method not found: " + method);
      }
      out.println(JSON.writeValueAsString(response));
    }
  }

  private static ObjectNode tool(String name, String description) {
    ObjectNode tool = JSON.createObjectNode().put("name", name).put("description", description);
    ObjectNode schema = tool.putObject("inputSchema").put("type", "object");
    schema.putObject("properties").putObject("orderId").put("type", "string").put("description", "the order id");
    schema.putArray("required").add("orderId");
    return tool;
  }

  private static void call(JsonNode params, ObjectNode response) {
    String name = params.path("name").asText();
    JsonNode orderId = params.path("arguments").get("orderId");
    if (!name.equals("order_status") && !name.equals("cancel_order")) {
      response.putObject("error").put("code", INVALID_PARAMS).put("message", "Unknown tool: " + name);
      return;
    }
    if (orderId == null || !orderId.isTextual()) {
      response.putObject("error").put("code", INVALID_PARAMS).put("message", "Missing required argument: orderId");
      return;
    }
    ObjectNode result = response.putObject("result");
    boolean cancel = name.equals("cancel_order");
    result.putArray("content").addObject().put("type", "text").put("text", cancel
        ? "Order " + orderId.asText() + " has already shipped and cannot be cancelled."
        : "Order " + orderId.asText() + " has shipped.");
    result.put("isError", cancel);
  }
}

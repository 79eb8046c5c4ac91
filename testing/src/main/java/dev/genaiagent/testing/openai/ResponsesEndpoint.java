package dev.genaiagent.testing.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /responses}: a {@code response} object, or with {@code stream: true} the typed SSE events
 * ({@code event: <type>} plus {@code data: {"type": <type>, "sequence_number": n, ...}}) from
 * {@code response.created} to {@code response.completed}. No {@code [DONE]}: the Responses stream ends with
 * its terminal event.
 *
 * <p>The response echoes the request's settings ({@code instructions}, {@code tools}, {@code tool_choice},
 * {@code temperature}, ...) as the real API does; openai-java requires several of them to be present.
 */
final class ResponsesEndpoint implements Endpoint {

  @Override
  public Api api() {
    return Api.RESPONSES;
  }

  @Override
  public Reply reply(RecordedRequest request, Script script) {
    Map<String, Object> body = RequestFields.body(request);
    String model = RequestFields.model(body);
    Object input = RequestFields.required(body, "input");
    String userText = input instanceof String s ? s : Texts.lastUserText(input);
    String promptText = Texts.allText(input)
        + (body.get("instructions") instanceof String instructions ? instructions : "");
    Generation g = new Generation(script, model, userText, promptText, 1);
    Draft draft = new Draft(g, body, script.id != null ? script.id : Texts.newId("resp_"));
    return RequestFields.stream(body) ? Reply.stream(draft.events()) : Reply.json(200, draft.response(true));
  }

  /** One response being produced: its output items with stable ids, renderable whole or as events. */
  private static final class Draft {
    private final Generation g;
    private final Map<String, Object> request;
    private final String id;
    private final String messageId = Texts.newId("msg_");
    private final List<String> callItemIds = new ArrayList<>();
    private int sequence;

    Draft(Generation g, Map<String, Object> request, String id) {
      this.g = g;
      this.request = request;
      this.id = id;
      for (int i = 0; i < g.toolCalls.size(); i++) {
        callItemIds.add(Texts.newId("fc_"));
      }
    }

    /** A finish reason of {@code length} or {@code content_filter} makes the response "incomplete". */
    private String incompleteReason() {
      String finish = g.script.finishReason;
      if ("length".equals(finish)) {
        return "max_output_tokens";
      }
      return "content_filter".equals(finish) ? "content_filter" : null;
    }

    Map<String, Object> response(boolean finished) {
      String incomplete = incompleteReason();
      String status = !finished ? "in_progress" : incomplete != null ? "incomplete" : "completed";
      Map<String, Object> r = Json.obj(
          "id", id,
          "object", "response",
          "created_at", g.created,
          "status", status,
          "background", false,
          "completed_at", finished && incomplete == null ? System.currentTimeMillis() / 1000 : null,
          "error", null,
          "incomplete_details", finished && incomplete != null ? Json.obj("reason", incomplete) : null,
          "instructions", request.get("instructions"),
          "max_output_tokens", request.get("max_output_tokens"),
          "max_tool_calls", request.get("max_tool_calls"),
          "model", g.model,
          "output", finished ? outputItems() : Json.arr(),
          "parallel_tool_calls", request.getOrDefault("parallel_tool_calls", true),
          "previous_response_id", request.get("previous_response_id"),
          "prompt_cache_key", request.get("prompt_cache_key"),
          "reasoning", request.getOrDefault("reasoning", Json.obj("effort", null, "summary", null)),
          "safety_identifier", request.get("safety_identifier"),
          "service_tier", g.script.serviceTier,
          "store", request.getOrDefault("store", true),
          "temperature", request.getOrDefault("temperature", 1.0),
          "text", request.getOrDefault("text", Json.obj("format", Json.obj("type", "text"),
              "verbosity", "medium")),
          "tool_choice", request.getOrDefault("tool_choice", "auto"),
          "tools", request.getOrDefault("tools", Json.arr()),
          "top_logprobs", request.getOrDefault("top_logprobs", 0),
          "top_p", request.getOrDefault("top_p", 1.0),
          "truncation", request.getOrDefault("truncation", "disabled"),
          "usage", finished && g.reportsUsage() ? g.responseUsage() : null,
          "user", request.get("user"),
          "metadata", request.getOrDefault("metadata", Json.obj()));
      return r;
    }

    private List<Object> outputItems() {
      List<Object> items = new ArrayList<>();
      if (g.content != null) {
        items.add(messageItem("completed", Json.arr(textPart(g.content))));
      }
      for (int i = 0; i < g.toolCalls.size(); i++) {
        ToolCall call = g.toolCalls.get(i);
        items.add(callItem(i, "completed", call.arguments()));
      }
      return items;
    }

    private Map<String, Object> messageItem(String status, List<Object> content) {
      return Json.obj("id", messageId, "type", "message", "status", status, "content", content,
          "role", "assistant");
    }

    private Map<String, Object> callItem(int index, String status, String arguments) {
      ToolCall call = g.toolCalls.get(index);
      return Json.obj("id", callItemIds.get(index), "type", "function_call", "status", status,
          "arguments", arguments, "call_id", call.id(), "name", call.name());
    }

    private static Map<String, Object> textPart(String text) {
      return Json.obj("type", "output_text", "annotations", Json.arr(), "logprobs", Json.arr(), "text", text);
    }

    List<SseEvent> events() {
      List<SseEvent> events = new ArrayList<>();
      events.add(event("response.created", false, "response", response(false)));
      events.add(event("response.in_progress", false, "response", response(false)));
      int outputIndex = 0;
      if (g.content != null) {
        events.add(event("response.output_item.added", false,
            "output_index", outputIndex, "item", messageItem("in_progress", Json.arr())));
        events.add(event("response.content_part.added", false,
            "item_id", messageId, "output_index", outputIndex, "content_index", 0, "part", textPart("")));
        for (String piece : g.pieces) {
          events.add(event("response.output_text.delta", true,
              "item_id", messageId, "output_index", outputIndex, "content_index", 0, "delta", piece,
              "logprobs", Json.arr()));
        }
        events.add(event("response.output_text.done", false,
            "item_id", messageId, "output_index", outputIndex, "content_index", 0, "text", g.content,
            "logprobs", Json.arr()));
        events.add(event("response.content_part.done", false,
            "item_id", messageId, "output_index", outputIndex, "content_index", 0,
            "part", textPart(g.content)));
        events.add(event("response.output_item.done", false,
            "output_index", outputIndex, "item", messageItem("completed", Json.arr(textPart(g.content)))));
        outputIndex++;
      }
      for (int i = 0; i < g.toolCalls.size(); i++, outputIndex++) {
        ToolCall call = g.toolCalls.get(i);
        String itemId = callItemIds.get(i);
        events.add(event("response.output_item.added", false,
            "output_index", outputIndex, "item", callItem(i, "in_progress", "")));
        for (String piece : g.argumentPieces(call)) {
          events.add(event("response.function_call_arguments.delta", true,
              "item_id", itemId, "output_index", outputIndex, "delta", piece));
        }
        events.add(event("response.function_call_arguments.done", false,
            "item_id", itemId, "output_index", outputIndex, "arguments", call.arguments()));
        events.add(event("response.output_item.done", false,
            "output_index", outputIndex, "item", callItem(i, "completed", call.arguments())));
      }
      String terminal = incompleteReason() != null ? "response.incomplete" : "response.completed";
      events.add(event(terminal, false, "response", response(true)));
      return events;
    }

    /** {@code type} and {@code sequence_number} first, then the event's own fields. */
    private SseEvent event(String type, boolean piece, Object... fields) {
      Map<String, Object> data = Json.obj("type", type, "sequence_number", sequence++);
      data.putAll(Json.obj(fields));
      return SseEvent.named(type, data, piece);
    }
  }
}

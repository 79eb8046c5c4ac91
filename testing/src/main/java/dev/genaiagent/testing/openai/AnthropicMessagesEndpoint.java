package dev.genaiagent.testing.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's {@code POST /v1/messages}: a {@code message} object, or with {@code "stream": true} the named SSE
 * events of the Streaming Messages documentation:
 *
 * <pre>
 * message_start                 message with empty content, stop_reason null, usage (output_tokens 1)
 * per content block (index i):  content_block_start, content_block_delta*, content_block_stop
 *   (ping right after the first content_block_start, where the documented examples have it)
 * message_delta                 delta {stop_reason, stop_sequence} and the cumulative usage
 * message_stop
 * </pre>
 *
 * Text deltas are {@code {"type":"text_delta","text":…}}; a {@code tool_use} block starts with {@code input: {}}
 * and streams its input as {@code input_json_delta} {@code partial_json} pieces, the first one empty as in the
 * documented tool-use stream.
 */
final class AnthropicMessagesEndpoint implements Endpoint {

  @Override
  public Api api() {
    return Api.ANTHROPIC_MESSAGES;
  }

  @Override
  public Reply reply(RecordedRequest request, Script script) {
    // The API rejects requests without a version header before looking at the body.
    if (request.header("anthropic-version") == null) {
      throw invalid("anthropic-version: header is required");
    }
    if (!(request.parsedJson() instanceof Map<?, ?>)) {
      throw invalid("There was an issue with the format of your request: the body is not a JSON object.");
    }
    Map<String, Object> body = request.json();
    if (!(body.get("model") instanceof String model) || model.isEmpty()) {
      throw invalid("model: Field required");
    }
    if (body.get("max_tokens") == null) {
      throw invalid("max_tokens: Field required");
    }
    if (!(body.get("max_tokens") instanceof Long maxTokens) || maxTokens < 1) {
      throw invalid("max_tokens: Input should be a valid integer greater than or equal to 1");
    }
    if (!(body.get("messages") instanceof List<?> messages)) {
      throw invalid("messages: Field required");
    }
    if (messages.isEmpty()) {
      throw invalid("messages: at least one message is required");
    }

    Generation g = new Generation(script, model, Texts.lastUserText(messages), promptText(body, messages), 1);
    Message message = new Message(g, script.id != null ? script.id : Texts.newId("msg_"));
    Map<String, String> headers = Map.of("request-id", Texts.newId("req_"));
    return Boolean.TRUE.equals(body.get("stream"))
        ? new Reply(200, headers, null, message.events())
        : new Reply(200, headers, message.complete(), null);
  }

  private static InvalidRequest invalid(String message) {
    return new InvalidRequest(message, null, null);
  }

  /** System prompt and every message's text, tool results and tool inputs, for the input-token estimate. */
  private static String promptText(Map<String, Object> body, List<?> messages) {
    StringBuilder sb = new StringBuilder(blocksText(body.get("system")));
    for (Object message : messages) {
      if (message instanceof Map<?, ?> m) {
        sb.append(blocksText(m.get("content")));
      }
    }
    return sb.toString();
  }

  /** A content string, or the text of {@code text}, {@code tool_result} and {@code tool_use} blocks. */
  private static String blocksText(Object content) {
    if (content instanceof String s) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    if (content instanceof List<?> blocks) {
      for (Object block : blocks) {
        if (block instanceof Map<?, ?> b) {
          if (b.get("text") instanceof String text) {
            sb.append(text);
          }
          if (b.get("content") != null) {
            sb.append(blocksText(b.get("content"))); // tool_result: a string or text blocks
          }
          if (b.get("input") instanceof Map<?, ?> input) {
            sb.append(Json.write(input)); // tool_use sent back in the conversation
          }
        }
      }
    }
    return sb.toString();
  }

  /** One assistant message, renderable whole or as stream events. */
  private static final class Message {
    private final Generation g;
    private final Script script;
    private final String id;

    Message(Generation g, String id) {
      this.g = g;
      this.script = g.script;
      this.id = id;
    }

    private String stopReason() {
      if (script.finishReason != null) {
        return script.finishReason;
      }
      return g.toolCalls.isEmpty() ? "end_turn" : "tool_use";
    }

    Map<String, Object> complete() {
      List<Object> content = new ArrayList<>();
      if (g.content != null) {
        content.add(Json.obj("type", "text", "text", g.content));
      }
      for (ToolCall call : g.toolCalls) {
        content.add(Json.obj("type", "tool_use", "id", call.id(), "name", call.name(),
            "input", Json.parse(call.arguments())));
      }
      return message(content, stopReason(), script.stopSequence, g.completionTokens);
    }

    private Map<String, Object> message(List<Object> content, String stopReason, String stopSequence,
        int outputTokens) {
      Map<String, Object> message = Json.obj(
          "id", id,
          "type", "message",
          "role", "assistant",
          "model", g.model,
          "content", content,
          "stop_reason", stopReason,
          "stop_sequence", stopSequence);
      if (g.reportsUsage()) {
        message.put("usage", usage(outputTokens));
      }
      return message;
    }

    /** The {@code Usage} object of a message: input excludes the cache reads and writes, reported apart. */
    private Map<String, Object> usage(int outputTokens) {
      int cacheWrite = script.cacheWriteTokens != null ? script.cacheWriteTokens : 0;
      Map<String, Object> usage = Json.obj(
          "input_tokens", g.promptTokens,
          "cache_creation_input_tokens", cacheWrite,
          "cache_read_input_tokens", script.cachedTokens,
          "cache_creation", Json.obj("ephemeral_5m_input_tokens", cacheWrite, "ephemeral_1h_input_tokens", 0),
          "output_tokens", outputTokens);
      if (script.serviceTier != null) {
        usage.put("service_tier", "default".equals(script.serviceTier) ? "standard" : script.serviceTier);
      }
      return usage;
    }

    /**
     * {@code message_delta}'s usage: cumulative counts, input and cache included, as the API reference's
     * {@code MessageDeltaUsage} has them (the streaming guide's older example shows {@code output_tokens} only;
     * clients must read either).
     */
    private Map<String, Object> deltaUsage() {
      if (script.deltaUsageOutputOnly) {
        return Json.obj("output_tokens", g.completionTokens);
      }
      return Json.obj(
          "input_tokens", g.promptTokens,
          "cache_creation_input_tokens", script.cacheWriteTokens != null ? script.cacheWriteTokens : 0,
          "cache_read_input_tokens", script.cachedTokens,
          "output_tokens", g.completionTokens);
    }

    List<SseEvent> events() {
      List<SseEvent> events = new ArrayList<>();
      // message_start carries the input usage and an initial output count (1 in the documented example).
      events.add(event("message_start", false,
          "message", message(Json.arr(), null, null, Math.min(1, g.completionTokens))));
      int index = 0;
      if (g.content != null) {
        events.add(event("content_block_start", false,
            "index", index, "content_block", Json.obj("type", "text", "text", "")));
        events.add(ping());
        for (String piece : g.pieces) {
          events.add(event("content_block_delta", true,
              "index", index, "delta", Json.obj("type", "text_delta", "text", piece)));
        }
        events.add(event("content_block_stop", false, "index", index));
        index++;
      }
      for (ToolCall call : g.toolCalls) {
        events.add(event("content_block_start", false, "index", index, "content_block",
            Json.obj("type", "tool_use", "id", call.id(), "name", call.name(), "input", Json.obj())));
        if (index == 0) {
          events.add(ping());
        }
        events.add(event("content_block_delta", false,
            "index", index, "delta", Json.obj("type", "input_json_delta", "partial_json", "")));
        for (String piece : Texts.pieces(call.arguments(), script.chunkSize)) {
          events.add(event("content_block_delta", true,
              "index", index, "delta", Json.obj("type", "input_json_delta", "partial_json", piece)));
        }
        events.add(event("content_block_stop", false, "index", index));
        index++;
      }
      Map<String, Object> delta = Json.obj("stop_reason", stopReason(), "stop_sequence", script.stopSequence);
      if (g.reportsUsage()) {
        events.add(event("message_delta", false, "delta", delta, "usage", deltaUsage()));
      } else {
        events.add(event("message_delta", false, "delta", delta));
      }
      events.add(event("message_stop", false));

      if (script.streamErrorAfterEvents != null) {
        List<SseEvent> cut = new ArrayList<>(events.subList(0, Math.min(script.streamErrorAfterEvents,
            events.size())));
        cut.add(event("error", false,
            "error", Json.obj("type", script.streamErrorType, "message", script.streamErrorMessage)));
        return cut;
      }
      return events;
    }

    private static SseEvent ping() {
      return event("ping", false);
    }

    /** {@code event: <type>} and {@code data: {"type": <type>, ...}}, as every Anthropic stream event is framed. */
    private static SseEvent event(String type, boolean piece, Object... fields) {
      Map<String, Object> data = Json.obj("type", type);
      data.putAll(Json.obj(fields));
      return SseEvent.named(type, data, piece);
    }
  }
}

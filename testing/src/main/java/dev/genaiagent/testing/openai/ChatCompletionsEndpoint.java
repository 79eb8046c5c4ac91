package dev.genaiagent.testing.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /chat/completions}: a {@code chat.completion} object, or with {@code stream: true} a series of
 * {@code chat.completion.chunk} SSE data frames ending with {@code [DONE]}.
 */
final class ChatCompletionsEndpoint implements Endpoint {

  @Override
  public Api api() {
    return Api.CHAT_COMPLETIONS;
  }

  @Override
  public Reply reply(RecordedRequest request, Script script) {
    Map<String, Object> body = RequestFields.body(request);
    String model = RequestFields.model(body);
    Object messages = RequestFields.required(body, "messages");
    int n = RequestFields.positiveInt(body, "n", 1);
    Generation g = new Generation(script, model, Texts.lastUserText(messages), Texts.allText(messages), n);
    String id = script.id != null ? script.id : Texts.newId("chatcmpl-");
    return RequestFields.stream(body)
        ? Reply.stream(chunks(g, id, n, RequestFields.includeUsage(body)))
        : Reply.json(200, completion(g, id, n));
  }

  private static Map<String, Object> completion(Generation g, String id, int n) {
    List<Object> choices = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> message = Json.obj(
          "role", "assistant",
          "content", g.content,
          "refusal", null,
          "annotations", Json.arr());
      if (!g.toolCalls.isEmpty()) {
        List<Object> calls = new ArrayList<>();
        for (ToolCall call : g.toolCalls) {
          calls.add(Json.obj(
              "id", call.id(),
              "type", "function",
              "function", Json.obj("name", call.name(), "arguments", call.arguments())));
        }
        message.put("tool_calls", calls);
      }
      choices.add(Json.obj(
          "index", i,
          "message", message,
          "logprobs", null,
          "finish_reason", g.finishReason()));
    }
    Map<String, Object> completion = Json.obj(
        "id", id,
        "object", "chat.completion",
        "created", g.created,
        "model", g.model,
        "choices", choices);
    if (g.reportsUsage()) {
      completion.put("usage", g.completionUsage(true));
    }
    putTierAndFingerprint(completion, g.script);
    return completion;
  }

  /**
   * Per choice: a role chunk, content pieces, tool-call deltas (id, type and name first, then argument
   * pieces), a finish chunk; then the usage chunk ({@code choices: []}) if asked for, then {@code [DONE]}.
   */
  private static List<SseEvent> chunks(Generation g, String id, int n, boolean includeUsage) {
    List<SseEvent> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> delta = Json.obj("role", "assistant", "content", g.content == null ? null : "",
          "refusal", null);
      events.add(chunk(g, id, includeUsage, i, delta, null, false));
    }
    for (String piece : g.pieces) {
      for (int i = 0; i < n; i++) {
        events.add(chunk(g, id, includeUsage, i, Json.obj("content", piece), null, true));
      }
    }
    for (int t = 0; t < g.toolCalls.size(); t++) {
      ToolCall call = g.toolCalls.get(t);
      for (int i = 0; i < n; i++) {
        Map<String, Object> start = Json.obj(
            "index", t,
            "id", call.id(),
            "type", "function",
            "function", Json.obj("name", call.name(), "arguments", ""));
        events.add(chunk(g, id, includeUsage, i, Json.obj("tool_calls", Json.arr(start)), null, true));
        for (String piece : g.argumentPieces(call)) {
          Map<String, Object> args = Json.obj("index", t, "function", Json.obj("arguments", piece));
          events.add(chunk(g, id, includeUsage, i, Json.obj("tool_calls", Json.arr(args)), null, true));
        }
      }
    }
    for (int i = 0; i < n; i++) {
      events.add(chunk(g, id, includeUsage, i, Json.obj(), g.finishReason(), false));
    }
    if (includeUsage && g.reportsUsage()) {
      Map<String, Object> usageChunk = base(g, id);
      usageChunk.put("choices", Json.arr());
      usageChunk.put("usage", g.completionUsage(true));
      events.add(SseEvent.data(usageChunk, false));
    }
    events.add(SseEvent.DONE);
    return events;
  }

  private static SseEvent chunk(Generation g, String id, boolean includeUsage, int index,
      Map<String, Object> delta, String finishReason, boolean piece) {
    Map<String, Object> chunk = base(g, id);
    chunk.put("choices", Json.arr(Json.obj(
        "index", index,
        "delta", delta,
        "logprobs", null,
        "finish_reason", finishReason)));
    if (includeUsage) {
      chunk.put("usage", null); // as OpenAI does: every chunk but the last carries "usage": null
    }
    return SseEvent.data(chunk, piece);
  }

  private static Map<String, Object> base(Generation g, String id) {
    Map<String, Object> chunk = Json.obj(
        "id", id,
        "object", "chat.completion.chunk",
        "created", g.created,
        "model", g.model);
    putTierAndFingerprint(chunk, g.script);
    return chunk;
  }

  private static void putTierAndFingerprint(Map<String, Object> object, Script script) {
    if (script.serviceTier != null) {
      object.put("service_tier", script.serviceTier);
    }
    object.put("system_fingerprint", script.systemFingerprint);
  }
}

package dev.genaiagent.testing.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Legacy {@code POST /completions}: a {@code text_completion} object, or SSE data frames of the same object
 * with text pieces, ending with {@code [DONE]}.
 */
final class CompletionsEndpoint implements Endpoint {

  @Override
  public Api api() {
    return Api.COMPLETIONS;
  }

  @Override
  public Reply reply(RecordedRequest request, Script script) {
    Map<String, Object> body = RequestFields.body(request);
    String model = RequestFields.model(body);
    Object prompt = RequestFields.required(body, "prompt");
    int n = RequestFields.positiveInt(body, "n", 1);
    String promptText = promptText(prompt);
    Generation g = new Generation(script, model, promptText, promptText, n);
    String id = script.id != null ? script.id : Texts.newId("cmpl-");
    return RequestFields.stream(body)
        ? Reply.stream(chunks(g, id, n, RequestFields.includeUsage(body)))
        : Reply.json(200, completion(g, id, n));
  }

  /** {@code prompt} is a string, an array of strings, or token arrays (which have no text to echo). */
  private static String promptText(Object prompt) {
    if (prompt instanceof String s) {
      return s;
    }
    if (prompt instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String) {
      return Texts.allText(list);
    }
    return "";
  }

  private static Map<String, Object> completion(Generation g, String id, int n) {
    List<Object> choices = new ArrayList<>();
    String text = g.content == null ? "" : g.content;
    for (int i = 0; i < n; i++) {
      choices.add(choice(text, i, g.finishReason()));
    }
    Map<String, Object> completion = base(g, id);
    completion.put("choices", choices);
    if (g.reportsUsage()) {
      completion.put("usage", g.completionUsage(false));
    }
    return completion;
  }

  private static List<SseEvent> chunks(Generation g, String id, int n, boolean includeUsage) {
    List<SseEvent> events = new ArrayList<>();
    for (String piece : g.pieces) {
      for (int i = 0; i < n; i++) {
        events.add(chunk(g, id, choice(piece, i, null), true));
      }
    }
    for (int i = 0; i < n; i++) {
      events.add(chunk(g, id, choice("", i, g.finishReason()), false));
    }
    if (includeUsage && g.reportsUsage()) {
      Map<String, Object> usageChunk = base(g, id);
      usageChunk.put("choices", Json.arr());
      usageChunk.put("usage", g.completionUsage(false));
      events.add(SseEvent.data(usageChunk, false));
    }
    events.add(SseEvent.DONE);
    return events;
  }

  private static SseEvent chunk(Generation g, String id, Map<String, Object> choice, boolean piece) {
    Map<String, Object> chunk = base(g, id);
    chunk.put("choices", Json.arr(choice));
    return SseEvent.data(chunk, piece);
  }

  private static Map<String, Object> choice(String text, int index, String finishReason) {
    return Json.obj("text", text, "index", index, "logprobs", null, "finish_reason", finishReason);
  }

  private static Map<String, Object> base(Generation g, String id) {
    return Json.obj(
        "id", id,
        "object", "text_completion",
        "created", g.created,
        "model", g.model,
        "system_fingerprint", g.script.systemFingerprint);
  }
}

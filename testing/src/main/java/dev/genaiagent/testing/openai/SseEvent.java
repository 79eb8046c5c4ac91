package dev.genaiagent.testing.openai;

/**
 * One server-sent event.
 *
 * @param name the {@code event:} field, or {@code null} for data-only events (chat, completions)
 * @param data the {@code data:} payload (JSON, or {@code [DONE]})
 * @param piece whether it carries a text/arguments piece, i.e. is paced by {@link Script#interChunkDelay}
 */
record SseEvent(String name, String data, boolean piece) {

  static SseEvent data(Object json, boolean piece) {
    return new SseEvent(null, Json.write(json), piece);
  }

  static SseEvent named(String name, Object json, boolean piece) {
    return new SseEvent(name, Json.write(json), piece);
  }

  static final SseEvent DONE = new SseEvent(null, "[DONE]", false);
}

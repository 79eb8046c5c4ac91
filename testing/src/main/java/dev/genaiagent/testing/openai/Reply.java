package dev.genaiagent.testing.openai;

import java.util.List;
import java.util.Map;

/**
 * What an endpoint answers, before timing and faults are applied: either a JSON body or a list of SSE events.
 * Endpoints build replies as plain data, so the server alone decides pacing, framing and faults.
 */
record Reply(int status, Map<String, String> headers, Object json, List<SseEvent> events) {

  static Reply json(int status, Object body) {
    return new Reply(status, Map.of(), body, null);
  }

  static Reply stream(List<SseEvent> events) {
    return new Reply(200, Map.of(), null, events);
  }

  boolean isStream() {
    return events != null;
  }
}

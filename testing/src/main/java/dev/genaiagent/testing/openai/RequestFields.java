package dev.genaiagent.testing.openai;

import java.util.Map;

/** Reads and validates top-level request fields, failing like the provider does (400 with a param). */
final class RequestFields {

  private RequestFields() {}

  static Map<String, Object> body(RecordedRequest request) {
    if (!request.isJson() || !(request.parsedJson() instanceof Map<?, ?>)) {
      throw new Endpoint.InvalidRequest("We could not parse the JSON body of your request. (HINT: This likely "
          + "means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)",
          null, null);
    }
    return request.json();
  }

  static String model(Map<String, Object> body) {
    if (!(body.get("model") instanceof String model) || model.isEmpty()) {
      throw new Endpoint.InvalidRequest("you must provide a model parameter", null, null);
    }
    return model;
  }

  static Object required(Map<String, Object> body, String name) {
    Object value = body.get(name);
    if (value == null) {
      throw new Endpoint.InvalidRequest("Missing required parameter: '" + name + "'.", name,
          "missing_required_parameter");
    }
    return value;
  }

  /** An optional integer in 1..128 (like {@code n}), or the fallback when absent. */
  static int positiveInt(Map<String, Object> body, String name, int fallback) {
    return body.get(name) == null ? fallback : positiveIntUpTo(body, name, 128);
  }

  static int positiveIntUpTo(Map<String, Object> body, String name, int max) {
    if (!(body.get(name) instanceof Long n) || n < 1 || n > max) {
      throw new Endpoint.InvalidRequest("Invalid '" + name + "': expected an integer between 1 and " + max + ".",
          name, "invalid_value");
    }
    return n.intValue();
  }

  static boolean stream(Map<String, Object> body) {
    return Boolean.TRUE.equals(body.get("stream"));
  }

  /** {@code stream_options.include_usage}. */
  static boolean includeUsage(Map<String, Object> body) {
    return body.get("stream_options") instanceof Map<?, ?> options
        && Boolean.TRUE.equals(options.get("include_usage"));
  }
}

package dev.genaiagent.testing.openai;

import java.util.Map;

/**
 * OpenAI's REST API: routes with or without the {@code /v1} prefix (clients differ in whether the base URL
 * includes it), and errors as {@code {"error":{"message","type","param","code"}}}.
 */
final class OpenAiProtocol implements Protocol {

  private final Map<String, Endpoint> endpoints = Map.of(
      "/chat/completions", new ChatCompletionsEndpoint(),
      "/responses", new ResponsesEndpoint(),
      "/embeddings", new EmbeddingsEndpoint(),
      "/completions", new CompletionsEndpoint());

  @Override
  public Endpoint route(String method, String path) {
    if (!"POST".equals(method)) {
      return null;
    }
    String p = path.startsWith("/v1/") ? path.substring(3) : path;
    if (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return endpoints.get(p);
  }

  @Override
  public Reply error(Script error) {
    Map<String, Object> body = Json.obj("error", Json.obj(
        "message", error.errorMessage,
        "type", error.errorType != null ? error.errorType : Script.defaultErrorType(error.errorStatus),
        "param", error.errorParam,
        "code", error.errorCode));
    return Reply.json(error.errorStatus, body);
  }

  /** {@code Authorization: Bearer <key>}, or Azure OpenAI's {@code api-key} header. */
  @Override
  public String apiKey(RecordedRequest request) {
    String authorization = request.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    return request.header("api-key");
  }

  @Override
  public Script invalidApiKey() {
    return Script.invalidApiKey();
  }
}

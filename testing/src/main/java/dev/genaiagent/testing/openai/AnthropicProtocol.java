package dev.genaiagent.testing.openai;

import java.util.Map;
import java.util.Set;

/**
 * Anthropic's Messages API: {@code POST /v1/messages}, with or without the {@code /v1} prefix (LangChain4j's base
 * URL ends in {@code /v1/}, the official SDKs' does not), the key in {@code x-api-key}, and errors as {@code
 * {"type":"error","error":{"type","message"},"request_id"}} with the same id in the {@code request-id} header.
 *
 * <p>Wire format as documented in Anthropic's API reference ("Messages", "Streaming Messages", "Errors").
 */
final class AnthropicProtocol implements Protocol {

  /** The {@code error.type} values Anthropic documents; any other type on a script is replaced by the status's. */
  private static final Set<String> ERROR_TYPES = Set.of("invalid_request_error", "authentication_error",
      "billing_error", "permission_error", "not_found_error", "request_too_large", "rate_limit_error",
      "api_error", "overloaded_error");

  private final Endpoint messages = new AnthropicMessagesEndpoint();

  @Override
  public Endpoint route(String method, String path) {
    if (!"POST".equals(method)) {
      return null;
    }
    String p = path.startsWith("/v1/") ? path.substring(3) : path;
    if (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return "/messages".equals(p) ? messages : null;
  }

  @Override
  public Reply error(Script error) {
    String type = error.errorType != null && ERROR_TYPES.contains(error.errorType)
        ? error.errorType : errorType(error.errorStatus);
    String requestId = Texts.newId("req_");
    Map<String, Object> body = Json.obj(
        "type", "error",
        "error", Json.obj("type", type, "message", error.errorMessage),
        "request_id", requestId);
    return new Reply(error.errorStatus, Map.of("request-id", requestId), body, null);
  }

  /** {@code x-api-key}, or a bearer token (the official SDKs send {@code Authorization} for auth tokens). */
  @Override
  public String apiKey(RecordedRequest request) {
    String key = request.header("x-api-key");
    if (key != null) {
      return key;
    }
    String authorization = request.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    return null;
  }

  @Override
  public Script invalidApiKey() {
    return Script.anthropicInvalidApiKey();
  }

  /** The {@code error.type} Anthropic documents for an HTTP status; other 4xx are {@code invalid_request_error}. */
  static String errorType(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 402 -> "billing_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 413 -> "request_too_large";
      case 429 -> "rate_limit_error";
      case 529 -> "overloaded_error";
      default -> status >= 500 ? "api_error" : "invalid_request_error";
    };
  }
}

package dev.genaiagent.instrumentation.langchain4j;

import javax.annotation.Nullable;

/**
 * {@code error.type} of a failed call: the provider's error code when a LangChain4j exception carries
 * the provider's JSON error body (OpenAI {@code error.code}, else {@code error.type} as Anthropic sends
 * it), else the exception's class name. Mapped exceptions ({@code RateLimitException}) keep the HTTP
 * error as their cause, so the chain is searched, briefly.
 */
public final class ProviderErrors {
  private static final int MAX_CAUSES = 8;

  private ProviderErrors() {}

  public static String errorType(Throwable error) {
    Throwable t = error;
    for (int i = 0; i < MAX_CAUSES && t != null; i++) {
      String code = providerCode(t.getMessage());
      if (code != null) {
        return code;
      }
      t = t.getCause() == t ? null : t.getCause();
    }
    return error.getClass().getName();
  }

  @Nullable
  static String providerCode(@Nullable String body) {
    if (body == null) {
      return null;
    }
    int start = body.indexOf('{');
    if (start < 0 || body.indexOf("\"error\"", start) < 0) {
      return null;
    }
    String code = stringField(body, "\"code\"");
    return code != null ? code : stringField(body, "\"type\"", body.indexOf("\"error\"", start));
  }

  @Nullable
  private static String stringField(String json, String name) {
    return stringField(json, name, 0);
  }

  /** The string value of the first {@code name} at or after {@code from}; null for a number or null value. */
  @Nullable
  private static String stringField(String json, String name, int from) {
    int at = json.indexOf(name, Math.max(from, 0));
    if (at < 0) {
      return null;
    }
    int i = at + name.length();
    while (i < json.length() && (json.charAt(i) == ' ' || json.charAt(i) == ':')) {
      i++;
    }
    if (i >= json.length() || json.charAt(i) != '"') {
      return null;
    }
    int end = json.indexOf('"', i + 1);
    if (end <= i + 1 || end - i > 128) {
      return null;
    }
    return json.substring(i + 1, end);
  }
}

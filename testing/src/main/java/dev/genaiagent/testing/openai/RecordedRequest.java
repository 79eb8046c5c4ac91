package dev.genaiagent.testing.openai;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One request as the server received it. Immutable.
 *
 * <p>Headers are kept in full so tests can assert on them ({@code header("Authorization")}), but
 * {@link #toString()} redacts credentials so a failing assertion never prints a key.
 */
public final class RecordedRequest {

  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "api-key", "x-api-key", "proxy-authorization", "cookie");

  private final String method;
  private final String target;
  private final List<Map.Entry<String, String>> headers;
  private final byte[] body;
  private final Object json;
  private final Api api;
  private final long receivedAtNanos;

  RecordedRequest(String method, String target, List<Map.Entry<String, String>> headers, byte[] body,
      Api api, long receivedAtNanos) {
    this.method = method;
    this.target = target;
    this.headers = List.copyOf(headers);
    this.body = body;
    this.api = api;
    this.receivedAtNanos = receivedAtNanos;
    Object parsed = null;
    if (body.length > 0) {
      try {
        parsed = Json.parse(new String(body, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        parsed = null; // not JSON: json() is empty, the endpoint answers 400
      }
    }
    this.json = parsed;
  }

  /** E.g. {@code POST}. */
  public String method() {
    return method;
  }

  /** The path without query string, e.g. {@code /v1/chat/completions}. */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /** The request target as sent, query string included. */
  public String target() {
    return target;
  }

  /** The operation the path maps to, or {@code null} for an unknown path. */
  public Api api() {
    return api;
  }

  /** The first value of a header (case-insensitive name), or {@code null}. */
  public String header(String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  /** All values of a header (case-insensitive name). */
  public List<String> headers(String name) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        values.add(h.getValue());
      }
    }
    return values;
  }

  /** All headers in arrival order, names as sent. */
  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /** The raw body (de-chunked). */
  public byte[] bodyBytes() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String body() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Whether the body parsed as JSON. */
  public boolean isJson() {
    return json != null;
  }

  /** The parsed JSON body if it is an object, else an empty map. Unmodifiable view. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> json() {
    return json instanceof Map<?, ?> m ? Collections.unmodifiableMap((Map<String, Object>) m) : Map.of();
  }

  /** A top-level field of the JSON body, e.g. {@code field("temperature")}. */
  public Optional<Object> field(String name) {
    return Optional.ofNullable(json().get(name));
  }

  /** The body's {@code model}, or {@code null}. */
  public String model() {
    return json().get("model") instanceof String s ? s : null;
  }

  /** Whether the body asked for a stream ({@code "stream": true}). */
  public boolean isStream() {
    return Boolean.TRUE.equals(json().get("stream"));
  }

  /** {@link System#nanoTime()} when the request (body included) had been read. */
  public long receivedAtNanos() {
    return receivedAtNanos;
  }

  Object parsedJson() {
    return json;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(method).append(' ').append(target);
    for (Map.Entry<String, String> h : headers) {
      boolean secret = SECRET_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT));
      sb.append("\n  ").append(h.getKey()).append(": ").append(secret ? "<redacted>" : h.getValue());
    }
    return sb.append("\n\n").append(body()).toString();
  }
}

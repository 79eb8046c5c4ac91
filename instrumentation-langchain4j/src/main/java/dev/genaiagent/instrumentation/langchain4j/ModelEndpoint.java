package dev.genaiagent.instrumentation.langchain4j;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;

/**
 * {@code server.address}/{@code server.port} of a model. LangChain4j has no accessor for them, but its
 * HTTP providers (OpenAI, Anthropic, Ollama, ...) all keep a {@code client} whose {@code baseUrl} is
 * the endpoint. A model without one (in-process, an SDK client) answers null; an SDK layer underneath
 * (openai-java) then fills it in.
 */
public final class ModelEndpoint {
  private static final int MAX_CACHED = 256;
  private static final Map<String, ModelEndpoint> PARSED = new ConcurrentHashMap<>();
  private static final ModelEndpoint NONE = new ModelEndpoint(null, null);

  @Nullable public final String host;
  @Nullable public final Integer port;

  private ModelEndpoint(@Nullable String host, @Nullable Integer port) {
    this.host = host;
    this.port = port;
  }

  public static ModelEndpoint of(Object model) {
    Object baseUrl = Reflection.field(Reflection.field(model, "client"), "baseUrl");
    if (!(baseUrl instanceof String)) {
      baseUrl = Reflection.field(model, "baseUrl");
    }
    return baseUrl instanceof String ? parse((String) baseUrl) : NONE;
  }

  /** Base URLs are few and fixed per model: parsed once each. */
  public static ModelEndpoint parse(String url) {
    ModelEndpoint e = PARSED.get(url);
    if (e == null) {
      e = parseUncached(url);
      if (PARSED.size() >= MAX_CACHED) {
        PARSED.clear();
      }
      PARSED.put(url, e);
    }
    return e;
  }

  private static ModelEndpoint parseUncached(String url) {
    int scheme = url.indexOf("://");
    if (scheme <= 0) {
      return NONE;
    }
    boolean https = url.regionMatches(true, 0, "https", 0, scheme);
    int start = scheme + 3;
    int at = url.indexOf('@', start);
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    if (at >= 0 && at < end) {
      start = at + 1; // never keep user info
    }
    String authority = url.substring(start, end);
    String host = authority;
    Integer port = https ? 443 : 80;
    int colon = authority.lastIndexOf(':');
    int bracket = authority.lastIndexOf(']');
    if (colon > bracket) {
      host = authority.substring(0, colon);
      try {
        port = Integer.parseInt(authority.substring(colon + 1));
      } catch (NumberFormatException ex) {
        port = null;
      }
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.isEmpty() ? NONE : new ModelEndpoint(host, port);
  }
}

package dev.genaiagent.instrumentation.openai;

import com.openai.core.ClientOptions;
import dev.genaiagent.telemetry.GenAiProviders;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;

/** Provider and server of a client's base URL, parsed once per distinct URL. */
final class OpenAiEndpoint {
  private static final int MAX_CACHED = 64;
  private static final ConcurrentHashMap<String, OpenAiEndpoint> cache = new ConcurrentHashMap<>();
  private static final OpenAiEndpoint UNKNOWN = new OpenAiEndpoint(GenAiProviders.OPENAI, null, null);

  final String provider;
  @Nullable final String host;
  @Nullable final Integer port;

  private OpenAiEndpoint(String provider, @Nullable String host, @Nullable Integer port) {
    this.provider = provider;
    this.host = host;
    this.port = port;
  }

  static OpenAiEndpoint of(@Nullable ClientOptions options) {
    return of(options == null ? null : options.baseUrl());
  }

  static OpenAiEndpoint of(@Nullable String baseUrl) {
    if (baseUrl == null) {
      return UNKNOWN;
    }
    OpenAiEndpoint cached = cache.get(baseUrl);
    if (cached != null) {
      return cached;
    }
    OpenAiEndpoint parsed = parse(baseUrl);
    if (cache.size() < MAX_CACHED) {
      cache.put(baseUrl, parsed);
    }
    return parsed;
  }

  private static OpenAiEndpoint parse(String baseUrl) {
    try {
      URI uri = URI.create(baseUrl);
      String host = uri.getHost();
      int port = uri.getPort();
      if (port < 0) {
        port = "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
      }
      return new OpenAiEndpoint(GenAiProviders.forOpenAiCompatibleHost(host), host, host == null ? null : port);
    } catch (RuntimeException e) {
      return UNKNOWN;
    }
  }
}

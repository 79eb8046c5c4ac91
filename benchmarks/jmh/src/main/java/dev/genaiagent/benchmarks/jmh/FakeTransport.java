package dev.genaiagent.benchmarks.jmh;

import com.openai.core.RequestOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An in-process {@link HttpClient}: no sockets, no threads. Each request's body is serialized (written to
 * a discarding stream, as a real transport would write it to its socket) and answered with canned bytes:
 * HTTP and network cost stay out of the measurement, everything the SDK does around them stays in.
 */
final class FakeTransport implements HttpClient {
  private final byte[] body;
  private final Headers headers;
  private long requests;

  private FakeTransport(byte[] body, String contentType) {
    this.body = body;
    this.headers = Headers.builder()
        .put("content-type", contentType)
        .put("x-request-id", "req_8f2b6c0d4e1a4b7c9d3e5f6a7b8c9d0e")
        .put("openai-processing-ms", "412")
        .put("openai-version", "2020-10-01")
        .build();
  }

  /** Answers every request with {@code json} ({@code application/json}). */
  static FakeTransport json(byte[] json) {
    return new FakeTransport(json, "application/json");
  }

  /** Answers every request with the server-sent events {@code sse} ({@code text/event-stream}). */
  static FakeTransport eventStream(byte[] sse) {
    return new FakeTransport(sse, "text/event-stream; charset=utf-8");
  }

  long requests() {
    return requests;
  }

  @Override
  public HttpResponse execute(HttpRequest request, RequestOptions requestOptions) {
    HttpRequestBody requestBody = request.body();
    if (requestBody != null) {
      requestBody.writeTo(OutputStream.nullOutputStream());
    }
    requests++;
    return new Response(body, headers);
  }

  @Override
  public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions requestOptions) {
    try {
      return CompletableFuture.completedFuture(execute(request, requestOptions));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {}

  private static final class Response implements HttpResponse {
    private final InputStream body;
    private final Headers headers;

    Response(byte[] bytes, Headers headers) {
      this.body = new ByteArrayInputStream(bytes);
      this.headers = headers;
    }

    @Override
    public int statusCode() {
      return 200;
    }

    @Override
    public Headers headers() {
      return headers;
    }

    @Override
    public Optional<String> requestId() {
      return Optional.of("req_8f2b6c0d4e1a4b7c9d3e5f6a7b8c9d0e");
    }

    @Override
    public InputStream body() {
      return body;
    }

    @Override
    public void close() {
      try {
        body.close();
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

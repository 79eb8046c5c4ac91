package dev.genaiagent.benchmarks.jmh;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An in-process LangChain4j {@link HttpClient}, the counterpart of {@link FakeTransport} for LangChain4j's
 * own HTTP abstraction (the one its OpenAI models call): no sockets, no threads. Each request's body (the
 * JSON LangChain4j serialized) is read, and answered with canned bytes: a JSON body, or server-sent events
 * fed through the parser LangChain4j passes in ({@code DefaultServerSentEventParser}) on the calling
 * thread, in the order {@code JdkHttpClient} uses ({@code onOpen}, the parsed events, {@code onClose}).
 */
final class LangChain4jFakeHttp implements HttpClient {
  private static final Map<String, List<String>> HEADERS = Map.of(
      "x-request-id", List.of("req_8f2b6c0d4e1a4b7c9d3e5f6a7b8c9d0e"),
      "openai-processing-ms", List.of("412"),
      "openai-version", List.of("2020-10-01"));

  private final byte[] body;
  private final SuccessfulHttpResponse response;
  private long requests;
  private long requestChars;

  private LangChain4jFakeHttp(byte[] body, String contentType) {
    this.body = body;
    Map<String, List<String>> headers = new java.util.HashMap<>(HEADERS);
    headers.put("content-type", List.of(contentType));
    this.response = SuccessfulHttpResponse.builder()
        .statusCode(200)
        .headers(headers)
        .body(contentType.startsWith("application/json") ? new String(body, StandardCharsets.UTF_8) : null)
        .build();
  }

  /** Answers every request with {@code json}. */
  static LangChain4jFakeHttp json(byte[] json) {
    return new LangChain4jFakeHttp(json, "application/json");
  }

  /** Answers every streaming request with the server-sent events {@code sse}. */
  static LangChain4jFakeHttp eventStream(byte[] sse) {
    return new LangChain4jFakeHttp(sse, "text/event-stream; charset=utf-8");
  }

  /** A builder handing out this client, for {@code OpenAi*ChatModel.builder().httpClientBuilder(..)}. */
  HttpClientBuilder builder() {
    LangChain4jFakeHttp client = this;
    return new HttpClientBuilder() {
      private Duration connectTimeout;
      private Duration readTimeout;

      @Override
      public Duration connectTimeout() {
        return connectTimeout;
      }

      @Override
      public HttpClientBuilder connectTimeout(Duration timeout) {
        connectTimeout = timeout;
        return this;
      }

      @Override
      public Duration readTimeout() {
        return readTimeout;
      }

      @Override
      public HttpClientBuilder readTimeout(Duration timeout) {
        readTimeout = timeout;
        return this;
      }

      @Override
      public HttpClient build() {
        return client;
      }
    };
  }

  long requests() {
    return requests;
  }

  /** Characters of request bodies seen (so the body the model serialized is used, not dead code). */
  long requestChars() {
    return requestChars;
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    see(request);
    return response;
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    see(request);
    try {
      listener.onOpen(response);
      parser.parse(new ByteArrayInputStream(body), listener);
    } catch (RuntimeException e) {
      listener.onError(e);
      return;
    }
    listener.onClose();
  }

  private void see(HttpRequest request) {
    String requestBody = request.body();
    requestChars += requestBody == null ? 0 : requestBody.length();
    requests++;
  }
}

package dev.genaiagent.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP (protobuf) receiver for tests, listening on 127.0.0.1 on an ephemeral port.
 *
 * <p>Accepts {@code POST /v1/traces}, {@code /v1/metrics} and {@code /v1/logs}, optionally gzip-encoded,
 * answers 200 with an empty protobuf response, and keeps everything it received until {@link #reset()}.
 * All methods are thread-safe; the lists returned are immutable snapshots.
 */
public final class OtlpReceiver implements AutoCloseable {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private final HttpServer server;
  private final ExecutorService executor;
  private final Object lock = new Object();
  private final List<ReceivedSpan> spans = new ArrayList<>();
  private final List<ReceivedMetric> metrics = new ArrayList<>();
  private final List<ReceivedLog> logs = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();

  private OtlpReceiver(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a receiver on an ephemeral port; close it when done. */
  public static OtlpReceiver start() {
    return start(0);
  }

  /**
   * Starts a receiver on {@code port}: for an agent attached to the test JVM itself, whose endpoint is
   * fixed before any test code runs.
   */
  public static OtlpReceiver start(int port) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("could not bind the OTLP receiver", e);
    }
    // Daemon threads: a receiver a test forgot to close must not keep the test JVM alive.
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "otlp-receiver");
      t.setDaemon(true);
      return t;
    });
    OtlpReceiver receiver = new OtlpReceiver(server, executor);
    server.createContext("/v1/traces", exchange -> receiver.handle(exchange, body -> {
      List<ReceivedSpan> decoded = OtlpDecoder.spans(ExportTraceServiceRequest.parseFrom(body));
      receiver.add(receiver.spans, decoded);
      return ExportTraceServiceResponse.getDefaultInstance().toByteArray();
    }));
    server.createContext("/v1/metrics", exchange -> receiver.handle(exchange, body -> {
      List<ReceivedMetric> decoded = OtlpDecoder.metrics(ExportMetricsServiceRequest.parseFrom(body));
      receiver.add(receiver.metrics, decoded);
      return ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
    }));
    server.createContext("/v1/logs", exchange -> receiver.handle(exchange, body -> {
      List<ReceivedLog> decoded = OtlpDecoder.logs(ExportLogsServiceRequest.parseFrom(body));
      receiver.add(receiver.logs, decoded);
      return ExportLogsServiceResponse.getDefaultInstance().toByteArray();
    }));
    server.setExecutor(executor);
    server.start();
    return receiver;
  }

  /** Base URL for {@code otel.exporter.otlp.endpoint}, e.g. {@code http://127.0.0.1:43817}. */
  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<ReceivedSpan> spans() {
    return snapshot(spans);
  }

  /** Every metric of every export, in arrival order (the same name repeats once per export). */
  public List<ReceivedMetric> metrics() {
    return snapshot(metrics);
  }

  /** Every export of the metric with this name, in arrival order. */
  public List<ReceivedMetric> metrics(String name) {
    return metrics().stream().filter(m -> m.name().equals(name)).toList();
  }

  public List<ReceivedLog> logs() {
    return snapshot(logs);
  }

  /** Requests the receiver could not handle (bad path, method, content type or payload). */
  public List<String> errors() {
    return snapshot(errors);
  }

  /** Forgets everything received so far. */
  public void reset() {
    synchronized (lock) {
      spans.clear();
      metrics.clear();
      logs.clear();
      errors.clear();
    }
  }

  /** Waits until the spans received so far satisfy {@code condition}; returns them. */
  public List<ReceivedSpan> awaitSpans(Predicate<List<ReceivedSpan>> condition, Duration timeout) {
    return await(this::spans, condition, timeout, "spans matching the condition",
        ReceivedSpan::describe);
  }

  /** Waits until at least {@code count} spans were received; returns all received. */
  public List<ReceivedSpan> awaitSpans(int count, Duration timeout) {
    return await(this::spans, s -> s.size() >= count, timeout, "at least " + count + " spans",
        ReceivedSpan::describe);
  }

  /** Waits for a span with this name; returns the first one received. */
  public ReceivedSpan awaitSpan(String name, Duration timeout) {
    return awaitSpans(s -> s.stream().anyMatch(span -> span.name().equals(name)), timeout).stream()
        .filter(span -> span.name().equals(name)).findFirst().orElseThrow();
  }

  public List<ReceivedMetric> awaitMetrics(
      Predicate<List<ReceivedMetric>> condition, Duration timeout) {
    return await(this::metrics, condition, timeout, "metrics matching the condition",
        ReceivedMetric::describe);
  }

  /** Waits for a metric with this name; returns its latest export. */
  public ReceivedMetric awaitMetric(String name, Duration timeout) {
    List<ReceivedMetric> all = await(this::metrics,
        m -> m.stream().anyMatch(metric -> metric.name().equals(name)), timeout,
        "metric '" + name + "'", ReceivedMetric::describe);
    return all.stream().filter(m -> m.name().equals(name)).reduce((first, second) -> second)
        .orElseThrow();
  }

  public List<ReceivedLog> awaitLogs(Predicate<List<ReceivedLog>> condition, Duration timeout) {
    return await(this::logs, condition, timeout, "logs matching the condition",
        ReceivedLog::describe);
  }

  public List<ReceivedLog> awaitLogs(int count, Duration timeout) {
    return await(this::logs, l -> l.size() >= count, timeout, "at least " + count + " logs",
        ReceivedLog::describe);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private <T> List<T> await(Supplier<List<T>> source, Predicate<List<T>> condition, Duration timeout,
      String what, Function<T, String> describe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<T> current = source.get();
      if (condition.test(current)) {
        return current;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what
            + "; received " + current.size() + ":" + lines(current.stream().map(describe).toList())
            + (errors().isEmpty() ? "" : "\nreceiver errors:" + lines(errors())));
      }
      try {
        Thread.sleep(POLL_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }

  private static String lines(List<String> items) {
    return items.isEmpty() ? " (none)" : items.stream().collect(Collectors.joining("\n  ", "\n  ", ""));
  }

  private interface Decoder {
    byte[] accept(byte[] body) throws InvalidProtocolBufferException;
  }

  private void handle(HttpExchange exchange, Decoder decoder) throws IOException {
    try (exchange) {
      String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
      // createContext matches by prefix; only the exact paths are OTLP endpoints.
      if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
        reject(exchange, 404, request + ": unknown path");
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        reject(exchange, 405, request + ": only POST is accepted");
        return;
      }
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      if (contentType == null || !contentType.startsWith("application/x-protobuf")) {
        reject(exchange, 415, request + ": unsupported Content-Type " + contentType
            + " (only http/protobuf is supported)");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        boolean gzip = "gzip".equalsIgnoreCase(encoding);
        body = (gzip ? new GZIPInputStream(in) : in).readAllBytes();
      }
      byte[] response;
      try {
        response = decoder.accept(body);
      } catch (InvalidProtocolBufferException e) {
        reject(exchange, 400, request + ": undecodable payload: " + e.getMessage());
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      // An empty Export*ServiceResponse serializes to zero bytes; -1 tells the server "no body".
      exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
      if (response.length > 0) {
        exchange.getResponseBody().write(response);
      }
    } catch (IOException | RuntimeException e) {
      synchronized (lock) {
        errors.add("failed to handle " + exchange.getRequestURI() + ": " + e);
      }
      throw e;
    }
  }

  private void reject(HttpExchange exchange, int status, String error) throws IOException {
    synchronized (lock) {
      errors.add(error);
    }
    exchange.sendResponseHeaders(status, -1);
  }

  private <T> void add(List<T> target, List<T> items) {
    synchronized (lock) {
      target.addAll(items);
    }
  }

  private <T> List<T> snapshot(List<T> list) {
    synchronized (lock) {
      return List.copyOf(list);
    }
  }
}

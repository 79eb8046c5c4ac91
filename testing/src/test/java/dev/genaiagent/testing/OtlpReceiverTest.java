package dev.genaiagent.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sends real OTLP/HTTP protobuf from the OpenTelemetry SDK to the receiver. */
class OtlpReceiverTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private OtlpReceiver receiver;
  private OpenTelemetrySdk sdk;

  @BeforeEach
  void setUp() {
    receiver = OtlpReceiver.start();
    Resource resource = Resource.getDefault().merge(Resource.create(
        Attributes.of(AttributeKey.stringKey("service.name"), "receiver-test")));
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .setResource(resource)
            .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
                .setEndpoint(receiver.endpoint() + "/v1/traces")
                .build()))
            .build())
        .setMeterProvider(SdkMeterProvider.builder()
            .setResource(resource)
            .registerMetricReader(PeriodicMetricReader.builder(OtlpHttpMetricExporter.builder()
                    .setEndpoint(receiver.endpoint() + "/v1/metrics")
                    .setCompression("gzip")
                    .build())
                .setInterval(Duration.ofHours(1)) // exported explicitly via forceFlush
                .build())
            .build())
        .setLoggerProvider(SdkLoggerProvider.builder()
            .setResource(resource)
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(OtlpHttpLogRecordExporter.builder()
                .setEndpoint(receiver.endpoint() + "/v1/logs")
                .setCompression("gzip")
                .build()))
            .build())
        .build();
  }

  @AfterEach
  void tearDown() {
    sdk.close();
    receiver.close();
  }

  @Test
  void endpointIsLoopbackWithEphemeralPort() {
    assertThat(receiver.endpoint()).isEqualTo("http://127.0.0.1:" + receiver.port());
    assertThat(receiver.port()).isPositive();
  }

  @Test
  @SuppressWarnings("try") // the scope only needs to be open
  void receivesSpansWithTypedAttributesEventsAndParents() {
    Tracer tracer = sdk.getTracer("test-scope");
    Span parent = tracer.spanBuilder("parent").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      Span child = tracer.spanBuilder("child").setSpanKind(SpanKind.CLIENT).startSpan();
      child.setAttribute("s", "text");
      child.setAttribute("l", 42L);
      child.setAttribute("d", 1.5);
      child.setAttribute("b", true);
      child.setAttribute(AttributeKey.stringArrayKey("sa"), List.of("x", "y"));
      child.setAttribute(AttributeKey.longArrayKey("la"), List.of(1L, 2L));
      child.addEvent("something", Attributes.of(AttributeKey.longKey("n"), 7L));
      child.setStatus(StatusCode.ERROR, "boom");
      child.end();
    } finally {
      parent.end();
    }

    List<ReceivedSpan> spans = receiver.awaitSpans(2, TIMEOUT);

    ReceivedSpan p = TelemetryAssertions.onlySpan(spans, "named parent", s -> s.name().equals("parent"));
    ReceivedSpan c = TelemetryAssertions.onlySpan(spans, "named child", s -> s.name().equals("child"));
    assertThat(p.isRoot()).isTrue();
    assertThat(p.kind()).isEqualTo(ReceivedSpan.Kind.SERVER);
    assertThat(p.traceId()).isEqualTo(parent.getSpanContext().getTraceId());
    assertThat(p.spanId()).isEqualTo(parent.getSpanContext().getSpanId());
    TelemetryAssertions.assertChildOf(c, p);
    assertThat(c.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
    assertThat(c.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(c.statusMessage()).isEqualTo("boom");
    assertThat(c.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "s", "text", "l", 42L, "d", 1.5, "b", true, "sa", List.of("x", "y"), "la", List.of(1L, 2L)));
    assertThat(c.events()).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("something");
      assertThat(e.attributes()).containsEntry("n", 7L);
    });
    assertThat(c.startEpochNanos()).isPositive();
    assertThat(c.durationNanos()).isNotNegative();
    assertThat(c.scopeName()).isEqualTo("test-scope");
    assertThat(c.resourceAttributes()).containsEntry("service.name", "receiver-test");
    assertThat(receiver.errors()).isEmpty();
  }

  @Test
  void receivesGzippedMetrics() {
    var meter = sdk.getMeter("metric-scope");
    var histogram = meter.histogramBuilder("op.duration").setUnit("s").setDescription("how long")
        .setExplicitBucketBoundariesAdvice(List.of(0.5, 1.0)).build();
    histogram.record(0.25, Attributes.of(AttributeKey.stringKey("op"), "a"));
    histogram.record(0.75, Attributes.of(AttributeKey.stringKey("op"), "a"));
    var counter = meter.counterBuilder("op.count").build();
    counter.add(3, Attributes.of(AttributeKey.stringKey("op"), "a"));
    meter.gaugeBuilder("op.level").build().set(2.5);
    assertThat(sdk.getSdkMeterProvider().forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();

    ReceivedMetric h = receiver.awaitMetric("op.duration", TIMEOUT);
    assertThat(h.type()).isEqualTo(ReceivedMetric.Type.HISTOGRAM);
    assertThat(h.unit()).isEqualTo("s");
    assertThat(h.description()).isEqualTo("how long");
    assertThat(h.scopeName()).isEqualTo("metric-scope");
    assertThat(h.temporality()).isEqualTo(ReceivedMetric.Temporality.CUMULATIVE);
    assertThat(h.resourceAttributes()).containsEntry("service.name", "receiver-test");
    assertThat(h.histogramPoints()).singleElement().satisfies(point -> {
      assertThat(point.attributes()).isEqualTo(Map.of("op", "a"));
      assertThat(point.count()).isEqualTo(2);
      assertThat(point.sum()).isEqualTo(1.0);
      assertThat(point.min()).isEqualTo(0.25);
      assertThat(point.max()).isEqualTo(0.75);
      assertThat(point.explicitBounds()).containsExactly(0.5, 1.0);
      assertThat(point.bucketCounts()).containsExactly(1L, 1L, 0L);
    });

    ReceivedMetric sum = receiver.awaitMetric("op.count", TIMEOUT);
    assertThat(sum.type()).isEqualTo(ReceivedMetric.Type.SUM);
    assertThat(sum.monotonic()).isTrue();
    assertThat(sum.numberPoints()).singleElement()
        .satisfies(point -> assertThat(point.value()).isEqualTo(3L));

    ReceivedMetric gauge = receiver.awaitMetric("op.level", TIMEOUT);
    assertThat(gauge.type()).isEqualTo(ReceivedMetric.Type.GAUGE);
    assertThat(gauge.numberPoints()).singleElement()
        .satisfies(point -> assertThat(point.value()).isEqualTo(2.5));
  }

  @Test
  @SuppressWarnings("try") // the scope only needs to be open
  void receivesGzippedLogsWithEventNameAndSpanContext() {
    Span span = sdk.getTracer("t").spanBuilder("with-log").startSpan();
    try (Scope ignored = span.makeCurrent()) {
      sdk.getLogsBridge().get("log-scope").logRecordBuilder()
          .setEventName("gen_ai.test.event")
          .setSeverity(Severity.WARN)
          .setSeverityText("WARN")
          .setBody("hello")
          .setAttribute(AttributeKey.longKey("k"), 1L)
          .emit();
    } finally {
      span.end();
    }

    ReceivedLog log = receiver.awaitLogs(1, TIMEOUT).get(0);
    assertThat(log.body()).isEqualTo("hello");
    assertThat(log.eventName()).isEqualTo("gen_ai.test.event");
    assertThat(log.severityNumber()).isEqualTo(Severity.WARN.getSeverityNumber());
    assertThat(log.severityText()).isEqualTo("WARN");
    assertThat(log.attributes()).isEqualTo(Map.of("k", 1L));
    assertThat(log.traceId()).isEqualTo(span.getSpanContext().getTraceId());
    assertThat(log.spanId()).isEqualTo(span.getSpanContext().getSpanId());
    assertThat(log.scopeName()).isEqualTo("log-scope");
    assertThat(log.resourceAttributes()).containsEntry("service.name", "receiver-test");
  }

  @Test
  void awaitFailsListingWhatArrived() {
    sdk.getTracer("t").spanBuilder("only-one").startSpan().end();
    receiver.awaitSpans(1, TIMEOUT);

    assertThatThrownBy(() -> receiver.awaitSpan("missing", Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("received 1")
        .hasMessageContaining("'only-one'");
    assertThatThrownBy(() -> receiver.awaitMetric("missing.metric", Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("metric 'missing.metric'");
  }

  @Test
  void rejectsWhatIsNotOtlpProtobufAndRecordsWhy() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> json = client.send(
        HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> get = client.send(
        HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/logs")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> garbage = client.send(
        HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/metrics"))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, 1, 2})).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(json.statusCode()).isEqualTo(415);
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(receiver.errors()).hasSize(3);
    assertThat(receiver.spans()).isEmpty();
  }

  @Test
  void resetForgetsEverything() {
    sdk.getTracer("t").spanBuilder("s").startSpan().end();
    receiver.awaitSpans(1, TIMEOUT);
    receiver.reset();
    assertThat(receiver.spans()).isEmpty();
  }
}

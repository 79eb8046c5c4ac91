package dev.genaiagent.testing;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns OTLP protobuf requests into the flat, immutable views tests assert on. */
final class OtlpDecoder {

  private static final HexFormat HEX = HexFormat.of();

  private OtlpDecoder() {}

  static List<ReceivedSpan> spans(ExportTraceServiceRequest request) {
    List<ReceivedSpan> out = new ArrayList<>();
    for (ResourceSpans rs : request.getResourceSpansList()) {
      Map<String, Object> resource = attributes(rs.getResource().getAttributesList());
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        String scope = ss.getScope().getName();
        for (Span s : ss.getSpansList()) {
          out.add(new ReceivedSpan(
              hex(s.getTraceId()),
              hex(s.getSpanId()),
              hex(s.getParentSpanId()),
              s.getName(),
              kind(s.getKind()),
              status(s.getStatus().getCode()),
              s.getStatus().getMessage(),
              s.getStartTimeUnixNano(),
              s.getEndTimeUnixNano(),
              attributes(s.getAttributesList()),
              s.getEventsList().stream()
                  .map(e -> new SpanEvent(
                      e.getName(), e.getTimeUnixNano(), attributes(e.getAttributesList())))
                  .toList(),
              resource,
              scope));
        }
      }
    }
    return out;
  }

  static List<ReceivedMetric> metrics(ExportMetricsServiceRequest request) {
    List<ReceivedMetric> out = new ArrayList<>();
    for (ResourceMetrics rm : request.getResourceMetricsList()) {
      Map<String, Object> resource = attributes(rm.getResource().getAttributesList());
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        String scope = sm.getScope().getName();
        for (Metric m : sm.getMetricsList()) {
          out.add(metric(m, scope, resource));
        }
      }
    }
    return out;
  }

  static List<ReceivedLog> logs(ExportLogsServiceRequest request) {
    List<ReceivedLog> out = new ArrayList<>();
    for (ResourceLogs rl : request.getResourceLogsList()) {
      Map<String, Object> resource = attributes(rl.getResource().getAttributesList());
      for (ScopeLogs sl : rl.getScopeLogsList()) {
        String scope = sl.getScope().getName();
        for (var r : sl.getLogRecordsList()) {
          out.add(new ReceivedLog(
              r.hasBody() ? value(r.getBody()) : null,
              r.getSeverityNumberValue(),
              r.getSeverityText(),
              r.getEventName(),
              hex(r.getTraceId()),
              hex(r.getSpanId()),
              r.getTimeUnixNano() != 0 ? r.getTimeUnixNano() : r.getObservedTimeUnixNano(),
              attributes(r.getAttributesList()),
              resource,
              scope));
        }
      }
    }
    return out;
  }

  private static ReceivedMetric metric(Metric m, String scope, Map<String, Object> resource) {
    ReceivedMetric.Type type;
    boolean monotonic = false;
    AggregationTemporality temporality = AggregationTemporality.AGGREGATION_TEMPORALITY_UNSPECIFIED;
    List<NumberDataPoint> numbers = List.of();
    List<HistogramDataPoint> histograms = List.of();
    switch (m.getDataCase()) {
      case GAUGE -> {
        type = ReceivedMetric.Type.GAUGE;
        numbers = m.getGauge().getDataPointsList();
      }
      case SUM -> {
        type = ReceivedMetric.Type.SUM;
        monotonic = m.getSum().getIsMonotonic();
        temporality = m.getSum().getAggregationTemporality();
        numbers = m.getSum().getDataPointsList();
      }
      case HISTOGRAM -> {
        type = ReceivedMetric.Type.HISTOGRAM;
        temporality = m.getHistogram().getAggregationTemporality();
        histograms = m.getHistogram().getDataPointsList();
      }
      case EXPONENTIAL_HISTOGRAM -> {
        type = ReceivedMetric.Type.EXPONENTIAL_HISTOGRAM;
        temporality = m.getExponentialHistogram().getAggregationTemporality();
      }
      case SUMMARY -> type = ReceivedMetric.Type.SUMMARY;
      default -> type = ReceivedMetric.Type.UNKNOWN;
    }
    return new ReceivedMetric(
        m.getName(),
        m.getDescription(),
        m.getUnit(),
        type,
        monotonic,
        temporality(temporality),
        scope,
        resource,
        numbers.stream().map(OtlpDecoder::numberPoint).toList(),
        histograms.stream().map(OtlpDecoder::histogramPoint).toList());
  }

  private static ReceivedMetric.NumberPoint numberPoint(NumberDataPoint p) {
    // Not a ?: expression: that would promote the long to double.
    Number value;
    if (p.getValueCase() == NumberDataPoint.ValueCase.AS_INT) {
      value = p.getAsInt();
    } else {
      value = p.getAsDouble();
    }
    return new ReceivedMetric.NumberPoint(
        attributes(p.getAttributesList()), value, p.getStartTimeUnixNano(), p.getTimeUnixNano());
  }

  private static ReceivedMetric.HistogramPoint histogramPoint(HistogramDataPoint p) {
    return new ReceivedMetric.HistogramPoint(
        attributes(p.getAttributesList()),
        p.getCount(),
        p.hasSum() ? p.getSum() : null,
        p.hasMin() ? p.getMin() : null,
        p.hasMax() ? p.getMax() : null,
        List.copyOf(p.getExplicitBoundsList()),
        List.copyOf(p.getBucketCountsList()),
        p.getStartTimeUnixNano(),
        p.getTimeUnixNano());
  }

  static Map<String, Object> attributes(List<KeyValue> keyValues) {
    // Insertion order kept so failure messages read like the exporter wrote them; values may be null
    // (an empty AnyValue), which Map.copyOf would reject.
    Map<String, Object> map = new LinkedHashMap<>();
    for (KeyValue kv : keyValues) {
      map.put(kv.getKey(), value(kv.getValue()));
    }
    return Collections.unmodifiableMap(map);
  }

  static Object value(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> v.getBoolValue();
      case INT_VALUE -> v.getIntValue();
      case DOUBLE_VALUE -> v.getDoubleValue();
      case BYTES_VALUE -> v.getBytesValue().toByteArray();
      // Stream.toList() is unmodifiable and, unlike List.copyOf, accepts null elements.
      case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(OtlpDecoder::value).toList();
      case KVLIST_VALUE -> attributes(v.getKvlistValue().getValuesList());
      default -> null; // VALUE_NOT_SET, or a kind newer than this decoder
    };
  }

  private static String hex(ByteString bytes) {
    return HEX.formatHex(bytes.toByteArray());
  }

  private static ReceivedSpan.Kind kind(Span.SpanKind kind) {
    return switch (kind) {
      case SPAN_KIND_INTERNAL -> ReceivedSpan.Kind.INTERNAL;
      case SPAN_KIND_SERVER -> ReceivedSpan.Kind.SERVER;
      case SPAN_KIND_CLIENT -> ReceivedSpan.Kind.CLIENT;
      case SPAN_KIND_PRODUCER -> ReceivedSpan.Kind.PRODUCER;
      case SPAN_KIND_CONSUMER -> ReceivedSpan.Kind.CONSUMER;
      default -> ReceivedSpan.Kind.UNSPECIFIED;
    };
  }

  private static ReceivedSpan.StatusCode status(
      io.opentelemetry.proto.trace.v1.Status.StatusCode code) {
    return switch (code) {
      case STATUS_CODE_OK -> ReceivedSpan.StatusCode.OK;
      case STATUS_CODE_ERROR -> ReceivedSpan.StatusCode.ERROR;
      default -> ReceivedSpan.StatusCode.UNSET;
    };
  }

  private static ReceivedMetric.Temporality temporality(AggregationTemporality t) {
    return switch (t) {
      case AGGREGATION_TEMPORALITY_DELTA -> ReceivedMetric.Temporality.DELTA;
      case AGGREGATION_TEMPORALITY_CUMULATIVE -> ReceivedMetric.Temporality.CUMULATIVE;
      default -> ReceivedMetric.Temporality.UNSPECIFIED;
    };
  }
}

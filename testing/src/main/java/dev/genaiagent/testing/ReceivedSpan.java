package dev.genaiagent.testing;

import java.util.List;
import java.util.Map;

/**
 * One span as it arrived over OTLP, flattened with its resource and scope.
 *
 * <p>Ids are lower-case hex; {@code parentSpanId} is {@code ""} for a root span. Attribute values are
 * {@link String}, {@link Long}, {@link Double}, {@link Boolean}, {@code byte[]}, or a {@link List} /
 * {@link Map} of those (OTLP arrays and key-value lists).
 */
public record ReceivedSpan(
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    Kind kind,
    StatusCode statusCode,
    String statusMessage,
    long startEpochNanos,
    long endEpochNanos,
    Map<String, Object> attributes,
    List<SpanEvent> events,
    Map<String, Object> resourceAttributes,
    String scopeName) {

  public enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

  public enum StatusCode { UNSET, OK, ERROR }

  public Object attribute(String key) {
    return attributes.get(key);
  }

  public Object resourceAttribute(String key) {
    return resourceAttributes.get(key);
  }

  public boolean isRoot() {
    return parentSpanId.isEmpty();
  }

  public boolean isChildOf(ReceivedSpan parent) {
    return traceId.equals(parent.traceId) && parentSpanId.equals(parent.spanId);
  }

  public long durationNanos() {
    return endEpochNanos - startEpochNanos;
  }

  /** One line for failure messages. */
  public String describe() {
    return kind + " '" + name + "' trace=" + traceId + " span=" + spanId
        + (isRoot() ? " (root)" : " parent=" + parentSpanId)
        + " status=" + statusCode + (statusMessage.isEmpty() ? "" : "(" + statusMessage + ")")
        + " scope=" + scopeName + " " + attributes
        + (events.isEmpty() ? "" : " events=" + events);
  }
}

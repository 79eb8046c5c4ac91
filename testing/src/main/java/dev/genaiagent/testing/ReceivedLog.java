package dev.genaiagent.testing;

import java.util.Map;

/**
 * One log record as it arrived over OTLP, flattened with its resource and scope. {@code body} is
 * converted like an attribute value (null when absent); {@code eventName}, {@code traceId} and
 * {@code spanId} are {@code ""} when absent.
 */
public record ReceivedLog(
    Object body,
    int severityNumber,
    String severityText,
    String eventName,
    String traceId,
    String spanId,
    long epochNanos,
    Map<String, Object> attributes,
    Map<String, Object> resourceAttributes,
    String scopeName) {

  public Object attribute(String key) {
    return attributes.get(key);
  }

  /** One line for failure messages. */
  public String describe() {
    return (eventName.isEmpty() ? "log" : "event '" + eventName + "'")
        + " severity=" + severityNumber + "/" + severityText + " body=" + body
        + " scope=" + scopeName + " trace=" + traceId + " span=" + spanId + " " + attributes;
  }
}

package dev.genaiagent.testing;

import java.util.Map;

/** A span event as it arrived over OTLP. */
public record SpanEvent(String name, long epochNanos, Map<String, Object> attributes) {

  public Object attribute(String key) {
    return attributes.get(key);
  }

  @Override
  public String toString() {
    return name + attributes;
  }
}

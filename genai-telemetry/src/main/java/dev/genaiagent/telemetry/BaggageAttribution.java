package dev.genaiagent.telemetry;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;

/**
 * Who and what a call is for, from the W3C baggage the application or its gateway already propagates
 * ({@code user.id}, {@code session.id}, {@code tenant.id}, {@code feature}): configured entries become
 * span attributes of the same name. Metrics get only the entries allowed for metrics, each capped in
 * distinct values (later ones become {@code _OTHER}), so a user id cannot explode metric cardinality.
 */
final class BaggageAttribution {
  static final String OVERFLOW = "_OTHER";
  static final BaggageAttribution NONE = new BaggageAttribution(
      Collections.<String>emptyList(), Collections.<String>emptyList(), 1);

  private final List<Entry> spanEntries = new ArrayList<>();
  private final List<Entry> metricEntries = new ArrayList<>();
  private final int maxValues;

  BaggageAttribution(List<String> spanKeys, List<String> metricKeys, int maxValues) {
    this.maxValues = maxValues;
    Set<String> all = new LinkedHashSet<>(spanKeys);
    all.addAll(metricKeys); // a key allowed on metrics is also on spans
    for (String key : all) {
      Entry e = new Entry(key);
      spanEntries.add(e);
      if (metricKeys.contains(key)) {
        metricEntries.add(e);
      }
    }
  }

  boolean isEmpty() {
    return spanEntries.isEmpty();
  }

  /** Baggage of {@code parent} as span attributes. */
  void addSpanAttributes(Context parent, Map<AttributeKey<?>, Object> values) {
    if (spanEntries.isEmpty()) {
      return;
    }
    Baggage baggage = Baggage.fromContext(parent);
    if (baggage.isEmpty()) {
      return;
    }
    for (Entry e : spanEntries) {
      String value = baggage.getEntryValue(e.baggageKey);
      if (value != null && !values.containsKey(e.attributeKey)) {
        values.put(e.attributeKey, value);
      }
    }
  }

  /** The allowed entries, capped, onto a metric's attributes. */
  void addMetricAttributes(Map<AttributeKey<?>, Object> values, AttributesBuilder metric) {
    for (Entry e : metricEntries) {
      Object value = values.get(e.attributeKey);
      if (value instanceof String) {
        metric.put(e.attributeKey, e.capped((String) value, maxValues));
      }
    }
  }

  private static final class Entry {
    final String baggageKey;
    final AttributeKey<String> attributeKey;
    /** Values admitted on metrics so far; bounded by maxValues. */
    final Set<String> admitted = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

    Entry(String baggageKey) {
      this.baggageKey = baggageKey;
      this.attributeKey = AttributeKey.stringKey(baggageKey);
    }

    String capped(@Nullable String value, int maxValues) {
      if (value == null) {
        return OVERFLOW;
      }
      if (admitted.contains(value)) {
        return value;
      }
      synchronized (this) {
        if (admitted.size() < maxValues) {
          admitted.add(value);
          return value;
        }
      }
      return OVERFLOW;
    }
  }
}

package dev.genaiagent.instrumentation.jdbc;

import dev.genaiagent.instrumentation.jdbc.sql.VectorSql;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The vector index search settings an application set on one physical connection with its own
 * {@code SET} statements ({@code hnsw.ef_search}, {@code ivfflat.probes}, {@code mhnsw_ef_search}…).
 * Learned, never queried: asking the server would add a round trip to the application's statement.
 * {@code SET LOCAL} is kept like {@code SET} (its transaction end is not observed).
 */
final class VectorSettings {
  /** Bounded: only allow-listed names reach here, but a hostile loop must not grow it. */
  private static final int MAX_SETTINGS = 32;

  private final Map<String, String> values = new TreeMap<>();

  synchronized void apply(java.util.List<VectorSql.Setting> settings) {
    for (VectorSql.Setting s : settings) {
      if ("all".equals(s.name())) {
        values.clear();
      } else if (s.value() == null) {
        values.remove(s.name());
      } else if (values.size() < MAX_SETTINGS || values.containsKey(s.name())) {
        values.put(s.name(), s.value());
      }
    }
  }

  synchronized Map<String, String> snapshot() {
    return values.isEmpty() ? Collections.<String, String>emptyMap() : new TreeMap<>(values);
  }
}

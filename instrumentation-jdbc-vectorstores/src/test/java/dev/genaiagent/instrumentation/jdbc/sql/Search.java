package dev.genaiagent.instrumentation.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a classification table: a statement and every field its search result must have. Fields
 * not set keep the "not visible" defaults, so each row asserts the whole result, not a chosen few.
 */
final class Search {
  final SqlDialect dialect;
  final String sql;
  private String metric;
  private boolean higherIsBetter;
  private long topK = -1;
  private int topKParameter;
  private Boolean exact;
  private String scoreLabel;
  private int scoreIndex;
  private String table;
  private int[] vectorParameters = new int[0];
  private String id;

  private Search(SqlDialect dialect, String sql) {
    this.dialect = dialect;
    this.sql = sql;
  }

  static Search search(SqlDialect dialect, String sql) {
    return new Search(dialect, sql);
  }

  Search metric(String metric) {
    this.metric = metric;
    return this;
  }

  Search similarity() {
    this.higherIsBetter = true;
    return this;
  }

  Search topK(long topK) {
    this.topK = topK;
    return this;
  }

  Search topKParameter(int ordinal) {
    this.topKParameter = ordinal;
    return this;
  }

  Search exact(boolean exact) {
    this.exact = exact;
    return this;
  }

  Search score(String label, int index) {
    this.scoreLabel = label;
    this.scoreIndex = index;
    return this;
  }

  Search table(String table) {
    this.table = table;
    return this;
  }

  Search vectors(int... ordinals) {
    this.vectorParameters = ordinals;
    return this;
  }

  Search id(String label) {
    this.id = label;
    return this;
  }

  void verify() {
    VectorSql actual = VectorSqlClassifier.classify(sql, dialect);
    assertThat(fields(actual)).as("%s: %s", dialect, sql).isEqualTo(expected());
  }

  private Map<String, Object> expected() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", VectorSql.Kind.VECTOR_SEARCH);
    m.put("metric", metric);
    m.put("higherIsBetter", higherIsBetter);
    m.put("topK", topK);
    m.put("topKParameter", topKParameter);
    m.put("exact", exact);
    m.put("scoreLabel", scoreLabel);
    m.put("scoreIndex", scoreIndex);
    m.put("table", table);
    m.put("vectorParameters", Arrays.toString(vectorParameters));
    m.put("id", id);
    return m;
  }

  static Map<String, Object> fields(VectorSql r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", r.kind());
    m.put("metric", r.similarityMetric());
    m.put("higherIsBetter", r.higherIsBetter());
    m.put("topK", r.topK());
    m.put("topKParameter", r.topKParameter());
    m.put("exact", r.exact());
    m.put("scoreLabel", r.scoreColumnLabel());
    m.put("scoreIndex", r.scoreColumnIndex());
    m.put("table", r.table());
    m.put("vectorParameters", Arrays.toString(r.vectorParameters()));
    m.put("id", r.idColumnLabel());
    return m;
  }

  @Override
  public String toString() {
    String oneLine = sql.replaceAll("\\s+", " ");
    return oneLine.length() > 110 ? oneLine.substring(0, 107) + "..." : oneLine;
  }
}

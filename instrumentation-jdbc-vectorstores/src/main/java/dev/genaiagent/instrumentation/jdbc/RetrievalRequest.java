package dev.genaiagent.instrumentation.jdbc;

import dev.genaiagent.instrumentation.jdbc.sql.VectorSql;
import dev.genaiagent.telemetry.GenAiAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Map;
import javax.annotation.Nullable;

/** One vector search statement about to run: what the SQL, the connection and the bound values say. */
final class RetrievalRequest {
  /** Extension: index search settings in force, {@code db.vector.search.hnsw.ef_search} = {@code 100}. */
  static final String SETTING_PREFIX = "db.vector.search.";

  final JdbcConnectionInfo connection;
  final VectorSql vectorSql;
  final String sql;
  @Nullable final Long topK;
  /** Index search settings the application set on this connection ({@code hnsw.ef_search} → 100). */
  final Map<String, String> settings;
  /** {@code db.query.parameter.<i>} values, only when upstream's parameter capture is on. */
  @Nullable final Map<String, String> parameters;
  /** Built once: the span and upstream's duration metric both need them. */
  @Nullable private Attributes storeAttributes;

  RetrievalRequest(JdbcConnectionInfo connection, VectorSql vectorSql, String sql, @Nullable Long topK,
      Map<String, String> settings, @Nullable Map<String, String> parameters) {
    this.connection = connection;
    this.vectorSql = vectorSql;
    this.sql = sql;
    this.topK = topK;
    this.settings = settings;
    this.parameters = parameters;
  }

  /**
   * The database attributes the replaced client span would carry, and the search's own extensions
   * ({@code db.vector.query.*}, index settings in force as {@code db.vector.search.<name>}).
   */
  Attributes storeAttributes() {
    Attributes attributes = storeAttributes;
    if (attributes == null) {
      AttributesBuilder b = Attributes.builder();
      SqlAttributes.put(b, this);
      if (topK != null) {
        b.put(GenAiAttributes.DB_VECTOR_QUERY_TOP_K, topK);
      }
      Boolean exact = vectorSql.exact();
      if (exact != null) {
        b.put(GenAiAttributes.DB_VECTOR_QUERY_EXACT, exact);
      }
      for (Map.Entry<String, String> setting : settings.entrySet()) {
        b.put(AttributeKey.stringKey(SETTING_PREFIX + setting.getKey()), setting.getValue());
      }
      attributes = b.build();
      storeAttributes = attributes;
    }
    return attributes;
  }

  /**
   * {@code {db.namespace}/{table}}, or {@code {db.system.name}/{table}} when the database is unknown:
   * names the corpus across connections, short enough for a span name.
   */
  @Nullable
  String dataSourceId() {
    String table = vectorSql.table();
    if (table == null) {
      return connection.namespace;
    }
    return (connection.namespace != null ? connection.namespace : connection.dbSystemName) + '/' + table;
  }
}

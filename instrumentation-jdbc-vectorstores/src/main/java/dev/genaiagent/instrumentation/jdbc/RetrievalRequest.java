package dev.genaiagent.instrumentation.jdbc;

import dev.genaiagent.instrumentation.jdbc.sql.VectorSql;
import java.util.Map;
import javax.annotation.Nullable;

/** One vector search statement about to run: what the SQL, the connection and the bound values say. */
final class RetrievalRequest {
  final JdbcConnectionInfo connection;
  final VectorSql vectorSql;
  final String sql;
  @Nullable final Long topK;
  /** Index search settings the application set on this connection ({@code hnsw.ef_search} → 100). */
  final Map<String, String> settings;
  /** {@code db.query.parameter.<i>} values, only when upstream's parameter capture is on. */
  @Nullable final Map<String, String> parameters;

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

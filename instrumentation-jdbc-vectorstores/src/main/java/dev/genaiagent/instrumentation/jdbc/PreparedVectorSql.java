package dev.genaiagent.instrumentation.jdbc;

import dev.genaiagent.instrumentation.jdbc.sql.VectorSql;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * A prepared statement whose SQL is a vector search or a settings change, and the values bound to it
 * that telemetry needs: the top-k parameter, and every parameter when upstream's parameter capture is
 * on (vectors summarized, never recorded).
 */
final class PreparedVectorSql {
  final String sql;
  final VectorSql vectorSql;
  final JdbcConnectionInfo connection;
  @Nullable private volatile Long boundTopK;
  @Nullable private Map<String, String> parameters;

  PreparedVectorSql(String sql, VectorSql vectorSql, JdbcConnectionInfo connection) {
    this.sql = sql;
    this.vectorSql = vectorSql;
    this.connection = connection;
  }

  void bind(int index, @Nullable Object value, boolean captureParameters) {
    if (index == vectorSql.topKParameter()) {
      boundTopK = QueryParameters.asLong(value);
    }
    if (captureParameters) {
      synchronized (this) {
        if (parameters == null) {
          parameters = new TreeMap<>();
        }
        parameters.put(Integer.toString(index - 1), QueryParameters.describe(vectorSql, index, value));
      }
    }
  }

  void clear() {
    boundTopK = null;
    synchronized (this) {
      parameters = null;
    }
  }

  @Nullable
  Long topK() {
    long literal = vectorSql.topK();
    return literal >= 0 ? Long.valueOf(literal) : boundTopK;
  }

  @Nullable
  synchronized Map<String, String> parameters() {
    return parameters == null ? null : new TreeMap<>(parameters);
  }
}

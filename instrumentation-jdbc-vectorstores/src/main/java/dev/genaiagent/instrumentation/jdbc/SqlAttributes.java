package dev.genaiagent.instrumentation.jdbc;

import static io.opentelemetry.api.common.AttributeKey.stringKey;

import dev.genaiagent.telemetry.GenAiAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlQuery;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlQueryAnalyzer;
import io.opentelemetry.instrumentation.api.internal.SemconvStability;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * The database attributes upstream's JDBC span carries, for the retrieval span that replaces it: query
 * text sanitized by upstream's own analyzer (always, whatever the sanitizer setting: a vector literal
 * must never be recorded), its summary, operation and table, under the stable database semconv and, when
 * upstream still emits it, the old one.
 */
final class SqlAttributes {
  private static final SqlQueryAnalyzer ANALYZER = SqlQueryAnalyzer.create(true);

  static final AttributeKey<String> OLD_DB_SYSTEM = stringKey("db.system");
  static final AttributeKey<String> OLD_DB_NAME = stringKey("db.name");
  static final AttributeKey<String> OLD_DB_STATEMENT = stringKey("db.statement");
  static final AttributeKey<String> OLD_DB_OPERATION = stringKey("db.operation");
  static final AttributeKey<String> OLD_DB_SQL_TABLE = stringKey("db.sql.table");
  static final String PARAMETER_PREFIX = "db.query.parameter.";

  static void put(AttributesBuilder b, RetrievalRequest request) {
    SqlQuery query = ANALYZER.analyzeWithSummary(request.sql,
        io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlDialect.DOUBLE_QUOTES_ARE_IDENTIFIERS);
    String text = withoutVectorLiterals(query.getQueryText());
    String operation = query.getOperationName();
    putIfNotNull(b, GenAiAttributes.DB_QUERY_TEXT, text);
    putIfNotNull(b, GenAiAttributes.DB_QUERY_SUMMARY, query.getQuerySummary());
    putIfNotNull(b, GenAiAttributes.DB_OPERATION_NAME, operation);
    if (SemconvStability.emitOldDatabaseSemconv()) {
      JdbcConnectionInfo c = request.connection;
      b.put(OLD_DB_SYSTEM, c.oldDbSystem);
      putIfNotNull(b, OLD_DB_NAME, c.namespace);
      putIfNotNull(b, OLD_DB_STATEMENT, text);
      putIfNotNull(b, OLD_DB_OPERATION, operation);
      putIfNotNull(b, OLD_DB_SQL_TABLE, request.vectorSql.table());
    }
    if (request.parameters != null) {
      for (Map.Entry<String, String> p : request.parameters.entrySet()) {
        b.put(stringKey(PARAMETER_PREFIX + p.getKey()), p.getValue());
      }
    }
  }

  /**
   * Upstream's sanitizer keeps numbers inside brackets ({@code [0.1, 0.2]::FLOAT[2]} in DuckDB,
   * {@code ARRAY[…]}): a bracketed list of two or more numbers becomes {@code ?}. Quoted vector literals
   * ({@code '[1,2,3]'}) are already {@code ?}.
   */
  @Nullable
  static String withoutVectorLiterals(@Nullable String text) {
    if (text == null || text.indexOf('[') < 0) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    for (int open = text.indexOf('['); open >= 0; open = text.indexOf('[', open + 1)) {
      int close = numberListEnd(text, open);
      if (close > 0) {
        if (out == null) {
          out = new StringBuilder(text.length());
        }
        out.append(text, copied, open).append('?');
        copied = close + 1;
        open = close;
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** The index of the {@code ]} closing a list of at least two numbers opened at {@code open}, else -1. */
  private static int numberListEnd(String text, int open) {
    int commas = 0;
    boolean digit = false;
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ']') {
        return commas > 0 && digit ? i : -1;
      } else if (c == ',') {
        commas++;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != ' ' && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E' && c != '?') {
        return -1;
      }
    }
    return -1;
  }

  private static void putIfNotNull(AttributesBuilder b, AttributeKey<String> key, @Nullable String value) {
    if (value != null) {
      b.put(key, value);
    }
  }

  private SqlAttributes() {}
}

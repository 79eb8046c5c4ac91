package dev.genaiagent.instrumentation.jdbc.sql;

import javax.annotation.Nullable;

/**
 * The database a statement is sent to, as far as classifying its text needs: it decides how the
 * text is lexed (MySQL's backslash escapes and {@code #} comments, SQL Server's {@code [name]}) and
 * whether {@code <=>}-style operators are vector distances (pgvector, Oracle) or something else
 * (MariaDB's NULL-safe equality). Distance functions are recognized whatever the dialect.
 */
public enum SqlDialect {
  POSTGRESQL,
  /** MariaDB and MySQL. */
  MARIADB,
  ORACLE,
  SQLSERVER,
  DUCKDB,
  SQLITE,
  CLICKHOUSE,
  H2,
  /** Unknown: lexed like PostgreSQL, the most common vector database behind an unknown name. */
  OTHER;

  /**
   * From the OpenTelemetry {@code db.system.name} value of the connection, also accepting the older
   * {@code db.system} names ({@code oracle}, {@code mssql}, {@code h2}) that upstream still emits in
   * its stable-semconv-off mode.
   */
  public static SqlDialect fromDbSystemName(@Nullable String dbSystemName) {
    if (dbSystemName == null) {
      return OTHER;
    }
    switch (dbSystemName) {
      case "postgresql":
        return POSTGRESQL;
      case "mariadb":
      case "mysql":
        return MARIADB;
      case "oracle.db":
      case "oracle":
        return ORACLE;
      case "microsoft.sql_server":
      case "mssql":
        return SQLSERVER;
      case "duckdb":
        return DUCKDB;
      case "sqlite":
        return SQLITE;
      case "clickhouse":
        return CLICKHOUSE;
      case "h2database":
      case "h2":
        return H2;
      default:
        return OTHER;
    }
  }
}

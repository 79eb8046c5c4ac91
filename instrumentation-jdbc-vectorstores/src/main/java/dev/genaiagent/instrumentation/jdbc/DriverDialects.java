package dev.genaiagent.instrumentation.jdbc;

import dev.genaiagent.instrumentation.jdbc.sql.SqlDialect;

/**
 * The SQL dialect of a driver's statement class, known from its package without asking the connection:
 * a per-class lookup costs a few nanoseconds, so every statement is lexed with its real quoting and
 * comment rules. Wrappers (pool proxies) are {@code OTHER}; the driver's own statement beneath them
 * is instrumented too and sees its dialect.
 */
final class DriverDialects {
  private static final ClassValue<SqlDialect> BY_CLASS = new ClassValue<SqlDialect>() {
    @Override
    protected SqlDialect computeValue(Class<?> type) {
      return fromClassName(type.getName());
    }
  };

  static SqlDialect of(Object statement) {
    return BY_CLASS.get(statement.getClass());
  }

  static SqlDialect fromClassName(String name) {
    if (name.startsWith("org.postgresql.") || name.startsWith("com.impossibl.postgres.")) {
      return SqlDialect.POSTGRESQL;
    }
    if (name.startsWith("org.mariadb.") || name.startsWith("com.mysql.")) {
      return SqlDialect.MARIADB;
    }
    if (name.startsWith("oracle.jdbc.")) {
      return SqlDialect.ORACLE;
    }
    if (name.startsWith("com.microsoft.sqlserver.") || name.startsWith("net.sourceforge.jtds.")) {
      return SqlDialect.SQLSERVER;
    }
    if (name.startsWith("org.duckdb.")) {
      return SqlDialect.DUCKDB;
    }
    if (name.startsWith("org.sqlite.")) {
      return SqlDialect.SQLITE;
    }
    if (name.startsWith("com.clickhouse.") || name.startsWith("ru.yandex.clickhouse.")) {
      return SqlDialect.CLICKHOUSE;
    }
    if (name.startsWith("org.h2.")) {
      return SqlDialect.H2;
    }
    return SqlDialect.OTHER;
  }

  private DriverDialects() {}
}

package dev.genaiagent.instrumentation.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlDialectTest {

  @ParameterizedTest
  @CsvSource({
    "postgresql, POSTGRESQL",
    "mariadb, MARIADB",
    "mysql, MARIADB",
    "oracle.db, ORACLE",
    "oracle, ORACLE",
    "microsoft.sql_server, SQLSERVER",
    "mssql, SQLSERVER",
    "duckdb, DUCKDB",
    "sqlite, SQLITE",
    "clickhouse, CLICKHOUSE",
    "h2database, H2",
    "h2, H2",
    "cockroachdb, OTHER",
    "other_sql, OTHER",
    "'', OTHER",
  })
  void fromDbSystemName(String name, SqlDialect expected) {
    assertThat(SqlDialect.fromDbSystemName(name)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void nullIsOther() {
    assertThat(SqlDialect.fromDbSystemName(null)).isEqualTo(SqlDialect.OTHER);
  }
}

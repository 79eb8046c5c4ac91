package dev.genaiagent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.instrumentation.jdbc.sql.SqlDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DriverDialectsTest {

  @ParameterizedTest
  @CsvSource({
      "org.postgresql.jdbc.PgPreparedStatement, POSTGRESQL",
      "org.mariadb.jdbc.ServerPreparedStatement, MARIADB",
      "com.mysql.cj.jdbc.ClientPreparedStatement, MARIADB",
      "oracle.jdbc.driver.OraclePreparedStatementWrapper, ORACLE",
      "com.microsoft.sqlserver.jdbc.SQLServerStatement, SQLSERVER",
      "org.duckdb.DuckDBPreparedStatement, DUCKDB",
      "org.sqlite.jdbc4.JDBC4Statement, SQLITE",
      "com.clickhouse.jdbc.StatementImpl, CLICKHOUSE",
      "org.h2.jdbc.JdbcStatement, H2",
      "com.zaxxer.hikari.pool.HikariProxyStatement, OTHER",
      "com.example.MyStatement, OTHER"})
  void theDriversPackageTellsTheDialect(String className, SqlDialect dialect) {
    assertThat(DriverDialects.fromClassName(className)).isEqualTo(dialect);
  }
}

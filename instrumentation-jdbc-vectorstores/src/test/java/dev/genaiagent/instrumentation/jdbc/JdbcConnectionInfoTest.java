package dev.genaiagent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcConnectionInfoTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      jdbc:postgresql://127.0.0.1:5432/genai                          | postgresql           | postgresql | genai    | 127.0.0.1     | 5432
      jdbc:postgresql://db.internal/rag?sslmode=require&password=x    | postgresql           | postgresql | rag      | db.internal   | 5432
      jdbc:postgresql://user:secret@h1:5433,h2:5434/app               | postgresql           | postgresql | app      | h1            | 5433
      jdbc:postgresql://[::1]:6543/v6                                 | postgresql           | postgresql | v6       | ::1           | 6543
      jdbc:mariadb://maria:3307/vectors                               | mariadb              | mariadb    | vectors  | maria         | 3307
      jdbc:mysql://mysql/shop                                         | mysql                | mysql      | shop     | mysql         | 3306
      jdbc:oracle:thin:@//ora.example:1522/FREEPDB1                   | oracle.db            | oracle     | FREEPDB1 | ora.example   | 1522
      jdbc:oracle:thin:@ora:1521:ORCL                                 | oracle.db            | oracle     | ORCL     | ora           | 1521
      jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=x)))               | oracle.db            | oracle     | -        | -             | -
      jdbc:sqlserver://sql\\inst:1434;databaseName=Docs;encrypt=true  | microsoft.sql_server | mssql      | Docs     | sql           | 1434
      jdbc:duckdb:                                                    | duckdb               | duckdb     | memory   | -             | -
      jdbc:duckdb:/data/rag.duckdb                                    | duckdb               | duckdb     | rag      | -             | -
      jdbc:sqlite:/tmp/vec.db                                         | sqlite               | sqlite     | vec      | -             | -
      jdbc:sqlite::memory:                                            | sqlite               | sqlite     | memory   | -             | -
      jdbc:h2:mem:negative                                            | h2database           | h2         | negative | -             | -
      jdbc:clickhouse://ch:8123/default                               | clickhouse           | clickhouse | default  | ch            | 8123
      jdbc:unknown://x/y                                              | other_sql            | other_sql  | -        | -             | -
      not a url                                                       | other_sql            | other_sql  | -        | -             | -
      """)
  void parsesTheUrlsOfEveryDialect(String url, String system, String old, String namespace, String host, Integer port) {
    JdbcConnectionInfo info = JdbcConnectionInfo.fromUrl(url);
    assertThat(info.dbSystemName).isEqualTo(system);
    assertThat(info.oldDbSystem).isEqualTo(old);
    assertThat(info.namespace).isEqualTo(namespace);
    assertThat(info.serverAddress).isEqualTo(host);
    if (host != null) {
      assertThat(info.serverPort).isEqualTo(port);
    }
    assertThat(info.toString()).doesNotContain("secret");
  }
}

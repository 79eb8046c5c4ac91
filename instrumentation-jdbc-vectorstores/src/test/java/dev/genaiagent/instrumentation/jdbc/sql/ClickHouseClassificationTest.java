package dev.genaiagent.instrumentation.jdbc.sql;

import static dev.genaiagent.instrumentation.jdbc.sql.Search.search;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.COSINE;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.INNER_PRODUCT;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.L1;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.L2;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ClickHouse distance functions (exact and vector-similarity-index searches are written the same). */
class ClickHouseClassificationTest {
  private static final SqlDialect CLICKHOUSE = SqlDialect.CLICKHOUSE;

  static Stream<Search> cases() {
    return Stream.of(
        search(CLICKHOUSE, "SELECT id, L2Distance(embedding, [0.1, 0.2]) AS dist FROM tab ORDER BY dist ASC LIMIT 5")
            .metric(L2).topK(5).score("dist", 2).table("tab").id("id"),
        search(CLICKHOUSE, "WITH [0.1, 0.2] AS reference_vector SELECT id, vec FROM tab ORDER BY L2Distance(vec, reference_vector) LIMIT 3")
            .metric(L2).topK(3).table("tab").id("id"),
        // ClickHouse's WITH <expression> AS <name>: the distance is defined before the SELECT
        search(CLICKHOUSE, "WITH cosineDistance(vec, [0.1, 0.2]) AS dist SELECT id, dist FROM tab ORDER BY dist LIMIT 3")
            .metric(COSINE).topK(3).score("dist", 2).table("tab").id("id"),
        search(CLICKHOUSE, "SELECT id FROM db.tab ORDER BY L2SquaredDistance(vec, ?) LIMIT ?")
            .metric(L2).topKParameter(2).table("db.tab").vectors(1).id("id"),
        search(CLICKHOUSE, "SELECT id, cosineDistance(vec, ?) AS d FROM tab ORDER BY d LIMIT 10")
            .metric(COSINE).topK(10).score("d", 2).table("tab").vectors(1).id("id"),
        search(CLICKHOUSE, "SELECT id, L1Distance(vec, ?) AS d FROM tab ORDER BY d LIMIT 10")
            .metric(L1).topK(10).score("d", 2).table("tab").vectors(1).id("id"),
        search(CLICKHOUSE, "SELECT id, dotProduct(vec, ?) AS score FROM tab ORDER BY score DESC LIMIT 10")
            .metric(INNER_PRODUCT).similarity().topK(10).score("score", 2).table("tab").vectors(1).id("id"),
        // LIMIT n BY is per group, not the number of results
        search(CLICKHOUSE, "SELECT id, cosineDistance(vec, ?) AS d FROM tab ORDER BY d LIMIT 1 BY category")
            .metric(COSINE).score("d", 2).table("tab").vectors(1).id("id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void classifies(Search expected) {
    expected.verify();
  }
}

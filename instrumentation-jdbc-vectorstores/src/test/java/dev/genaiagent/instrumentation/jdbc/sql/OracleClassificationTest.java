package dev.genaiagent.instrumentation.jdbc.sql;

import static dev.genaiagent.instrumentation.jdbc.sql.Search.search;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.COSINE;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.HAMMING;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.INNER_PRODUCT;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.JACCARD;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.L1;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.L2;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Oracle Database 23ai AI Vector Search, with named binds as its documentation writes and with JDBC '?'. */
class OracleClassificationTest {
  private static final SqlDialect ORACLE = SqlDialect.ORACLE;

  static Stream<Search> cases() {
    return Stream.of(
        search(ORACLE, "SELECT id, text FROM docs ORDER BY VECTOR_DISTANCE(embedding, :1, COSINE) FETCH APPROX FIRST 5 ROWS ONLY")
            .metric(COSINE).topK(5).exact(false).table("docs").id("id"),
        search(ORACLE, "SELECT id FROM docs ORDER BY VECTOR_DISTANCE(embedding, ?, EUCLIDEAN) FETCH EXACT FIRST 10 ROWS ONLY")
            .metric(L2).topK(10).exact(true).table("docs").vectors(1).id("id"),
        search(ORACLE, "SELECT id FROM docs ORDER BY VECTOR_DISTANCE(embedding, ?, EUCLIDEAN_SQUARED) FETCH FIRST 3 ROWS ONLY")
            .metric(L2).topK(3).table("docs").vectors(1).id("id"),
        // DOT is the negated dot product: a distance
        search(ORACLE, "SELECT id FROM docs ORDER BY VECTOR_DISTANCE(embedding, TO_VECTOR(?), DOT) FETCH NEXT ? ROWS ONLY")
            .metric(INNER_PRODUCT).topKParameter(2).table("docs").vectors(1).id("id"),
        search(ORACLE, "SELECT id FROM docs ORDER BY VECTOR_DISTANCE(embedding, ?, MANHATTAN) FETCH FIRST 3 ROWS ONLY")
            .metric(L1).topK(3).table("docs").vectors(1).id("id"),
        search(ORACLE, "SELECT id FROM docs ORDER BY VECTOR_DISTANCE(embedding, ?, HAMMING) FETCH FIRST 3 ROWS ONLY")
            .metric(HAMMING).topK(3).table("docs").vectors(1).id("id"),
        search(ORACLE, "SELECT id FROM docs ORDER BY VECTOR_DISTANCE(embedding, ?, JACCARD) FETCH FIRST 3 ROWS ONLY")
            .metric(JACCARD).topK(3).table("docs").vectors(1).id("id"),
        // no metric: COSINE is the default
        search(ORACLE, "SELECT id FROM docs ORDER BY VECTOR_DISTANCE(embedding, :query_vector) FETCH APPROXIMATE FIRST 4 ROWS ONLY WITH TARGET ACCURACY 90")
            .metric(COSINE).topK(4).exact(false).table("docs").id("id"),
        search(ORACLE, "SELECT id, embedding <=> ? AS dist FROM docs ORDER BY dist FETCH EXACT FIRST 6 ROWS ONLY")
            .metric(COSINE).topK(6).exact(true).score("dist", 2).table("docs").vectors(1).id("id"),
        search(ORACLE, "SELECT id FROM docs ORDER BY embedding <-> :v FETCH FIRST 2 ROWS ONLY")
            .metric(L2).topK(2).table("docs").id("id"),
        search(ORACLE, "SELECT id, COSINE_DISTANCE(embedding, ?) d FROM docs ORDER BY d FETCH FIRST 7 ROWS ONLY")
            .metric(COSINE).topK(7).score("d", 2).table("docs").vectors(1).id("id"),
        search(ORACLE, "SELECT id, INNER_PRODUCT(embedding, ?) ip FROM docs ORDER BY ip DESC FETCH FIRST 7 ROWS ONLY")
            .metric(INNER_PRODUCT).similarity().topK(7).score("ip", 2).table("docs").vectors(1).id("id"),
        // Spring AI OracleVectorStore
        search(ORACLE, "select id, content, metadata, embedding, vector_distance(embedding, ?, COSINE) as distance "
            + "from SPRING_AI_VECTORS order by distance fetch approx first ? rows only")
            .metric(COSINE).topKParameter(2).exact(false).score("distance", 5).table("SPRING_AI_VECTORS").vectors(1).id("id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void classifies(Search expected) {
    expected.verify();
  }
}

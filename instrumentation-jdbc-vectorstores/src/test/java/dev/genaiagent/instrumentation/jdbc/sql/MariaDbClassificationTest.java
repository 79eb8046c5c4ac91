package dev.genaiagent.instrumentation.jdbc.sql;

import static dev.genaiagent.instrumentation.jdbc.sql.Search.search;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.COSINE;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.L2;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MariaDB 11.7+ vector searches, as its documentation writes them; MySQL syntax around them. */
class MariaDbClassificationTest {
  private static final SqlDialect MARIADB = SqlDialect.MARIADB;

  static Stream<Search> cases() {
    return Stream.of(
        search(MARIADB, "SELECT id FROM embeddings ORDER BY VEC_DISTANCE_EUCLIDEAN(v, VEC_FromText('[0.3,0.5,0.1,0.3]')) LIMIT 2")
            .metric(L2).topK(2).table("embeddings").id("id"),
        search(MARIADB, "SELECT id FROM embeddings ORDER BY VEC_DISTANCE_COSINE(v, VEC_FromText('[0.3,0.5,0.1,0.3]')) LIMIT 2")
            .metric(COSINE).topK(2).table("embeddings").id("id"),
        // VEC_DISTANCE takes the metric of the vector index: not visible in the text
        search(MARIADB, "SELECT id FROM embeddings ORDER BY VEC_DISTANCE(v, VEC_FromText('[0.3,0.5,0.1,0.3]')) LIMIT 2")
            .topK(2).table("embeddings").id("id"),
        search(MARIADB, "SELECT id, VEC_DISTANCE_COSINE(v, VEC_FromText(?)) AS d FROM embeddings ORDER BY d LIMIT ?")
            .metric(COSINE).topKParameter(2).score("d", 2).table("embeddings").vectors(1).id("id"),
        // MySQL LIMIT offset, count
        search(MARIADB, "SELECT id, VEC_DISTANCE_EUCLIDEAN(v, ?) AS d FROM embeddings ORDER BY d LIMIT 10, 5")
            .metric(L2).topK(5).score("d", 2).table("embeddings").vectors(1).id("id"),
        search(MARIADB, "SELECT id, VEC_DISTANCE_EUCLIDEAN(v, ?) AS d FROM embeddings ORDER BY d LIMIT ?, ?")
            .metric(L2).topKParameter(3).score("d", 2).table("embeddings").vectors(1).id("id"),
        search(MARIADB, "SELECT `id`, VEC_DISTANCE_COSINE(`v`, ?) AS `dist` FROM `rag`.`docs` WHERE `lang` = 'it\\'s' ORDER BY `dist` LIMIT 3")
            .metric(COSINE).topK(3).score("dist", 2).table("rag.docs").vectors(1).id("id"),
        search(MARIADB, "SELECT SQL_NO_CACHE id, vec_distance_cosine(embedding, Vec_FromText(?)) score FROM chunks # nearest first\n ORDER BY score LIMIT 4")
            .metric(COSINE).topK(4).score("score", 2).table("chunks").vectors(1).id("id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void classifies(Search expected) {
    expected.verify();
  }
}

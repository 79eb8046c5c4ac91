package dev.genaiagent.instrumentation.jdbc.sql;

import static dev.genaiagent.instrumentation.jdbc.sql.Search.search;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.COSINE;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.HAMMING;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.L2;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** sqlite-vec: KNN queries on vec0 tables, and its scalar distance functions. */
class SqliteVecClassificationTest {
  private static final SqlDialect SQLITE = SqlDialect.SQLITE;

  static Stream<Search> cases() {
    return Stream.of(
        // the metric is the vec0 column's, declared at CREATE VIRTUAL TABLE: not visible here
        search(SQLITE, "SELECT rowid, distance FROM vec_items WHERE embedding MATCH ? AND k = 3 ORDER BY distance")
            .topK(3).score("distance", 2).table("vec_items").vectors(1),
        search(SQLITE, "select rowid, distance from vec_items where embedding match vec_f32(?) and k = ? order by distance")
            .topKParameter(2).score("distance", 2).table("vec_items").vectors(1),
        // the LIMIT form (SQLite 3.41+) with the distance column
        search(SQLITE, "select rowid, distance from vec_examples where sample_embedding match '[0.890, 0.544, 0.825, 0.961]' order by distance limit 2")
            .topK(2).score("distance", 2).table("vec_examples"),
        search(SQLITE, "SELECT id, vec_distance_l2(embedding, ?) AS d FROM docs ORDER BY d LIMIT 5")
            .metric(L2).topK(5).score("d", 2).table("docs").vectors(1).id("id"),
        search(SQLITE, "SELECT id, vec_distance_cosine(embedding, vec_f32(?)) AS d FROM docs ORDER BY d LIMIT 5")
            .metric(COSINE).topK(5).score("d", 2).table("docs").vectors(1).id("id"),
        search(SQLITE, "SELECT id, vec_distance_hamming(embedding, vec_bit(?)) AS d FROM [docs] ORDER BY d LIMIT 5")
            .metric(HAMMING).topK(5).score("d", 2).table("docs").vectors(1).id("id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void classifies(Search expected) {
    expected.verify();
  }
}

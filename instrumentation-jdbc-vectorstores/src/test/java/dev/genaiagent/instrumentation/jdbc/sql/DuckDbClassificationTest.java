package dev.genaiagent.instrumentation.jdbc.sql;

import static dev.genaiagent.instrumentation.jdbc.sql.Search.search;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.COSINE;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.INNER_PRODUCT;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.L2;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DuckDB array functions (and the vss extension's HNSW-accelerated queries), list_ variants too. */
class DuckDbClassificationTest {
  private static final SqlDialect DUCKDB = SqlDialect.DUCKDB;

  static Stream<Search> cases() {
    return Stream.of(
        search(DUCKDB, "SELECT * FROM my_vector_table ORDER BY array_distance(vec, [1, 2, 3]::FLOAT[3]) LIMIT 3")
            .metric(L2).topK(3).table("my_vector_table"),
        search(DUCKDB, "SELECT * FROM my_vector_table ORDER BY array_cosine_distance(vec, [1, 2, 3]::FLOAT[3]) LIMIT 3")
            .metric(COSINE).topK(3).table("my_vector_table"),
        search(DUCKDB, "SELECT * FROM my_vector_table ORDER BY array_negative_inner_product(vec, [1, 2, 3]::FLOAT[3]) LIMIT 3")
            .metric(INNER_PRODUCT).topK(3).table("my_vector_table"),
        search(DUCKDB, "SELECT id, array_cosine_similarity(vec, ?::FLOAT[3]) AS similarity FROM embeddings ORDER BY similarity DESC LIMIT 3")
            .metric(COSINE).similarity().topK(3).score("similarity", 2).table("embeddings").vectors(1).id("id"),
        search(DUCKDB, "SELECT id, array_inner_product(vec, ?::FLOAT[3]) AS ip FROM embeddings ORDER BY ip DESC LIMIT ?")
            .metric(INNER_PRODUCT).similarity().topKParameter(2).score("ip", 2).table("embeddings").vectors(1).id("id"),
        search(DUCKDB, "SELECT id, array_dot_product(vec, ?::FLOAT[3]) AS ip FROM embeddings ORDER BY ip DESC LIMIT 3")
            .metric(INNER_PRODUCT).similarity().topK(3).score("ip", 2).table("embeddings").vectors(1).id("id"),
        search(DUCKDB, "SELECT id, array_negative_dot_product(vec, ?::FLOAT[3]) AS d FROM embeddings ORDER BY d LIMIT 3")
            .metric(INNER_PRODUCT).topK(3).score("d", 2).table("embeddings").vectors(1).id("id"),
        search(DUCKDB, "SELECT id, list_distance(vec, ?) AS d FROM main.lists ORDER BY d LIMIT 3")
            .metric(L2).topK(3).score("d", 2).table("main.lists").vectors(1).id("id"),
        search(DUCKDB, "SELECT id, list_cosine_distance(vec, ?) AS d FROM lists ORDER BY d LIMIT 3")
            .metric(COSINE).topK(3).score("d", 2).table("lists").vectors(1).id("id"),
        search(DUCKDB, "SELECT id, list_cosine_similarity(vec, ?) AS s FROM lists ORDER BY s DESC LIMIT 3")
            .metric(COSINE).similarity().topK(3).score("s", 2).table("lists").vectors(1).id("id"),
        search(DUCKDB, "SELECT id, list_inner_product(vec, ?) AS s FROM lists ORDER BY s DESC LIMIT 3")
            .metric(INNER_PRODUCT).similarity().topK(3).score("s", 2).table("lists").vectors(1).id("id"),
        search(DUCKDB, "SELECT id, list_dot_product(vec, ?) AS s FROM lists ORDER BY s DESC LIMIT 3")
            .metric(INNER_PRODUCT).similarity().topK(3).score("s", 2).table("lists").vectors(1).id("id"),
        search(DUCKDB, "SELECT id, list_negative_inner_product(vec, ?) AS d FROM lists ORDER BY d LIMIT 3")
            .metric(INNER_PRODUCT).topK(3).score("d", 2).table("lists").vectors(1).id("id"),
        search(DUCKDB, "SELECT id, list_negative_dot_product(vec, ?) AS d FROM lists ORDER BY d LIMIT 3")
            .metric(INNER_PRODUCT).topK(3).score("d", 2).table("lists").vectors(1).id("id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void classifies(Search expected) {
    expected.verify();
  }
}

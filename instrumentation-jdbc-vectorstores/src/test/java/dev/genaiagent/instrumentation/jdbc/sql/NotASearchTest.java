package dev.genaiagent.instrumentation.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Statements that look like searches to a naive text match, and ordinary SQL: all OTHER. */
class NotASearchTest {
  private static final SqlDialect PG = SqlDialect.POSTGRESQL;

  static Stream<Arguments> hiddenInLiteralsCommentsAndNames() {
    return Stream.of(
        arguments(PG, "SELECT 'embedding <-> ?' FROM items"),
        arguments(PG, "SELECT 'it''s cosine_distance(a, b)' FROM items"),
        arguments(PG, "SELECT E'a\\' <-> b' FROM items"),
        arguments(PG, "SELECT E'\\\\', 'x' FROM t WHERE note = E'\\' ORDER BY e <=> ? \\''"),
        arguments(PG, "SELECT $$ORDER BY embedding <-> ?$$ FROM items"),
        arguments(PG, "SELECT $fn$ SELECT cosine_distance(a, b) $fn$ AS body"),
        arguments(PG, "SELECT id FROM items -- ORDER BY embedding <-> ? LIMIT 5"),
        arguments(PG, "SELECT id FROM items /* ORDER BY embedding <=> ? */ LIMIT 5"),
        // PostgreSQL nests block comments: the first */ does not end this one
        arguments(PG, "SELECT id FROM items /* outer /* inner */ ORDER BY embedding <#> ? */ LIMIT 5"),
        arguments(PG, "SELECT \"embedding <-> x\", \"l2_distance(a,b)\" FROM items"),
        arguments(SqlDialect.SQLSERVER, "SELECT [VECTOR_DISTANCE('cosine', a, b)] FROM docs"),
        arguments(SqlDialect.MARIADB, "SELECT `VEC_DISTANCE_COSINE(v, x)` FROM docs"),
        // MySQL reads backslash escapes in every string, and '#' starts a comment
        arguments(SqlDialect.MARIADB, "SELECT 'it\\', VEC_DISTANCE_COSINE(v, ?) ' FROM docs"),
        arguments(SqlDialect.MARIADB, "SELECT id FROM docs # ORDER BY VEC_DISTANCE_COSINE(v, ?)\n LIMIT 3"),
        // Oracle alternative quoting: the ' inside does not end the literal
        arguments(SqlDialect.ORACLE, "SELECT q'[it's <=> ? ]' FROM docs"),
        arguments(SqlDialect.ORACLE, "SELECT nq'{it's VECTOR_DISTANCE(e, ?)}' FROM docs"),
        arguments(PG, "SELECT 'unterminated <-> ? FROM items"),
        arguments(PG, "SELECT id FROM items /* unterminated <-> ?"));
  }

  static Stream<Arguments> notSearches() {
    return Stream.of(
        // MariaDB/MySQL <=> is NULL-safe equality
        arguments(SqlDialect.MARIADB, "SELECT * FROM t WHERE a <=> b"),
        arguments(SqlDialect.MARIADB, "SELECT a <=> NULL AS same FROM t ORDER BY a <=> b LIMIT 3"),
        // only pgvector and Oracle have distance operators
        arguments(SqlDialect.DUCKDB, "SELECT id FROM t ORDER BY e <-> ? LIMIT 1"),
        arguments(SqlDialect.SQLITE, "SELECT id FROM t ORDER BY e <=> ? LIMIT 1"),
        arguments(SqlDialect.H2, "SELECT id FROM t ORDER BY e <-> ? LIMIT 1"),
        // writes and DDL, even with a distance inside
        arguments(PG, "INSERT INTO items (embedding) VALUES ('[1,2,3]'), ('[4,5,6]')"),
        arguments(PG, "INSERT INTO nearest SELECT id FROM items ORDER BY embedding <-> ? LIMIT 5"),
        arguments(PG, "UPDATE items SET d = embedding <-> ? WHERE id = 1"),
        arguments(PG, "DELETE FROM items WHERE embedding <=> ? > 0.9"),
        arguments(PG, "CREATE INDEX ON items USING hnsw (embedding vector_cosine_ops)"),
        arguments(PG, "CREATE INDEX ON items USING ivfflat (embedding vector_l2_ops) WITH (lists = 100)"),
        arguments(PG, "CREATE TABLE nearest AS SELECT id FROM items ORDER BY embedding <-> '[1,2,3]' LIMIT 5"),
        arguments(PG, "WITH q AS (SELECT embedding FROM items WHERE id = 1) DELETE FROM items WHERE embedding <-> (SELECT embedding FROM q) < 0.1"),
        arguments(PG, "EXPLAIN ANALYZE SELECT * FROM items ORDER BY embedding <-> ? LIMIT 5"),
        arguments(SqlDialect.MARIADB, "CREATE TABLE embeddings (id INT PRIMARY KEY, v VECTOR(5) NOT NULL, VECTOR INDEX (v) DISTANCE=cosine)"),
        // names, not calls
        arguments(PG, "SELECT cosine_distance, l2_distance FROM metrics ORDER BY cosine_distance LIMIT 5"),
        arguments(PG, "SELECT m.inner_product FROM metrics m WHERE m.vector_distance > 1"),
        // full-text MATCH is not sqlite-vec's
        arguments(SqlDialect.SQLITE, "SELECT * FROM docs_fts WHERE docs_fts MATCH 'sqlite' ORDER BY rank LIMIT 10"),
        arguments(SqlDialect.MARIADB, "SELECT * FROM docs WHERE MATCH (title, body) AGAINST ('vector' IN NATURAL LANGUAGE MODE) LIMIT 5"),
        // ordinary SQL
        arguments(PG, "SELECT id, name FROM users WHERE id = ?"),
        arguments(PG, "SELECT 1"),
        arguments(PG, "SELECT a < b, c > d, a <> b, x <- > y, p <= q, p >= q FROM t"),
        arguments(PG, "SELECT embedding FROM items WHERE id = 1"),
        arguments(PG, "SELECT AVG(embedding) FROM items"),
        arguments(PG, "SELECT * FROM docs WHERE meta ?| array['a','b'] AND meta ?& array['c'] AND meta ? 'd'"),
        arguments(PG, "BEGIN; COMMIT"),
        arguments(PG, ""),
        arguments(PG, "   \n\t "),
        arguments(PG, ";;;"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("hiddenInLiteralsCommentsAndNames")
  void nothingInsideLiteralsCommentsOrQuotedNamesCounts(SqlDialect dialect, String sql) {
    assertThat(VectorSqlClassifier.classify(sql, dialect)).isSameAs(VectorSql.OTHER);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("notSearches")
  void isOther(SqlDialect dialect, String sql) {
    assertThat(VectorSqlClassifier.classify(sql, dialect)).isSameAs(VectorSql.OTHER);
  }

  @Test
  void theSameTextIsASearchWhereTheDialectHasTheOperator() {
    String sql = "SELECT id FROM t ORDER BY a <=> b LIMIT 3";
    assertThat(VectorSqlClassifier.classify(sql, SqlDialect.POSTGRESQL).kind()).isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    assertThat(VectorSqlClassifier.classify(sql, SqlDialect.ORACLE).kind()).isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    assertThat(VectorSqlClassifier.classify(sql, SqlDialect.MARIADB)).isSameAs(VectorSql.OTHER);
  }

  @Test
  void aBackslashEndsAPostgresStandardStringButNotAnEscapeString() {
    // standard_conforming_strings: 'a\' is a complete literal, so what follows is SQL
    assertThat(VectorSqlClassifier.classify("SELECT 'a\\', e <-> ? FROM t", PG).kind())
        .isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    assertThat(VectorSqlClassifier.classify("SELECT E'a\\', e <-> ? FROM t", PG)).isSameAs(VectorSql.OTHER);
  }

  @Test
  void nullAndOverlongStatementsAreOther() {
    assertThat(VectorSqlClassifier.classify(null, PG)).isSameAs(VectorSql.OTHER);
    assertThat(VectorSqlClassifier.classify("SELECT * FROM items ORDER BY embedding <-> ? LIMIT 5", null).kind())
        .isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    String tooLong = "SELECT * FROM items ORDER BY embedding <-> ? LIMIT 5 -- "
        + "x".repeat(VectorSqlClassifier.MAX_SQL_LENGTH);
    assertThat(VectorSqlClassifier.classify(tooLong, PG)).isSameAs(VectorSql.OTHER);
  }
}

package dev.genaiagent.instrumentation.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Placeholder ordinals: only real '?' count, as the JDBC driver numbers them. */
class LexingRulesTest {

  static Stream<Arguments> placeholders() {
    return Stream.of(
        arguments(SqlDialect.POSTGRESQL, "SELECT '?', \"?\", '''?' -- ?\n, /* ? */ ?, e <-> ? FROM t", new int[] {2}),
        arguments(SqlDialect.POSTGRESQL, "SELECT $$?$$, $q$ ? $q$, E'\\'?', ? AS a, e <-> ? FROM t", new int[] {2}),
        // PgJDBC: '??' is a literal '?'; jsonb ?| and ?& are operators, '? ||' a placeholder and concatenation
        arguments(SqlDialect.POSTGRESQL, "SELECT ??, e <-> ? FROM t", new int[] {1}),
        arguments(SqlDialect.POSTGRESQL, "SELECT j ?| array['a'], j ?& array['b'], ? || name, e <-> ? FROM t", new int[] {2}),
        arguments(SqlDialect.POSTGRESQL, "SELECT j ??| array['a'], e <-> ? FROM t", new int[] {1}),
        arguments(SqlDialect.POSTGRESQL, "SELECT /* nested /* ? */ ? */ e <-> ? FROM t", new int[] {1}),
        arguments(SqlDialect.SQLSERVER, "SELECT [a?b], ?, VECTOR_DISTANCE('dot', ?, e) FROM t", new int[] {2}),
        arguments(SqlDialect.MARIADB, "SELECT 'a\\'?', `?`, \"?\", ? # ?\n, VEC_DISTANCE(v, ?) FROM t", new int[] {2}),
        arguments(SqlDialect.ORACLE, "SELECT :1, q'[x]', VECTOR_DISTANCE(e, ?, COSINE) FROM t", new int[] {1}),
        // both operands, casts and wrappers
        arguments(SqlDialect.POSTGRESQL, "SELECT (?)::vector(3) <-> CAST(? AS vector(3)) FROM t", new int[] {1, 2}),
        arguments(SqlDialect.POSTGRESQL, "SELECT id FROM t WHERE kind = ? ORDER BY e <-> ? LIMIT ?", new int[] {2}),
        arguments(SqlDialect.DUCKDB, "SELECT array_distance(?::FLOAT[3], e) FROM t", new int[] {1}),
        arguments(SqlDialect.SQLSERVER, "SELECT VECTOR_DISTANCE(?, ?, e) FROM t", new int[] {2}));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("placeholders")
  void vectorParameterOrdinals(SqlDialect dialect, String sql, int[] expected) {
    VectorSql result = VectorSqlClassifier.classify(sql, dialect);
    assertThat(result.kind()).isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    assertThat(result.vectorParameters()).containsExactly(expected);
    for (int ordinal : expected) {
      assertThat(result.isVectorParameter(ordinal)).isTrue();
    }
    assertThat(result.isVectorParameter(0)).isFalse();
  }

  @Test
  void vectorParametersIsACopy() {
    VectorSql result = VectorSqlClassifier.classify("SELECT id FROM t ORDER BY e <-> ? LIMIT 1", SqlDialect.POSTGRESQL);
    result.vectorParameters()[0] = 99;
    assertThat(result.vectorParameters()).containsExactly(1);
  }

  @Test
  void keywordsAndFunctionNamesAreCaseInsensitive() {
    VectorSql lower = VectorSqlClassifier.classify("select id from docs order by cosine_distance(e, ?) limit 3", SqlDialect.POSTGRESQL);
    VectorSql upper = VectorSqlClassifier.classify("SELECT ID FROM DOCS ORDER BY COSINE_DISTANCE(E, ?) LIMIT 3", SqlDialect.POSTGRESQL);
    assertThat(lower.similarityMetric()).isEqualTo(upper.similarityMetric()).isEqualTo(VectorSql.COSINE);
    assertThat(upper.topK()).isEqualTo(3);
    assertThat(upper.idColumnLabel()).isEqualTo("ID");
  }

  @Test
  void unbalancedParenthesesAndTrailingJunkDoNotBreakTheScan() {
    assertThat(VectorSqlClassifier.classify("SELECT ((( id FROM items ORDER BY embedding <-> ? LIMIT 5", SqlDialect.POSTGRESQL).kind())
        .isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    assertThat(VectorSqlClassifier.classify("SELECT id))) FROM items ORDER BY embedding <-> ? LIMIT 5 )))", SqlDialect.POSTGRESQL).kind())
        .isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
  }

  @Test
  void aStatementInParenthesesAndAUnionAreSearches() {
    VectorSql result = VectorSqlClassifier.classify(
        "(SELECT id FROM a ORDER BY e <-> ? LIMIT 3) UNION ALL (SELECT id FROM b ORDER BY e <-> ? LIMIT 3)", SqlDialect.POSTGRESQL);
    assertThat(result.kind()).isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    assertThat(result.table()).isEqualTo("a");
    assertThat(result.vectorParameters()).containsExactly(1, 2);
  }
}

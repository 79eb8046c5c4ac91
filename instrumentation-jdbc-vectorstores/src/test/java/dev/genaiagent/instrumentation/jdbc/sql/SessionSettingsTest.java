package dev.genaiagent.instrumentation.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.genaiagent.instrumentation.jdbc.sql.VectorSql.Setting;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SessionSettingsTest {
  private static final SqlDialect PG = SqlDialect.POSTGRESQL;
  private static final SqlDialect MARIADB = SqlDialect.MARIADB;

  static Stream<Arguments> settings() {
    return Stream.of(
        arguments(PG, "SET hnsw.ef_search = 100", List.of(new Setting("hnsw.ef_search", "100"))),
        arguments(PG, "SET SESSION hnsw.ef_search TO 40", List.of(new Setting("hnsw.ef_search", "40"))),
        arguments(PG, "SET LOCAL hnsw.iterative_scan = 'relaxed_order'",
            List.of(new Setting("hnsw.iterative_scan", "relaxed_order", true))),
        arguments(PG, "SET hnsw.iterative_scan = strict_order", List.of(new Setting("hnsw.iterative_scan", "strict_order"))),
        arguments(PG, "SET hnsw.max_scan_tuples = 20000", List.of(new Setting("hnsw.max_scan_tuples", "20000"))),
        arguments(PG, "SET hnsw.scan_mem_multiplier = 2", List.of(new Setting("hnsw.scan_mem_multiplier", "2"))),
        arguments(PG, "SET ivfflat.probes = 10", List.of(new Setting("ivfflat.probes", "10"))),
        arguments(PG, "SET ivfflat.iterative_scan = relaxed_order", List.of(new Setting("ivfflat.iterative_scan", "relaxed_order"))),
        arguments(PG, "set IVFFLAT.MAX_PROBES to 100", List.of(new Setting("ivfflat.max_probes", "100"))),
        arguments(PG, "SET hnsw.ef_search = DEFAULT", List.of(new Setting("hnsw.ef_search", null))),
        arguments(PG, "RESET hnsw.ef_search", List.of(new Setting("hnsw.ef_search", null))),
        arguments(PG, "RESET ALL", List.of(new Setting("all", null))),
        arguments(PG, "SELECT set_config('hnsw.ef_search', '200', false)", List.of(new Setting("hnsw.ef_search", "200"))),
        arguments(PG, "SELECT set_config('ivfflat.probes', '5', true)", List.of(new Setting("ivfflat.probes", "5", true))),
        arguments(PG, "SET work_mem = '1GB'; SET hnsw.ef_search = 64; RESET ivfflat.probes",
            List.of(new Setting("hnsw.ef_search", "64"), new Setting("ivfflat.probes", null))),
        arguments(PG, "/* tuned */ SET hnsw.ef_search = 64 -- for recall", List.of(new Setting("hnsw.ef_search", "64"))),
        arguments(MARIADB, "SET mhnsw_ef_search = 10", List.of(new Setting("mhnsw_ef_search", "10"))),
        arguments(MARIADB, "SET SESSION mhnsw_ef_search=20", List.of(new Setting("mhnsw_ef_search", "20"))),
        arguments(MARIADB, "SET @@session.mhnsw_ef_search = 30", List.of(new Setting("mhnsw_ef_search", "30"))),
        arguments(MARIADB, "SET @@mhnsw_ef_search = 40", List.of(new Setting("mhnsw_ef_search", "40"))),
        // MariaDB's LOCAL is its session scope
        arguments(MARIADB, "SET LOCAL mhnsw_default_m = 8", List.of(new Setting("mhnsw_default_m", "8"))),
        arguments(MARIADB, "SET mhnsw_default_distance = 'cosine', autocommit = 1, @@session.mhnsw_default_m = 12",
            List.of(new Setting("mhnsw_default_distance", "cosine"), new Setting("mhnsw_default_m", "12"))));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("settings")
  void vectorIndexSettings(SqlDialect dialect, String sql, List<Setting> expected) {
    VectorSql result = VectorSqlClassifier.classify(sql, dialect);
    assertThat(result.kind()).isEqualTo(VectorSql.Kind.SESSION_SETTINGS);
    assertThat(result.settings()).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> otherSettings() {
    return Stream.of(
        arguments(PG, "SET work_mem = '64MB'"),
        arguments(PG, "SET search_path TO public, extensions"),
        arguments(PG, "SET TIME ZONE 'UTC'"),
        arguments(PG, "RESET work_mem"),
        arguments(PG, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE"),
        arguments(PG, "SELECT set_config('search_path', 'public', false)"),
        arguments(PG, "SELECT set_config('hnsw.ef_search', ?, false)"),
        arguments(PG, "SET hnsw.ef_search"),
        arguments(MARIADB, "SET autocommit=1"),
        arguments(MARIADB, "SET NAMES utf8mb4"),
        arguments(MARIADB, "SET GLOBAL mhnsw_ef_search = 10"),
        arguments(MARIADB, "SET @@global.mhnsw_ef_search = 10"),
        arguments(MARIADB, "SET @mhnsw_ef_search = 10"),
        arguments(SqlDialect.SQLSERVER, "SET NOCOUNT ON"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("otherSettings")
  void otherSettingsAreOther(SqlDialect dialect, String sql) {
    assertThat(VectorSqlClassifier.classify(sql, dialect)).isSameAs(VectorSql.OTHER);
  }

  @Test
  void settingsBeforeASearchInTheSameStringComeWithIt() {
    VectorSql result = VectorSqlClassifier.classify(
        "BEGIN; SET LOCAL hnsw.ef_search = 100; SELECT id FROM items ORDER BY embedding <-> ? LIMIT 5; COMMIT", PG);
    assertThat(result.kind()).isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    assertThat(result.topK()).isEqualTo(5);
    assertThat(result.settings()).containsExactly(new Setting("hnsw.ef_search", "100", true));
  }

  @Test
  void theFirstSearchWinsOverLaterStatements() {
    VectorSql result = VectorSqlClassifier.classify(
        "SELECT id FROM a ORDER BY e <=> ? LIMIT 2; SET hnsw.ef_search = 10; SELECT id FROM b ORDER BY e <-> ? LIMIT 3", PG);
    assertThat(result.kind()).isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    assertThat(result.table()).isEqualTo("a");
    assertThat(result.similarityMetric()).isEqualTo(VectorSql.COSINE);
    assertThat(result.settings()).isEmpty();
  }

  @Test
  void aSearchAfterOtherStatementsCountsTheirPlaceholders() {
    VectorSql result = VectorSqlClassifier.classify(
        "UPDATE stats SET n = n + ? WHERE id = ?; SELECT id FROM items ORDER BY embedding <-> ? LIMIT ?", PG);
    assertThat(result.vectorParameters()).containsExactly(3);
    assertThat(result.topKParameter()).isEqualTo(4);
  }

  @Test
  void mariaDbSetStatementForAQueryIsTheQuery() {
    VectorSql result = VectorSqlClassifier.classify(
        "SET STATEMENT mhnsw_ef_search = 50 FOR SELECT id FROM t ORDER BY VEC_DISTANCE_COSINE(v, ?) LIMIT 3", MARIADB);
    assertThat(result.kind()).isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    assertThat(result.topK()).isEqualTo(3);
    assertThat(result.settings()).isEmpty();
  }

  @Test
  void settingsListsAreImmutable() {
    VectorSql result = VectorSqlClassifier.classify("SET hnsw.ef_search = 100", PG);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> result.settings().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}

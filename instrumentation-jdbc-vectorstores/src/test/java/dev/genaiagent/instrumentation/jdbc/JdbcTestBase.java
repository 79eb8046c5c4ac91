package dev.genaiagent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.ReceivedSpan;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;

/**
 * The receiver of the agent attached to this JVM (see the failsafe configuration), PostgreSQL with
 * pgvector as .ci/install-postgres.sh sets it up, and span queries shared by the tests.
 */
abstract class JdbcTestBase {
  static final OtlpReceiver receiver = OtlpReceiverHolder.RECEIVER;
  static final Duration TIMEOUT = Duration.ofSeconds(15);
  static final String PG_URL = env("GENAI_PG_URL", "jdbc:postgresql://127.0.0.1:5432/genai");
  static final String PG_USER = env("GENAI_PG_USER", "genai");
  static final String PG_PASSWORD = env("GENAI_PG_PASSWORD", "genai");

  @BeforeEach
  void resetReceiver() {
    receiver.reset();
  }

  static Connection postgres() throws SQLException {
    return DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
  }

  static String uniqueTable(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  static void execute(Connection c, String... sqls) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String sql : sqls) {
        st.execute(sql);
      }
    }
  }

  /**
   * Runs a marker statement and waits until its span and every span matching {@code until} arrived:
   * spans end in order on this thread, so what is missing then was never made.
   */
  static List<ReceivedSpan> spansAfterMarker(Connection c, Predicate<List<ReceivedSpan>> until) throws SQLException {
    String marker = "marker_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    execute(c, "SELECT 1 AS " + marker);
    return receiver.awaitSpans(
        spans -> spans.stream().anyMatch(s -> queryText(s).contains(marker)) && until.test(spans), TIMEOUT);
  }

  static List<ReceivedSpan> retrievals(List<ReceivedSpan> spans, String table) {
    return spans.stream()
        .filter(s -> "retrieval".equals(s.attribute("gen_ai.operation.name")))
        .filter(s -> table.equals(s.attribute("db.collection.name")))
        .toList();
  }

  /** Spans whose query text mentions {@code fragment}: retrieval spans and upstream's JDBC spans. */
  static List<ReceivedSpan> mentioning(List<ReceivedSpan> spans, String fragment) {
    return spans.stream().filter(s -> queryText(s).contains(fragment)).toList();
  }

  static String queryText(ReceivedSpan span) {
    Object value = Objects.requireNonNullElse(
        span.attribute("db.query.text"), Objects.requireNonNullElse(span.attribute("db.statement"), ""));
    return value.toString();
  }

  static ReceivedSpan single(List<ReceivedSpan> spans) {
    assertThat(spans).as("exactly one span").hasSize(1);
    return spans.get(0);
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** One receiver per JVM, on the port the agent was told at startup. */
  static final class OtlpReceiverHolder {
    static final OtlpReceiver RECEIVER = OtlpReceiver.start(Integer.getInteger("genai.otlp.port"));
  }
}

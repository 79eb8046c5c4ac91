package dev.genaiagent.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.smoketest.apps.PgvectorJdbcApp;
import dev.genaiagent.testing.AgentProcess;
import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.ProcessResult;
import dev.genaiagent.testing.ReceivedSpan;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Upstream JDBC instrumentation still works inside the distribution, against a real PostgreSQL with
 * pgvector (installed and started by .ci/install-postgres.sh), and the vector search is a retrieval.
 */
class JdbcPgvectorSmokeTest {

  private static final String URL = env("GENAI_PG_URL", "jdbc:postgresql://127.0.0.1:5432/genai");
  private static final String USER = env("GENAI_PG_USER", "genai");
  private static final String PASSWORD = env("GENAI_PG_PASSWORD", "genai");

  @Test
  void exportsJdbcClientSpansForPgvectorQueries() {
    String table = "smoke_vec_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      ProcessResult result = AgentProcess.forMainClass(PgvectorJdbcApp.class)
          .agentJar(AgentProcess.agentJarFromSystemProperty())
          .receiver(receiver)
          .serviceName("pgvector-app")
          .args(URL, USER, PASSWORD, table)
          .run()
          .assertSuccess();
      // Rows 1 [1,2,3] and 3 [1,2,4] are the two nearest to [1,2,3].
      assertThat(result.stdout()).contains("id=1 distance=0.0", "id=3 distance=1.0");

      List<ReceivedSpan> spans = receiver.awaitSpans(
          s -> s.stream().anyMatch(span -> queryText(span).contains("<->")), Duration.ofSeconds(10));

      List<ReceivedSpan> db = spans.stream()
          .filter(s -> "postgresql".equals(dbSystem(s)))
          .toList();
      assertThat(db).as("database spans").isNotEmpty().allSatisfy(span -> {
        assertThat(span.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
        assertThat(span.resourceAttributes()).containsEntry("service.name", "pgvector-app");
      });
      assertThat(db).extracting(JdbcPgvectorSmokeTest::queryText)
          .anySatisfy(q -> assertThat(q).contains("CREATE TABLE " + table))
          .anySatisfy(q -> assertThat(q).contains("INSERT INTO " + table))
          .anySatisfy(q -> assertThat(q).contains("SELECT id, embedding <->").contains(table));

      // The nearest-neighbour query is a GenAI retrieval, one span for the statement, with the scores
      // the application read; helper classes were injected into the application's class loader.
      List<ReceivedSpan> search = db.stream()
          .filter(span -> queryText(span).contains("SELECT id, embedding <->")).toList();
      assertThat(search).singleElement().satisfies(span -> {
        assertThat(span.name()).isEqualTo("retrieval genai/" + table);
        assertThat(span.attributes())
            .containsEntry("gen_ai.operation.name", "retrieval")
            .containsEntry("gen_ai.data_source.id", "genai/" + table)
            .containsEntry("db.search.similarity_metric", "l2")
            .containsEntry("db.vector.query.top_k", 2L)
            .containsEntry("db.response.returned_rows", 2L)
            .containsEntry("gen_ai.retrieval.best_score", 0.0);
        assertThat(queryText(span)).doesNotContain("[1,2,3]");
      });
      assertThat(receiver.awaitMetric("gen_ai.client.retrieval.score", Duration.ofSeconds(10)).histogramPoints())
          .anySatisfy(p -> assertThat(p.attributes()).containsEntry("gen_ai.data_source.id", "genai/" + table));
    }
  }

  /** db.system.name under the stable database semconv, db.system before it. */
  private static String dbSystem(ReceivedSpan span) {
    Object value = Objects.requireNonNullElse(
        span.attribute("db.system.name"), span.attribute("db.system"));
    return value == null ? null : value.toString();
  }

  private static String queryText(ReceivedSpan span) {
    Object value = Objects.requireNonNullElse(
        span.attribute("db.query.text"), Objects.requireNonNullElse(span.attribute("db.statement"), ""));
    return value.toString();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}

package dev.genaiagent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.testing.ReceivedMetric;
import dev.genaiagent.testing.ReceivedSpan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Run with content capture, upstream's query-parameter capture and the stable database semconv on
 * (failsafe execution "content-on"): documents with ids and scores, parameters with the vector
 * summarized, and upstream's database duration metric still recorded for the statement.
 */
class RetrievalContentCaptureIT extends JdbcTestBase {

  @Test
  void documentsAndParametersAreCapturedWithoutTheVector() throws Exception {
    String table = uniqueTable("it_docs");
    try (Connection c = postgres()) {
      execute(c, "CREATE EXTENSION IF NOT EXISTS vector",
          "CREATE TABLE " + table + " (id text PRIMARY KEY, embedding vector(3))",
          "INSERT INTO " + table + " VALUES ('doc-a', '[1,2,3]'), ('doc-b', '[4,5,6]'), ('doc-c', '[1,2,4]')");
      try {
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT id, embedding <-> ?::vector AS distance FROM " + table + " ORDER BY distance LIMIT ?")) {
          ps.setString(1, "[1,2,3]");
          ps.setInt(2, 2);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rs.getString("id");
            }
          }
        }
        List<ReceivedSpan> spans = spansAfterMarker(c, s -> !retrievals(s, table).isEmpty());
        ReceivedSpan span = single(retrievals(spans, table));
        assertThat(span.attributes())
            .containsEntry("gen_ai.retrieval.documents", "[{\"id\":\"doc-a\",\"score\":0.0},{\"id\":\"doc-c\",\"score\":1.0}]")
            .containsEntry("db.query.parameter.0", "[vector 3]")
            .containsEntry("db.query.parameter.1", "2")
            .doesNotContainKey("db.statement"); // stable database semconv only
        assertThat(span.attributes().values()).noneMatch(v -> v.toString().contains("[1,2,3]"));

        // Exports hold one entry per instrumentation scope (upstream's JDBC records this metric for the
        // other statements): the statement was recorded once, by one scope.
        java.util.Map<String, ReceivedMetric.HistogramPoint> latestByScope = new java.util.HashMap<>();
        receiver.awaitMetrics(m -> m.stream().anyMatch(x ->
                x.name().equals("db.client.operation.duration") && x.histogramPoints().stream()
                    .anyMatch(p -> table.equals(p.attributes().get("db.collection.name"))
                        && "SELECT".equals(p.attributes().get("db.operation.name")))), TIMEOUT)
            .stream().filter(x -> x.name().equals("db.client.operation.duration"))
            .forEach(x -> x.histogramPoints().stream()
                .filter(p -> table.equals(p.attributes().get("db.collection.name"))
                    && "SELECT".equals(p.attributes().get("db.operation.name")))
                .forEach(p -> latestByScope.put(x.scopeName(), p)));
        assertThat(latestByScope).hasSize(1);
        ReceivedMetric.HistogramPoint point = latestByScope.values().iterator().next();
        assertThat(point.count()).isEqualTo(1);
        assertThat(point.attributes()).containsEntry("db.system.name", "postgresql")
            .containsEntry("db.namespace", "genai");
      } finally {
        execute(c, "DROP TABLE " + table);
      }
    }
  }
}

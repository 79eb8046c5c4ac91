package dev.genaiagent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.testing.ReceivedSpan;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Embedded DuckDB runs real vector searches (its array distance functions); H2 and SQLite are negative
 * controls: SQL that merely looks like vector search is never a retrieval.
 */
class EmbeddedDatabasesIT extends JdbcTestBase {

  @Test
  void duckDbDistancesAndSimilaritiesAreRetrievals() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      execute(c, "CREATE TABLE docs (id INTEGER, vec FLOAT[3])",
          "INSERT INTO docs VALUES (1, [1, 2, 3]), (2, [4, 5, 6]), (3, [1, 2, 4]), (4, [-1, 0, 0])");
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, array_cosine_distance(vec, [1, 2, 3]::FLOAT[3]) AS distance"
              + " FROM docs ORDER BY distance LIMIT 3")) {
        while (rs.next()) {
          rs.getInt(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT id, array_cosine_similarity(vec, [1, 2, 3]::FLOAT[3])"
          + " AS similarity FROM docs ORDER BY similarity DESC LIMIT ?")) {
        ps.setLong(1, 2);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rs.getInt(1);
          }
        }
      }
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id FROM docs ORDER BY array_distance(vec, [0, 0, 0]::FLOAT[3]) LIMIT 1")) {
        rs.next();
      }
      List<ReceivedSpan> spans = spansAfterMarker(c, s -> retrievals(s, "docs").size() >= 3);
      List<ReceivedSpan> found = retrievals(spans, "docs");
      assertThat(found).hasSize(3).allSatisfy(s -> assertThat(s.attributes())
          .containsEntry("gen_ai.provider.name", "duckdb")
          .containsEntry("db.system.name", "duckdb")
          .containsEntry("gen_ai.data_source.id", "memory/docs")
          .doesNotContainKey("server.address"));
      ReceivedSpan distance = found.get(0);
      assertThat(distance.attributes()).containsEntry("db.search.similarity_metric", "cosine")
          .containsEntry("db.response.returned_rows", 3L)
          .containsEntry("db.vector.query.top_k", 3L);
      assertThat((Double) distance.attribute("gen_ai.retrieval.best_score")).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-6));
      ReceivedSpan similarity = found.get(1);
      // A similarity: the best score is the largest one.
      assertThat(similarity.attributes()).containsEntry("db.search.similarity_metric", "cosine")
          .containsEntry("db.vector.query.top_k", 2L)
          .containsEntry("db.response.returned_rows", 2L);
      assertThat((Double) similarity.attribute("gen_ai.retrieval.best_score")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(found.get(2).attributes()).containsEntry("db.search.similarity_metric", "l2")
          .doesNotContainKey("gen_ai.retrieval.best_score");
      assertThat(mentioning(spans, "array_cosine_distance")).hasSize(1);
    }
  }

  @Test
  void h2AndSqliteLookAlikesAreNeverRetrievals() throws Exception {
    String[] lookAlikes = {
        "SELECT '<->' AS op, 'cosine_distance(a, b)' AS f",
        "SELECT 1 AS cosine_distance",
        "SELECT 1 /* ORDER BY embedding <-> '[1,2,3]' */",
        "SELECT 2 -- vec_distance_l2(a, b)"};
    for (String url : new String[] {"jdbc:h2:mem:negative", "jdbc:sqlite::memory:"}) {
      try (Connection c = DriverManager.getConnection(url)) {
        execute(c, "CREATE TABLE notes (id INTEGER, body VARCHAR(100))",
            "INSERT INTO notes VALUES (1, 'distance <=> similarity')");
        for (String sql : lookAlikes) {
          try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
          }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM notes WHERE body LIKE ? LIMIT 5")) {
          ps.setString(1, "%<=>%");
          try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
          }
        }
        List<ReceivedSpan> spans = spansAfterMarker(c, s -> !mentioning(s, "WHERE body LIKE").isEmpty());
        assertThat(spans).as(url).noneMatch(s -> "retrieval".equals(s.attribute("gen_ai.operation.name")));
        assertThat(mentioning(spans, "cosine_distance")).as(url + ": upstream spans intact").isNotEmpty();
        execute(c, "DROP TABLE notes");
      }
      receiver.reset();
    }
  }

}

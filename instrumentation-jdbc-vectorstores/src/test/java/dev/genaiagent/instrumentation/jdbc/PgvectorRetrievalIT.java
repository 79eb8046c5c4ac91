package dev.genaiagent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.genaiagent.testing.ReceivedMetric;
import dev.genaiagent.testing.ReceivedSpan;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vector searches on a real PostgreSQL with pgvector become retrieval spans, one per statement. */
class PgvectorRetrievalIT extends JdbcTestBase {
  private static final String TABLE = uniqueTable("it_items");

  @BeforeAll
  static void createTable() throws SQLException {
    try (Connection c = postgres()) {
      execute(c, "CREATE EXTENSION IF NOT EXISTS vector",
          "CREATE TABLE " + TABLE + " (id int PRIMARY KEY, embedding vector(3), half halfvec(3),"
              + " sparse sparsevec(3), bits bit(3), note text)",
          "INSERT INTO " + TABLE + " VALUES"
              + " (1, '[1,2,3]', '[1,2,3]', '{1:1,2:2,3:3}/3', '101', 'a <-> b in a note'),"
              + " (2, '[4,5,6]', '[4,5,6]', '{1:4,2:5,3:6}/3', '110', 'second'),"
              + " (3, '[1,2,4]', '[1,2,4]', '{1:1,2:2,3:4}/3', '100', 'third')");
    }
  }

  @AfterAll
  static void dropTable() throws SQLException {
    try (Connection c = postgres()) {
      execute(c, "DROP TABLE IF EXISTS " + TABLE);
    }
  }

  @Test
  void preparedSearchWithScoresIsOneRetrievalSpan() throws Exception {
    List<String> read = new ArrayList<>();
    // Its own table: the score metric is cumulative, and other tests search the shared one.
    String TABLE = uniqueTable("it_scores");
    try (Connection c = postgres()) {
      execute(c, "CREATE TABLE " + TABLE + " (id int PRIMARY KEY, embedding vector(3))",
          "INSERT INTO " + TABLE + " VALUES (1, '[1,2,3]'), (2, '[4,5,6]'), (3, '[1,2,4]')");
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, embedding <=> ?::vector AS distance FROM " + TABLE + " ORDER BY distance LIMIT ?")) {
        ps.setString(1, "[1,2,3]");
        ps.setInt(2, 2);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            read.add(rs.getInt("id") + ":" + rs.getDouble("distance"));
          }
        }
      }
      List<ReceivedSpan> spans = spansAfterMarker(c, s -> !retrievals(s, TABLE).isEmpty());

      assertThat(read).hasSize(2).first().asString().startsWith("1:0.0");
      ReceivedSpan span = single(retrievals(spans, TABLE));
      assertThat(span.name()).isEqualTo("retrieval genai/" + TABLE);
      assertThat(span.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
      assertThat(span.attributes())
          .containsEntry("gen_ai.operation.name", "retrieval")
          .containsEntry("gen_ai.provider.name", "postgresql")
          .containsEntry("gen_ai.data_source.id", "genai/" + TABLE)
          .containsEntry("db.system.name", "postgresql")
          .containsEntry("db.namespace", "genai")
          .containsEntry("db.collection.name", TABLE)
          .containsEntry("db.operation.name", "SELECT")
          .containsEntry("db.search.similarity_metric", "cosine")
          .containsEntry("gen_ai.request.top_k", 2.0)
          .containsEntry("db.vector.query.top_k", 2L)
          .containsEntry("db.response.returned_rows", 2L)
          .containsEntry("gen_ai.retrieval.best_score", 0.0)
          .containsEntry("server.address", "127.0.0.1")
          .containsEntry("server.port", 5432L)
          .doesNotContainKey("gen_ai.retrieval.documents");
      // Upstream's sanitized text: the statement, never a bound vector.
      assertThat(queryText(span)).contains("embedding <=> ?::vector").doesNotContain("[1,2,3]");
      assertThat(span.attributes().keySet()).noneMatch(k -> k.startsWith("db.query.parameter"));
      // One statement, one span: upstream's JDBC span for it is not there.
      assertThat(mentioning(spans, "<=> ?::vector")).containsExactly(span);

      ReceivedMetric scores = receiver.awaitMetrics(
          m -> m.stream().anyMatch(x -> x.name().equals("gen_ai.client.retrieval.score")
              && x.histogramPoints().stream().anyMatch(p -> TABLE.equals(dataSource(p.attributes())))),
          TIMEOUT).stream().filter(x -> x.name().equals("gen_ai.client.retrieval.score")).reduce((a, b) -> b)
          .orElseThrow();
      ReceivedMetric.HistogramPoint point = scores.histogramPoints().stream()
          .filter(p -> TABLE.equals(dataSource(p.attributes()))).findFirst().orElseThrow();
      assertThat(point.count()).isEqualTo(2);
      assertThat(point.min()).isEqualTo(0.0);
      assertThat(point.attributes()).containsEntry("db.search.similarity_metric", "cosine")
          .containsEntry("gen_ai.operation.name", "retrieval")
          .doesNotContainKey("db.query.text");
      execute(c, "DROP TABLE " + TABLE);
    }
  }

  private static String dataSource(java.util.Map<String, Object> attributes) {
    Object id = attributes.get("gen_ai.data_source.id");
    return id == null ? null : id.toString().substring(id.toString().indexOf('/') + 1);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      embedding <-> '[1,2,3]'                    | l2
      embedding <=> '[1,2,3]'                    | cosine
      embedding <#> '[1,2,3]'                    | inner_product
      embedding <+> '[1,2,3]'                    | l1
      l2_distance(embedding, '[1,2,3]')          | l2
      cosine_distance(embedding, '[1,2,3]')      | cosine
      inner_product(embedding, '[1,2,3]')        | inner_product
      l1_distance(embedding, '[1,2,3]')          | l1
      half <-> '[1,2,3]'::halfvec                | l2
      sparse <=> '{1:1,2:2,3:3}/3'::sparsevec    | cosine
      bits <~> B'101'                            | hamming
      bits <%> B'101'                            | jaccard
      hamming_distance(bits, B'101')             | hamming
      jaccard_distance(bits, B'101')             | jaccard
      """)
  void everyOperatorFunctionAndTypeIsARetrieval(String expression, String metric) throws Exception {
    try (Connection c = postgres(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT id, " + expression + " AS score FROM " + TABLE + " ORDER BY score LIMIT 3")) {
      int rows = 0;
      while (rs.next()) {
        rows++;
      }
      assertThat(rows).isEqualTo(3);
      rs.close();
      List<ReceivedSpan> spans = spansAfterMarker(c, s -> !retrievals(s, TABLE).isEmpty());
      ReceivedSpan span = single(retrievals(spans, TABLE));
      assertThat(span.attributes())
          .containsEntry("db.search.similarity_metric", metric)
          .containsEntry("db.vector.query.top_k", 3L)
          .containsEntry("db.response.returned_rows", 3L)
          .containsKey("gen_ai.retrieval.best_score");
      assertThat(queryText(span)).doesNotContain("[1,2,3]").doesNotContain("101");
    }
  }

  @Test
  void aReusedPreparedStatementIsOneSpanPerExecutionAcrossServerSidePreparation() throws Exception {
    // pgjdbc switches to a server-side prepared statement (and binary results) after 5 executions.
    try (Connection c = postgres(); PreparedStatement ps = c.prepareStatement(
        "SELECT id, embedding <-> ?::vector AS d FROM " + TABLE + " ORDER BY d LIMIT ?")) {
      for (int k = 1; k <= 7; k++) {
        ps.clearParameters();
        ps.setString(1, "[1,2,3]");
        ps.setInt(2, k % 3 + 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rs.getDouble(2);
          }
        }
      }
      List<ReceivedSpan> spans = spansAfterMarker(c, s -> retrievals(s, TABLE).size() >= 7);
      List<ReceivedSpan> found = retrievals(spans, TABLE);
      assertThat(found).hasSize(7);
      for (int i = 0; i < 7; i++) {
        long k = (i + 1) % 3 + 1;
        assertThat(found.get(i).attributes()).as("execution " + (i + 1))
            .containsEntry("db.vector.query.top_k", k)
            .containsEntry("db.response.returned_rows", k)
            .containsEntry("gen_ai.retrieval.best_score", 0.0);
      }
    }
  }

  @Test
  void resultsReadPartiallyOrNotAtAllEndWhenClosed() throws Exception {
    try (Connection c = postgres()) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, embedding <-> '[1,2,3]' AS d FROM " + TABLE + " ORDER BY d")) {
        assertThat(rs.next()).isTrue(); // one of three rows, then close
      }
      try (Statement st = c.createStatement()) {
        st.executeQuery("SELECT id FROM " + TABLE + " ORDER BY embedding <-> '[4,5,6]' LIMIT 1").close();
      }
      List<ReceivedSpan> spans = spansAfterMarker(c, s -> retrievals(s, TABLE).size() >= 2);
      List<ReceivedSpan> found = retrievals(spans, TABLE);
      assertThat(found).hasSize(2);
      ReceivedSpan partial = found.stream().filter(s -> queryText(s).contains(" AS d ")).findFirst().orElseThrow();
      assertThat(partial.attributes()).containsEntry("db.response.returned_rows", 1L)
          .containsEntry("gen_ai.retrieval.best_score", 0.0)
          .doesNotContainKey("db.vector.query.top_k");
      ReceivedSpan unread = found.stream().filter(s -> s != partial).findFirst().orElseThrow();
      assertThat(unread.attributes()).containsEntry("db.response.returned_rows", 0L)
          .containsEntry("db.vector.query.top_k", 1L)
          .doesNotContainKey("gen_ai.retrieval.best_score"); // the distance is not selected
    }
  }

  @Test
  void executeThenGetResultSetAndStatementCloseComplete() throws Exception {
    try (Connection c = postgres()) {
      Statement st = c.createStatement();
      assertThat(st.execute("SELECT id, embedding <-> '[1,2,3]' AS d FROM " + TABLE + " ORDER BY d LIMIT 2")).isTrue();
      ResultSet rs = st.getResultSet();
      assertThat(rs.next()).isTrue();
      assertThat(rs.next()).isTrue();
      st.close(); // the result set was never closed by the application
      List<ReceivedSpan> spans = spansAfterMarker(c, s -> !retrievals(s, TABLE).isEmpty());
      assertThat(single(retrievals(spans, TABLE)).attributes())
          .containsEntry("db.response.returned_rows", 2L)
          .containsEntry("gen_ai.retrieval.best_score", 0.0);
    }
  }

  @Test
  void indexSearchSettingsOfTheConnectionAreRecorded() throws Exception {
    String indexed = uniqueTable("it_hnsw");
    try (Connection c = postgres()) {
      execute(c, "CREATE TABLE " + indexed + " (id int PRIMARY KEY, embedding vector(3))",
          "INSERT INTO " + indexed + " SELECT g, ARRAY[g, g + 1, g + 2]::vector FROM generate_series(1, 50) g",
          "CREATE INDEX ON " + indexed + " USING hnsw (embedding vector_l2_ops)",
          "CREATE INDEX ON " + indexed + " USING ivfflat (embedding vector_cosine_ops) WITH (lists = 2)",
          "SET hnsw.ef_search = 100",
          "SET hnsw.iterative_scan = relaxed_order");
      try {
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT id FROM " + indexed + " ORDER BY embedding <-> ?::vector LIMIT 5")) {
          ps.setString(1, "[3,4,5]");
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rs.getInt(1);
            }
          }
        }
        execute(c, "RESET hnsw.iterative_scan", "SET ivfflat.probes TO 7");
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT id FROM " + indexed + " ORDER BY embedding <=> '[1,1,1]' LIMIT 1")) {
          rs.next();
        }
        List<ReceivedSpan> spans = spansAfterMarker(c, s -> retrievals(s, indexed).size() >= 2);
        List<ReceivedSpan> found = retrievals(spans, indexed);
        assertThat(found).hasSize(2);
        assertThat(found.get(0).attributes())
            .containsEntry("db.vector.search.hnsw.ef_search", "100")
            .containsEntry("db.vector.search.hnsw.iterative_scan", "relaxed_order")
            .containsEntry("db.vector.query.top_k", 5L);
        assertThat(found.get(1).attributes())
            .containsEntry("db.vector.search.hnsw.ef_search", "100")
            .containsEntry("db.vector.search.ivfflat.probes", "7")
            .doesNotContainKey("db.vector.search.hnsw.iterative_scan");
        // The SET statements themselves stay upstream's database spans.
        assertThat(mentioning(spans, "SET hnsw.ef_search")).singleElement()
            .satisfies(s -> assertThat(s.attributes()).doesNotContainKey("gen_ai.operation.name"));
      } finally {
        execute(c, "DROP TABLE " + indexed);
      }
    }
  }

  @Test
  void failingSearchIsAnErrorSpanAndTheApplicationSeesTheSameException() throws Exception {
    try (Connection c = postgres()) {
      assertThatThrownBy(() -> {
        try (Statement st = c.createStatement()) {
          st.executeQuery("SELECT id FROM " + TABLE + " ORDER BY embedding <-> '[1,2]' LIMIT 1");
        }
      }).isInstanceOf(SQLException.class).hasMessageContaining("different vector dimensions");
      List<ReceivedSpan> spans = spansAfterMarker(c, s -> !retrievals(s, TABLE).isEmpty());
      ReceivedSpan span = single(retrievals(spans, TABLE));
      assertThat(span.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
      assertThat(span.attributes()).containsEntry("error.type", "org.postgresql.util.PSQLException");
    }
  }

  @Test
  void ordinaryStatementsAndBatchesStayUpstreamDatabaseSpans() throws Exception {
    try (Connection c = postgres()) {
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO " + TABLE + " (id, embedding) VALUES (?, ?::vector) ON CONFLICT DO NOTHING")) {
        for (int i = 100; i < 103; i++) {
          insert.setInt(1, i);
          insert.setString(2, "[" + i + ",0,0]");
          insert.addBatch();
        }
        insert.executeBatch();
      }
      try (Statement st = c.createStatement()) {
        st.executeQuery("SELECT note FROM " + TABLE + " WHERE note = 'a <-> b in a note'").close();
        st.executeUpdate("DELETE FROM " + TABLE + " WHERE id >= 100");
      }
      List<ReceivedSpan> spans = spansAfterMarker(c, s -> !mentioning(s, "DELETE FROM " + TABLE).isEmpty());
      assertThat(retrievals(spans, TABLE)).isEmpty();
      assertThat(mentioning(spans, "INSERT INTO " + TABLE)).isNotEmpty()
          .allSatisfy(s -> assertThat(s.attributes()).doesNotContainKey("gen_ai.operation.name"));
      assertThat(mentioning(spans, "WHERE note =")).singleElement()
          .satisfies(s -> assertThat(s.name()).doesNotStartWith("retrieval"));
    }
  }

  @Test
  void pooledConnectionsGiveOneSpanPerStatementNestedInTheApplicationSpan() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(PG_URL);
    config.setUsername(PG_USER);
    config.setPassword(PG_PASSWORD);
    config.setMaximumPoolSize(1); // one physical connection: the SET below is in force for every checkout
    try (HikariDataSource pool = new HikariDataSource(config)) {
      try (Connection c = pool.getConnection()) {
        execute(c, "SET hnsw.ef_search = 64");
      }
      Span parent = GlobalOpenTelemetry.getTracer("it").spanBuilder("answer question").startSpan();
      try (Scope ignored = parent.makeCurrent()) {
        for (int i = 0; i < 3; i++) {
          try (Connection c = pool.getConnection();
              PreparedStatement ps = c.prepareStatement(
                  "SELECT id, embedding <-> ?::vector AS d FROM " + TABLE + " ORDER BY d LIMIT 2")) {
            ps.setString(1, "[1,2,3]");
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rs.getInt(1);
              }
            }
          }
        }
      } finally {
        parent.end();
      }
      try (Connection c = pool.getConnection()) {
        List<ReceivedSpan> spans = spansAfterMarker(c, s -> retrievals(s, TABLE).size() >= 3
            && s.stream().anyMatch(x -> x.name().equals("answer question")));
        ReceivedSpan app = spans.stream().filter(x -> x.name().equals("answer question")).findFirst().orElseThrow();
        List<ReceivedSpan> found = retrievals(spans, TABLE);
        assertThat(found).hasSize(3).allSatisfy(s -> {
          assertThat(s.isChildOf(app)).isTrue();
          assertThat(s.attributes()).containsEntry("db.response.returned_rows", 2L)
              .containsEntry("gen_ai.retrieval.best_score", 0.0)
              // learned on the same physical connection through another pooled checkout
              .containsEntry("db.vector.search.hnsw.ef_search", "64");
        });
        assertThat(mentioning(spans, "<-> ?::vector AS d")).hasSize(3);
      }
    }
  }
}

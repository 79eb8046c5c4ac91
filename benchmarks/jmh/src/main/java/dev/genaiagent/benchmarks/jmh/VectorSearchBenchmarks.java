package dev.genaiagent.benchmarks.jmh;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A real vector similarity search on embedded DuckDB, in memory: nearest neighbours by
 * {@code array_distance} over a table of {@value #ITEMS} 8-dimension vectors, the distance selected as
 * a column, every row read (id and distance) until the result set is exhausted, as an application reads
 * its search results. One operation is the whole search; {@code Compare} derives the cost per row from
 * two result sizes. With the agent and our module on, this is a retrieval span that stays open while the
 * rows are read and reads each row's distance after the application's {@code next()}.
 *
 * <p>DuckDB runs with {@code threads = 1}: the table is one row group, so a second thread adds nothing
 * but scheduling noise to the process CPU time the budgets are checked on.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class VectorSearchBenchmarks {
  static final int ITEMS = 4096;
  static final int DIMENSIONS = 8;
  static final String SEARCH =
      "SELECT id, array_distance(vec, ?::FLOAT[8]) AS distance FROM items ORDER BY distance LIMIT ?";
  /** Bound as text, as applications commonly bind a query vector ({@code '[...]'} cast by the SQL). */
  static final String QUERY_VECTOR = "[0.12, -0.53, 0.31, 0.77, -0.25, 0.05, -0.68, 0.44]";

  /** Rows asked for ({@code LIMIT ?}) and read. */
  @Param({"10", "1000"})
  public int rows;

  private Connection connection;
  private PreparedStatement search;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    if (rows < 1 || rows > ITEMS) {
      throw new IllegalArgumentException("rows must be 1.." + ITEMS + ": " + rows);
    }
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = connection.createStatement()) {
      st.execute("SET threads TO 1");
      st.execute("CREATE TABLE items (id INTEGER, vec FLOAT[" + DIMENSIONS + "])");
      // Deterministic, distinct vectors: the same table in every fork and configuration.
      StringBuilder vector = new StringBuilder();
      for (int d = 0; d < DIMENSIONS; d++) {
        vector.append(d == 0 ? "[" : ", ").append("sin(i * ").append(1.37 + 0.91 * d).append(" + ").append(d).append(')');
      }
      st.execute("INSERT INTO items SELECT i, " + vector + "]::FLOAT[" + DIMENSIONS + "] FROM range(" + ITEMS + ") t(i)");
    }
    search = connection.prepareStatement(SEARCH);
    check();
  }

  /** The search returns the rows asked for, nearest first. */
  private void check() throws SQLException {
    search.setString(1, QUERY_VECTOR);
    search.setInt(2, rows);
    int n = 0;
    double previous = -1;
    try (ResultSet rs = search.executeQuery()) {
      while (rs.next()) {
        double distance = rs.getDouble(2);
        if (rs.wasNull() || distance < previous) {
          throw new IllegalStateException("row " + n + ": distance " + distance + " after " + previous);
        }
        previous = distance;
        n++;
      }
    }
    if (n != rows) {
      throw new IllegalStateException("expected " + rows + " rows, read " + n);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    search.close();
    connection.close();
  }

  @Benchmark
  public void search(Blackhole bh) throws SQLException {
    search.setString(1, QUERY_VECTOR);
    search.setInt(2, rows);
    try (ResultSet rs = search.executeQuery()) {
      while (rs.next()) {
        bh.consume(rs.getInt(1));
        bh.consume(rs.getDouble(2));
      }
    }
  }
}

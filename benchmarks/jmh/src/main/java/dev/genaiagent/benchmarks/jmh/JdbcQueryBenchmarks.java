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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An ordinary (non-vector) statement on embedded H2, in memory: the statement every application runs
 * far more often than any vector search, and which the JDBC vector-store instrumentation must leave
 * alone at almost no cost. H2 rather than DuckDB here because it is pure Java with no threads of its own
 * and answers a primary-key lookup in about a microsecond, so the added cost is not buried in the
 * database's noise. Upstream's JDBC instrumentation makes its database span for every statement in
 * both agent configurations; {@code Compare} reports ours as the difference.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class JdbcQueryBenchmarks {
  static final String QUERY = "SELECT v FROM kv WHERE k = ?";
  private static final int KEYS = 1024;

  private Connection connection;
  private PreparedStatement prepared;
  private int key;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:jmh_kv");
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE TABLE kv (k INT PRIMARY KEY, v VARCHAR(64))");
      st.execute("INSERT INTO kv SELECT X, 'value-' || X FROM SYSTEM_RANGE(0, " + (KEYS - 1) + ")");
    }
    prepared = connection.prepareStatement(QUERY);
    for (int k : new int[] {0, KEYS - 1}) {
      key = k;
      String queried = query();
      key = k;
      String executed = execute();
      if (!("value-" + k).equals(queried) || !("value-" + k).equals(executed)) {
        throw new IllegalStateException("key " + k + ": read " + queried + " and " + executed);
      }
    }
    key = 0;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    prepared.close();
    connection.close();
  }

  /**
   * The whole life of a statement, as data-access code (a JdbcTemplate, an ORM) runs one: prepare, bind,
   * execute, read the one row, close. The SQL is the same string each time, so the instrumentation's
   * classification of it is a cache hit (and H2's own parse is served from its per-session query cache).
   */
  @Benchmark
  public String query() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(QUERY)) {
      ps.setInt(1, nextKey());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** A statement prepared once and executed many times: bind, execute, read the one row, close the rows. */
  @Benchmark
  public String execute() throws SQLException {
    prepared.setInt(1, nextKey());
    try (ResultSet rs = prepared.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private int nextKey() {
    int k = key;
    key = (k + 1) & (KEYS - 1);
    return k;
  }
}

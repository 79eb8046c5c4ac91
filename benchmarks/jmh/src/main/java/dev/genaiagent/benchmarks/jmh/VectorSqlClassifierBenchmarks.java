package dev.genaiagent.benchmarks.jmh;

import dev.genaiagent.instrumentation.jdbc.sql.SqlDialect;
import dev.genaiagent.instrumentation.jdbc.sql.VectorSql;
import dev.genaiagent.instrumentation.jdbc.sql.VectorSqlCache;
import dev.genaiagent.instrumentation.jdbc.sql.VectorSqlClassifier;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The vector SQL classifier of instrumentation-jdbc-vectorstores called directly, without the agent:
 * what the agent pays the first time it sees a statement, and on every later execution of it.
 * Statements are the {@value SqlCorpus#LENGTH}-character ones of {@link SqlCorpus}, a pool of
 * {@value #POOL} distinct ones per kind taken in turn, so no classification is ever repeated in a row
 * and the pool (2 MB) still fits a server's last-level cache like a freshly built statement would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class VectorSqlClassifierBenchmarks {
  static final int POOL = 1024;
  /** Larger than the cache's bounds, so {@link #cacheMiss} never finds a statement still cached. */
  static final int MISS_POOL = 4 * VectorSqlCache.DEFAULT_MAX_ENTRIES;

  /** {@code vector}: every statement a vector search; {@code other}: none. */
  @Param({"vector", "other"})
  public String statements;

  private String[] sql;
  private SqlDialect[] dialects;
  private int next;

  private VectorSqlCache cache;
  private String cachedSql;
  private char[][] missChars;
  private int nextMiss;

  @Setup(Level.Trial)
  public void setUp() {
    boolean vector = statements.equals("vector");
    if (!vector && !statements.equals("other")) {
      throw new IllegalArgumentException("statements: vector or other, not " + statements);
    }
    List<SqlCorpus.Statement> corpus = SqlCorpus.generate(vector, POOL, vector ? 20_251_125L : 1_125L);
    sql = new String[POOL];
    dialects = new SqlDialect[POOL];
    for (int i = 0; i < POOL; i++) {
      sql[i] = corpus.get(i).sql;
      dialects[i] = corpus.get(i).dialect;
      VectorSql.Kind kind = VectorSqlClassifier.classify(sql[i], dialects[i]).kind();
      if ((kind == VectorSql.Kind.VECTOR_SEARCH) != vector) {
        throw new IllegalStateException("classified as " + kind + " in " + dialects[i] + ":\n" + sql[i]);
      }
    }

    cache = new VectorSqlCache();
    cachedSql = sql[0];
    cache.classify(cachedSql, SqlDialect.OTHER);
    // Characters, not strings: each miss builds a new String, whose hash is not yet computed, as an
    // application building SQL with inlined values does.
    List<SqlCorpus.Statement> misses = SqlCorpus.generate(vector, MISS_POOL, vector ? 7L : 8L);
    missChars = new char[MISS_POOL][];
    for (int i = 0; i < MISS_POOL; i++) {
      missChars[i] = misses.get(i).sql.toCharArray();
    }
  }

  /** {@code VectorSqlClassifier.classify} of a statement not classified just before: the first-classification cost. */
  @Benchmark
  public VectorSql classifyNew() {
    int i = next;
    next = (i + 1) & (POOL - 1);
    return VectorSqlClassifier.classify(sql[i], dialects[i]);
  }

  /**
   * What the agent pays on every execution of a statement it has seen: a {@link VectorSqlCache} hit for
   * the same {@code String} (a constant, as prepared SQL usually is, so its hash is cached).
   */
  @Benchmark
  public VectorSql cacheHit() {
    return cache.classify(cachedSql, SqlDialect.OTHER);
  }

  /**
   * What the agent pays for SQL it has never seen, through the cache as the agent calls it: a new
   * {@code String} built from the characters (included in the figure), hashed, looked up, classified
   * and inserted, with the cache's periodic clear when it is full.
   */
  @Benchmark
  public VectorSql cacheMiss() {
    int i = nextMiss;
    nextMiss = i + 1 == MISS_POOL ? 0 : i + 1;
    return cache.classify(new String(missChars[i]), SqlDialect.OTHER);
  }
}

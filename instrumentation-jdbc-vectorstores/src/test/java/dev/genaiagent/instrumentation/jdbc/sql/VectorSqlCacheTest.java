package dev.genaiagent.instrumentation.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VectorSqlCacheTest {
  private static final String SEARCH = "SELECT id, embedding <=> ? AS distance FROM items ORDER BY distance LIMIT ?";

  @Test
  void aHitReturnsTheSameInstance() {
    VectorSqlCache cache = new VectorSqlCache();
    VectorSql first = cache.classify(SEARCH, SqlDialect.POSTGRESQL);
    assertThat(first.kind()).isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    assertThat(cache.classify(SEARCH, SqlDialect.POSTGRESQL)).isSameAs(first);
    // an equal string, not the same instance, still hits
    assertThat(cache.classify(new String(SEARCH.toCharArray()), SqlDialect.POSTGRESQL)).isSameAs(first);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void eachDialectHasItsOwnAnswer() {
    VectorSqlCache cache = new VectorSqlCache();
    String sql = "SELECT id FROM t ORDER BY a <=> b LIMIT 3";
    VectorSql postgres = cache.classify(sql, SqlDialect.POSTGRESQL);
    VectorSql mariadb = cache.classify(sql, SqlDialect.MARIADB);
    assertThat(postgres.kind()).isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    assertThat(mariadb).isSameAs(VectorSql.OTHER);
    assertThat(cache.classify(sql, SqlDialect.POSTGRESQL)).isSameAs(postgres);
    assertThat(cache.classify(sql, SqlDialect.MARIADB)).isSameAs(mariadb);
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void nullsNeverThrow() {
    VectorSqlCache cache = new VectorSqlCache();
    assertThat(cache.classify(null, SqlDialect.POSTGRESQL)).isSameAs(VectorSql.OTHER);
    assertThat(cache.classify(SEARCH, null).kind()).isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void staysWithinItsEntryBound() {
    VectorSqlCache cache = new VectorSqlCache(100, 16 * 1024, 1 << 20);
    for (int i = 0; i < 5_000; i++) {
      String sql = i % 2 == 0
          ? "SELECT id FROM items WHERE tenant = " + i + " ORDER BY embedding <-> ? LIMIT 5"
          : "SELECT name FROM users WHERE id = " + i;
      VectorSql result = cache.classify(sql, SqlDialect.POSTGRESQL);
      assertThat(result.kind()).isEqualTo(i % 2 == 0 ? VectorSql.Kind.VECTOR_SEARCH : VectorSql.Kind.OTHER);
      assertThat(cache.size()).isLessThanOrEqualTo(100);
    }
    assertThat(cache.size()).isPositive();
  }

  @Test
  void staysWithinItsCharacterBound() {
    VectorSqlCache cache = new VectorSqlCache(10_000, 16 * 1024, 10_000);
    String padding = " ".repeat(1_000);
    for (int i = 0; i < 200; i++) {
      cache.classify("SELECT " + i + padding, SqlDialect.POSTGRESQL);
      assertThat(cache.size()).isLessThanOrEqualTo(10);
    }
  }

  @Test
  void longStatementsAreClassifiedButNotKept() {
    VectorSqlCache cache = new VectorSqlCache(100, 200, 1 << 20);
    String longSearch = SEARCH + " -- " + "x".repeat(300);
    VectorSql first = cache.classify(longSearch, SqlDialect.POSTGRESQL);
    VectorSql second = cache.classify(longSearch, SqlDialect.POSTGRESQL);
    assertThat(first.kind()).isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    assertThat(second).isEqualTo(first).isNotSameAs(first);
    assertThat(cache.size()).isZero();
  }

  @Test
  void concurrentUseGivesConsistentAnswers() throws Exception {
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      switch (i % 4) {
        case 0:
          statements.add("SELECT id, embedding <=> ? AS d FROM docs_" + i + " ORDER BY d LIMIT " + (i % 17 + 1));
          break;
        case 1:
          statements.add("SET hnsw.ef_search = " + i);
          break;
        case 2:
          statements.add("SELECT id FROM t WHERE a <=> b AND x = " + i);
          break;
        default:
          statements.add("UPDATE t SET n = " + i);
      }
    }
    SqlDialect[] dialects = {SqlDialect.POSTGRESQL, SqlDialect.MARIADB, SqlDialect.OTHER};
    Map<String, VectorSql> expected = new ConcurrentHashMap<>();
    for (String sql : statements) {
      for (SqlDialect d : dialects) {
        expected.put(d + sql, VectorSqlClassifier.classify(sql, d));
      }
    }
    int threads = 8;
    int maxEntries = 64; // far fewer than the 900 statement/dialect pairs: the cache clears often
    VectorSqlCache cache = new VectorSqlCache(maxEntries, 16 * 1024, 1 << 20);
    AtomicInteger mismatches = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = t;
        futures.add(pool.submit(() -> {
          Random random = new Random(seed);
          start.await();
          for (int i = 0; i < 20_000; i++) {
            String sql = statements.get(random.nextInt(statements.size()));
            SqlDialect d = dialects[random.nextInt(dialects.length)];
            if (!cache.classify(sql, d).equals(expected.get(d + sql))) {
              mismatches.incrementAndGet();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(mismatches).hasValue(0);
    // Measured once the threads are done: ConcurrentHashMap.clear() subtracts what it removed only
    // when it returns, so size() read during concurrent clears over-reports. Bounds are checked
    // before inserting, so each thread may add one entry beyond them.
    assertThat(cache.size()).isLessThanOrEqualTo(maxEntries + threads);
  }
}

package dev.genaiagent.instrumentation.jdbc.sql;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.Nullable;

/**
 * Remembers classifications, since applications run the same prepared SQL over and over. A hit is one
 * lock-free {@link ConcurrentHashMap#get} on the SQL string (whose hash the string caches), in a map of
 * its own per dialect so no key object is built: tens of nanoseconds.
 *
 * <p>Memory is bounded three ways: statements longer than {@code maxSqlLength} are classified but not
 * kept, and the cache holds at most {@code maxEntries} statements and {@code maxTotalChars} characters.
 * When either bound is reached the whole cache is cleared. An application has a small fixed set of
 * prepared statements, so overflowing means SQL with inlined values, which never repeats: keeping the
 * "right" entries gains nothing there, and a clear costs O(1) per insertion amortized and needs neither
 * locks nor access-order bookkeeping on the hit path (an LRU would write on every hit). Under
 * concurrency the bounds are checked before inserting, so threads inserting at the same moment may
 * each add one entry beyond them.
 */
public final class VectorSqlCache {
  public static final int DEFAULT_MAX_ENTRIES = 2048;
  public static final int DEFAULT_MAX_SQL_LENGTH = 16 * 1024;
  public static final long DEFAULT_MAX_TOTAL_CHARS = 4L * 1024 * 1024;

  private static final SqlDialect[] DIALECTS = SqlDialect.values();

  private final Shard[] shards = new Shard[DIALECTS.length];
  private final int maxEntries;
  private final int maxSqlLength;
  private final long maxTotalChars;
  private final AtomicInteger entries = new AtomicInteger();
  private final AtomicLong chars = new AtomicLong();

  private static final class Shard {
    final ConcurrentHashMap<String, VectorSql> map = new ConcurrentHashMap<>();
  }

  public VectorSqlCache() {
    this(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_SQL_LENGTH, DEFAULT_MAX_TOTAL_CHARS);
  }

  public VectorSqlCache(int maxEntries, int maxSqlLength, long maxTotalChars) {
    this.maxEntries = Math.max(1, maxEntries);
    this.maxSqlLength = Math.max(0, maxSqlLength);
    this.maxTotalChars = Math.max(1, maxTotalChars);
    for (int i = 0; i < shards.length; i++) {
      shards[i] = new Shard();
    }
  }

  /** Same answer as {@link VectorSqlClassifier#classify}; never throws. */
  public VectorSql classify(@Nullable String sql, @Nullable SqlDialect dialect) {
    if (sql == null) {
      return VectorSql.OTHER;
    }
    SqlDialect d = dialect == null ? SqlDialect.OTHER : dialect;
    ConcurrentHashMap<String, VectorSql> map = shards[d.ordinal()].map;
    VectorSql hit = map.get(sql);
    if (hit != null) {
      return hit;
    }
    VectorSql result = VectorSqlClassifier.classify(sql, d);
    int length = sql.length();
    if (length <= maxSqlLength) {
      try {
        if (entries.get() >= maxEntries || chars.get() + length > maxTotalChars) {
          clear();
        }
        if (map.putIfAbsent(sql, result) == null) {
          entries.incrementAndGet();
          chars.addAndGet(length);
        }
      } catch (Throwable t) {
        // OutOfMemoryError while growing the map: answer without caching
      }
    }
    return result;
  }

  /** Forgets every classification. */
  public void clear() {
    // Counters first: a put racing the clear is then counted even if the clear removes it (an
    // over-count, which only brings the next clear closer), never kept uncounted.
    entries.set(0);
    chars.set(0);
    for (Shard shard : shards) {
      shard.map.clear();
    }
  }

  /** Statements held, for tests and diagnostics. */
  public int size() {
    int n = 0;
    for (Shard shard : shards) {
      n += shard.map.size();
    }
    return n;
  }
}

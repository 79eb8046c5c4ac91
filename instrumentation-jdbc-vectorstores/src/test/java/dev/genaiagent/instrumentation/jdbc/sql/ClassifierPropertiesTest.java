package dev.genaiagent.instrumentation.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Properties over seeded random inputs (no library: a failure prints the seed's input, and the same
 * seed reproduces it). Calls {@link VectorSqlClassifier#classifyOrThrow}, without the catch-all of
 * {@code classify}, so an exception inside the classifier fails the test instead of reading as OTHER.
 */
class ClassifierPropertiesTest {
  private static final SqlDialect[] DIALECTS = SqlDialect.values();
  /** Loose: a linear scan of 1 MiB takes milliseconds; only a quadratic one gets near this. */
  private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(2);

  private static final String[] FRAGMENTS = {
    "'", "''", "\"", "`", "[", "]", "$$", "$a$", "$1", "--", "-- x\n", "#", "/*", "*/", "/* c */", "\n", "\\",
    "E'", "N'", "q'[", "<->", "<=>", "<#>", "<+>", "<~>", "<%>", "<", ">", "(", ")", "((", "))", "?", "??",
    "?|", "?&", "||", ";", ",", ".", "::", ":1", ":=", "@qv", "@@session.", "*", "-", "=", "1", "42", "-1",
    "1.5e3", "id", "embedding", "SELECT ", "select ", "WITH ", " AS ", " FROM ", " WHERE ", " JOIN ",
    " ORDER BY ", " LIMIT ", " OFFSET ", " FETCH APPROX FIRST ", " ROWS ONLY", " TOP (", " k = ", " MATCH ",
    "VECTOR_SEARCH(", "TABLE = ", "TOP_N = ", "SIMILAR_TO = ", "VECTOR_DISTANCE(", "'cosine'", "COSINE",
    "cosine_distance(", "array_cosine_similarity(", "VEC_DISTANCE(", "set_config(", "SET ", "RESET ",
    "hnsw.ef_search", "mhnsw_ef_search", " TO ", "DEFAULT", " UNION ", "INSERT ", "DISTINCT ON (",
    " OVER (", "é", "\u0000", "\u00a0", "\uD83D\uDE00", "\uD800", "\uFFFF", "\u2028",
  };

  @Test
  void randomJunkNeverThrowsAndFinishesQuickly() {
    Random random = new Random(20240607L);
    long worst = 0;
    for (int i = 0; i < 30_000; i++) {
      String sql = i % 3 == 0 ? randomChars(random, random.nextInt(300)) : randomFragments(random, random.nextInt(120));
      SqlDialect dialect = DIALECTS[random.nextInt(DIALECTS.length)];
      long start = System.nanoTime();
      VectorSql result = classifyOrFail(sql, dialect);
      worst = Math.max(worst, System.nanoTime() - start);
      assertConsistent(result, sql);
    }
    assertThat(worst).as("slowest call (ns)").isLessThan(BOUND_NANOS);
  }

  @Test
  void textInsideLiteralsCommentsAndQuotedNamesIsNeverASearch() {
    Random random = new Random(7L);
    int checked = 0;
    for (int i = 0; i < 20_000; i++) {
      SqlDialect dialect = DIALECTS[random.nextInt(DIALECTS.length)];
      List<String> markers = markers(dialect);
      String marker = markers.get(random.nextInt(markers.size()));
      List<Wrapper> wrappers = wrappers(dialect);
      Wrapper wrapper = wrappers.get(random.nextInt(wrappers.size()));
      String filler = randomFragmentsWithout(random, random.nextInt(4), wrapper);
      String wrapped = wrapper.wrap(random.nextBoolean() ? marker + filler : filler + marker);
      String template = wrapper.comment
          ? COMMENT_TEMPLATES[random.nextInt(COMMENT_TEMPLATES.length)]
          : EXPRESSION_TEMPLATES[random.nextInt(EXPRESSION_TEMPLATES.length)];
      String sql = template.replace("%s", wrapped);
      assertThat(classifyOrFail(sql, dialect).kind()).as("%s: %s", dialect, sql)
          .isNotEqualTo(VectorSql.Kind.VECTOR_SEARCH);
      // control: the same marker, unwrapped, makes the same statement a search
      if (!wrapper.comment) {
        String bare = template.replace("%s", marker);
        assertThat(classifyOrFail(bare, dialect).kind()).as("control %s: %s", dialect, bare)
            .isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
      }
      checked++;
    }
    assertThat(checked).isEqualTo(20_000);
  }

  @Test
  void whitespaceAndCommentsBetweenTokensChangeNothing() {
    List<Search> corpus = Stream.of(
            PgvectorClassificationTest.readme(), PgvectorClassificationTest.functions(),
            PgvectorClassificationTest.jdbc(), MariaDbClassificationTest.cases(),
            OracleClassificationTest.cases(), SqlServerClassificationTest.cases(),
            DuckDbClassificationTest.cases(), SqliteVecClassificationTest.cases(),
            ClickHouseClassificationTest.cases())
        .flatMap(s -> s)
        .collect(Collectors.toList());
    assertThat(corpus).hasSizeGreaterThan(90);
    Random random = new Random(99L);
    for (Search search : corpus) {
      VectorSql original = VectorSqlClassifier.classify(search.sql, search.dialect);
      assertThat(original.kind()).as(search.sql).isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
      for (int round = 0; round < 25; round++) {
        String mutated = sprinkle(search.sql, search.dialect, random);
        assertThat(classifyOrFail(mutated, search.dialect)).as("%s: %s", search.dialect, mutated)
            .isEqualTo(original);
      }
    }
  }

  @Test
  void largeStatementsAreClassifiedWithinABound() {
    StringBuilder vector = new StringBuilder("[");
    for (int i = 0; vector.length() < 200_000; i++) {
      vector.append(i == 0 ? "" : ",").append(0.001 * i);
    }
    vector.append(']');
    // a 200 KB pgvector literal, a 200 KB DuckDB array (thousands of tokens), a 200 KB IN list
    assertSearch("SELECT id, embedding <=> '" + vector + "' AS d FROM items ORDER BY d LIMIT 5", SqlDialect.POSTGRESQL, 5);
    assertSearch("SELECT id FROM t ORDER BY array_cosine_distance(vec, " + vector + "::FLOAT[3]) LIMIT 4", SqlDialect.DUCKDB, 4);
    assertSearch("SELECT id FROM items WHERE id IN (" + vector.substring(1, vector.length() - 1)
        + ") ORDER BY embedding <-> ? LIMIT 3", SqlDialect.POSTGRESQL, 3);

    int size = VectorSqlClassifier.MAX_SQL_LENGTH;
    String overCap = "SELECT id FROM items ORDER BY embedding <-> ? LIMIT 5 " + "x".repeat(size);
    long start = System.nanoTime();
    assertThat(VectorSqlClassifier.classify(overCap, SqlDialect.POSTGRESQL)).isSameAs(VectorSql.OTHER);
    assertThat(System.nanoTime() - start).isLessThan(BOUND_NANOS);

    // pathological inputs just under the cap: each scanned to the end in linear time
    List<String> inputs = Arrays.asList(
        "SELECT " + "(".repeat(size - 100) + "e <-> ?",
        "SELECT id FROM t WHERE " + "(SELECT ".repeat((size - 100) / 8) + "e <-> ?",
        "SELECT " + "1 - (".repeat((size - 100) / 5) + "e <=> ?",
        "SELECT /*" + "/*".repeat((size - 100) / 2),
        "SELECT " + "$a$ ".repeat((size - 100) / 4),
        "SELECT " + "' ".repeat((size - 100) / 2),
        "SELECT " + "?, ".repeat((size - 100) / 3) + "e <-> ?",
        "SELECT e " + "<-> e ".repeat((size - 100) / 6),
        "SELECT " + "a, ".repeat((size - 100) / 3) + "cosine_distance(e, ?) AS d FROM t",
        "SELECT 1; ".repeat((size - 100) / 10) + "SELECT id FROM t ORDER BY e <-> ? LIMIT 1",
        "WITH " + "x AS (SELECT 1), ".repeat((size - 100) / 20) + "SELECT * FROM x",
        "SET " + "hnsw.ef_search = 1, ".repeat((size - 100) / 21),
        "SELECT " + "a.".repeat((size - 100) / 2) + "b FROM t ORDER BY e <-> ?",
        "SELECT id FROM t WHERE x = '" + "''".repeat((size - 100) / 2) + "' ORDER BY e <-> ?");
    for (String sql : inputs) {
      assertThat(sql.length()).isLessThanOrEqualTo(size);
      for (SqlDialect dialect : new SqlDialect[] {SqlDialect.POSTGRESQL, SqlDialect.MARIADB, SqlDialect.SQLSERVER}) {
        long t0 = System.nanoTime();
        assertConsistent(classifyOrFail(sql, dialect), sql);
        assertThat(System.nanoTime() - t0).as("%s: %s...", dialect, sql.substring(0, 40)).isLessThan(BOUND_NANOS);
      }
    }
    VectorSql last = VectorSqlClassifier.classify(inputs.get(9), SqlDialect.POSTGRESQL);
    assertThat(last.kind()).isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    assertThat(last.topK()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ helpers

  private static void assertSearch(String sql, SqlDialect dialect, long topK) {
    long start = System.nanoTime();
    VectorSql result = classifyOrFail(sql, dialect);
    assertThat(System.nanoTime() - start).isLessThan(BOUND_NANOS);
    assertThat(result.kind()).isEqualTo(VectorSql.Kind.VECTOR_SEARCH);
    assertThat(result.topK()).isEqualTo(topK);
  }

  private static VectorSql classifyOrFail(String sql, SqlDialect dialect) {
    try {
      return VectorSqlClassifier.classifyOrThrow(sql, dialect);
    } catch (Throwable t) {
      throw new AssertionError("classifier threw on " + dialect + ": " + abbreviate(sql), t);
    }
  }

  /** Invariants any result keeps, whatever the input. */
  private static void assertConsistent(VectorSql result, String sql) {
    if (result.kind() == VectorSql.Kind.OTHER) {
      assertThat(result).as(abbreviate(sql)).isSameAs(VectorSql.OTHER);
      return;
    }
    long questionMarks = sql.chars().filter(c -> c == '?').count();
    int[] params = result.vectorParameters();
    for (int i = 0; i < params.length; i++) {
      assertThat(params[i]).isPositive().isLessThanOrEqualTo((int) questionMarks);
      if (i > 0) {
        assertThat(params[i]).isGreaterThan(params[i - 1]);
      }
    }
    assertThat(result.topK()).isGreaterThanOrEqualTo(-1);
    assertThat(result.topKParameter()).isBetween(0, (int) questionMarks);
    assertThat(result.scoreColumnIndex()).isNotNegative();
    if (result.kind() == VectorSql.Kind.SESSION_SETTINGS) {
      assertThat(result.settings()).isNotEmpty();
    }
  }

  private static String abbreviate(String sql) {
    return sql.length() > 300 ? sql.substring(0, 300) + "..." : sql;
  }

  private static String randomChars(Random random, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) (32 + random.nextInt(95)));
    }
    return b.toString();
  }

  private static String randomFragments(Random random, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      b.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
      if (random.nextInt(3) == 0) {
        b.append(' ');
      }
    }
    return b.toString();
  }

  /** Filler that cannot end the wrapper early (no quotes, comment ends or newlines). */
  private static String randomFragmentsWithout(Random random, int count, Wrapper wrapper) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String f = FRAGMENTS[random.nextInt(FRAGMENTS.length)];
      if (f.chars().noneMatch(c -> "'\"`[]$*/\n\\#\u2028-".indexOf(c) >= 0)) {
        b.append(' ').append(f);
      }
    }
    return b.toString();
  }

  private static final String[] EXPRESSION_TEMPLATES = {
    "SELECT id, %s AS x FROM t WHERE a = 1",
    "SELECT id FROM t WHERE name = %s ORDER BY id LIMIT 3",
    "SELECT %s FROM t",
  };

  private static final String[] COMMENT_TEMPLATES = {
    "SELECT id %s FROM t WHERE a = 1",
    "SELECT id FROM t WHERE x = ? %s ORDER BY id LIMIT 3",
    "%s SELECT 1",
  };

  private static List<String> markers(SqlDialect dialect) {
    List<String> markers = new ArrayList<>(Arrays.asList(
        "cosine_distance(embedding, ?)", "l2_distance(e, '[1,2]')", "VEC_DISTANCE_COSINE(v, VEC_FromText(?))",
        "VECTOR_DISTANCE(e, ?, COSINE)", "array_cosine_similarity(v, ?)", "vec_distance_l2(e, ?)",
        "L2Distance(e, [0.1, 0.2])", "dotProduct(e, ?)", "inner_product(e, ?)"));
    if (dialect == SqlDialect.POSTGRESQL || dialect == SqlDialect.ORACLE || dialect == SqlDialect.OTHER) {
      markers.addAll(Arrays.asList("embedding <-> ?", "embedding <=> '[1,2,3]'", "e <#> ?", "e <+> ?",
          "e <~> '101'", "e <%> ?", "?::vector(3) <-> e"));
    }
    return markers;
  }

  /** One way of making text opaque; {@code comment} ones may stand anywhere between tokens. */
  private static final class Wrapper {
    final String open;
    final String close;
    final String quote;
    final String escapedQuote;
    final boolean comment;

    Wrapper(String open, String close, String quote, String escapedQuote, boolean comment) {
      this.open = open;
      this.close = close;
      this.quote = quote;
      this.escapedQuote = escapedQuote;
      this.comment = comment;
    }

    String wrap(String text) {
      return open + (quote == null ? text : text.replace(quote, escapedQuote)) + close;
    }
  }

  private static List<Wrapper> wrappers(SqlDialect dialect) {
    List<Wrapper> w = new ArrayList<>();
    w.add(new Wrapper("'", "'", "'", "''", false));
    w.add(new Wrapper("/* ", " */", null, null, true));
    w.add(new Wrapper(" -- ", "\n", null, null, true));
    if (dialect != SqlDialect.MARIADB) {
      w.add(new Wrapper("\"", "\"", "\"", "\"\"", false));
    }
    switch (dialect) {
      case POSTGRESQL:
      case DUCKDB:
      case OTHER:
        w.add(new Wrapper("E'", "'", "'", "\\'", false));
        w.add(new Wrapper("$$", "$$", null, null, false));
        w.add(new Wrapper("$body$", "$body$", null, null, false));
        w.add(new Wrapper("/* outer /* nested */ ", " */", null, null, true));
        break;
      case MARIADB:
        w.add(new Wrapper("'", "'", "'", "\\'", false));
        w.add(new Wrapper("`", "`", "`", "``", false));
        w.add(new Wrapper(" # ", "\n", null, null, true));
        break;
      case SQLSERVER:
        w.add(new Wrapper("[", "]", "]", "]]", false));
        w.add(new Wrapper("N'", "'", "'", "''", false));
        break;
      case SQLITE:
        w.add(new Wrapper("[", "]", "]", "]]", false));
        w.add(new Wrapper("`", "`", "`", "``", false));
        break;
      case ORACLE:
        w.add(new Wrapper("q'{", "}'", null, null, false));
        break;
      default:
        break;
    }
    return w;
  }

  private static final String[] TRIVIA = {
    " ", "  ", "\t", "\n", "\r\n", " /* c */ ", " /**/ ", " -- c\n", " /* <-> cosine_distance(a, ?) ? ; */ ",
  };

  /**
   * Replaces the whitespace between tokens, and adds some around parentheses and commas, with random
   * whitespace and comments; literals, quoted names and comments are copied unchanged.
   */
  static String sprinkle(String sql, SqlDialect dialect, Random random) {
    boolean nests = dialect != SqlDialect.MARIADB && dialect != SqlDialect.ORACLE && dialect != SqlDialect.SQLITE;
    boolean brackets = dialect == SqlDialect.SQLSERVER || dialect == SqlDialect.SQLITE;
    boolean backslashes = dialect == SqlDialect.MARIADB || dialect == SqlDialect.CLICKHOUSE;
    StringBuilder out = new StringBuilder();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      int end = -1;
      if (c == '\'' || c == '"' || c == '`' || (c == '[' && brackets)) {
        char close = c == '[' ? ']' : c;
        end = i + 1;
        while (end < n) {
          char d = sql.charAt(end);
          if (backslashes && d == '\\') {
            end += 2;
          } else if (d == close && end + 1 < n && sql.charAt(end + 1) == close) {
            end += 2;
          } else if (d == close) {
            end++;
            break;
          } else {
            end++;
          }
        }
      } else if ((c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') || (c == '#' && dialect == SqlDialect.MARIADB)) {
        end = sql.indexOf('\n', i) < 0 ? n : sql.indexOf('\n', i) + 1; // the newline ends the comment: keep it
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        end = sql.indexOf("*/", i) < 0 ? n : sql.indexOf("*/", i) + 2;
      }
      if (end >= 0) {
        out.append(sql, i, Math.min(end, n));
        i = Math.min(end, n);
      } else if (Character.isWhitespace(c)) {
        while (i < n && Character.isWhitespace(sql.charAt(i))) {
          i++;
        }
        out.append(trivia(random, dialect, nests));
      } else if (c == '(' || c == ')' || c == ',') {
        if (random.nextInt(3) == 0) {
          out.append(trivia(random, dialect, nests));
        }
        out.append(c);
        if (random.nextInt(3) == 0) {
          out.append(trivia(random, dialect, nests));
        }
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String trivia(Random random, SqlDialect dialect, boolean nests) {
    int pick = random.nextInt(TRIVIA.length + 2);
    if (pick == TRIVIA.length) {
      return nests ? " /* a /* <=> */ b */ " : " ";
    }
    if (pick == TRIVIA.length + 1) {
      return dialect == SqlDialect.MARIADB ? " # <-> ?\n" : "\n\n";
    }
    return TRIVIA[pick];
  }

  @Test
  void sprinkleLeavesLiteralsAlone() {
    String sql = "SELECT 'a b', \"c d\" FROM t WHERE x = 'it''s (x)' -- e f\n";
    Random random = new Random(1);
    for (int i = 0; i < 50; i++) {
      String mutated = sprinkle(sql, SqlDialect.POSTGRESQL, random);
      assertThat(mutated).contains("'a b'", "\"c d\"", "'it''s (x)'", "-- e f");
    }
    if (sprinkle("SELECT a", SqlDialect.POSTGRESQL, new Random(2)).equals("SELECT a")) {
      fail("sprinkle must replace whitespace");
    }
  }
}

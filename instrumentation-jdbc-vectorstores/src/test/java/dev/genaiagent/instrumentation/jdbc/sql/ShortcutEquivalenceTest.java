package dev.genaiagent.instrumentation.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The classifier's shortcuts ({@link MarkerCandidates} instead of lexing, tokens passed over by
 * {@link SqlLexer#skipQuiet}, the word tables of {@link CaseInsensitiveWords}) are only faster: every
 * answer is the one of reading every token. Seeded inputs, so a failure is reproducible.
 */
class ShortcutEquivalenceTest {
  private static final SqlDialect[] DIALECTS = SqlDialect.values();

  /** Pieces that exercise what the shortcuts skip, stop at or must not miss. */
  private static final String[] PIECES = {
    "SELECT ", "select ", "WITH ", " AS ", " AS MATERIALIZED ", " FROM ", " from ", " WHERE ", " JOIN ", " ON ",
    " ORDER BY ", " LIMIT ", " limit ", " OFFSET ", " FETCH FIRST 5 ROWS ONLY", " FETCH APPROX FIRST ", " UNION ",
    " UNION ALL SELECT ", " GROUP BY ", " HAVING ", " INTO ", " FOR ", " RETURNING ", " IS DISTINCT FROM ",
    " TOP (3) ", " k = 4", " K = ?", " k ", " MATCH ?", " match ", "Match", " matches ", "$m$match$m$",
    "INSERT ", "UPDATE ", "DELETE ", "MERGE ", " AND ", " OR ", " IN (", " IS NULL", " NOT ", " = ", " <> ",
    " >= ", " <= ", "<->", "<=>", "<#>", "<+>", "<~>", "<%>", "< ->", "(", ")", "((", "))", "(?)", ",", ", ",
    "?", "??", "?|", "?&", "::vector", "::FLOAT[3]", "CAST(? AS vector(3))", "[", "]", "[1, -2, 3.5]",
    "1", "-1", "1.5e-3", ".5", "1e", "'a'", "'it''s'", "''", "'a\\'b'", "E'x\\'y'", "N'x'", "q'[a'b]'",
    "\"Name\"", "`col`", "[dbo].[t]", "$$x$$", "$tag$ (x) $tag$", "$1", ":name", "@v", "@@session.x", "--",
    "-- c\n", "# c\n", "/* c */", "/* (cosine_distance( */", "/*", "*/", "\n", "\t", " ", ";", "; ",
    "cosine_distance(", "cosine_distance (", "cosine_distance /* c */ (", "cosine_distance -- c\n(",
    "COSINE_DISTANCE(", "L2Distance(", "dotProduct(", "vec_distance_cosine(", "VECTOR_DISTANCE(",
    "VECTOR_DISTANCE('cosine', ", "VECTOR_SEARCH(TABLE = t, COLUMN = e, SIMILAR_TO = ?, METRIC = 'cosine', TOP_N = 5)",
    "array_cosine_similarity(", "set_config('hnsw.ef_search', '40', true)", "inner_product", "distance",
    " OVER (", "1 - (", "-(", "x.y", "d.status", "e", "embedding", "id", "score", "t", "docs", "tenant_id",
    "ſelect ", "\u212A = 3", "İN (", "ınner_product(", "coſine_diſtance(", "é", "\u0000", "\uFFFF",
  };

  @Test
  void shortcutsChangeNoAnswer() {
    List<String> corpus = corpus();
    Random random = new Random(20251125L);
    List<String> inputs = new ArrayList<>(corpus);
    for (int i = 0; i < 6_000; i++) {
      inputs.add(randomPieces(random, 1 + random.nextInt(60)));
    }
    for (int i = 0; i < 4_000; i++) {
      inputs.add(mutate(corpus.get(random.nextInt(corpus.size())), random));
    }
    for (int i = 0; i < 300; i++) {
      inputs.add(longSearch(random));
    }
    for (int i = 0; i < 300; i++) {
      inputs.add(inlinedVectorSearch(random));
    }
    // a list of numbers read again after the skip went back to a parenthesis, a comment in it
    inputs.add("SELECT id, cosineDistance(e, [1, 2]) AS d FROM t WHERE x IN (1, 2, 3 -- 4, ?\n, 5, 6, 7,"
        + " (SELECT 1)) AND y IN (8, 9 -- , ?\n, 10, (SELECT 2)) AND z = ? ORDER BY d LIMIT ?");
    inputs.add("SELECT id, e <-> ? AS d FROM t WHERE x IN (1, 2, (3, 4, -- 5, 6 ?\n 7, 8, LIMIT), 9, 10)"
        + " AND y IN (11, 12, 13, (SELECT 14 FROM u LIMIT 1), 15) ORDER BY d LIMIT ?");
    int searches = 0;
    for (String sql : inputs) {
      for (SqlDialect dialect : DIALECTS) {
        VectorSql fast = classify(sql, dialect, true);
        assertThat(fast).as("%s: %s", dialect, sql).isEqualTo(classify(sql, dialect, false));
        if (fast.kind() == VectorSql.Kind.VECTOR_SEARCH) {
          searches++;
        }
      }
    }
    assertThat(searches).as("searches among the inputs").isGreaterThan(inputs.size());
  }

  @Test
  void wordTablesAnswerAsRegionMatches() {
    char[] alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$0123456789ſıİ\u212Aé".toCharArray();
    List<String> known = new ArrayList<>(Arrays.asList(Keywords.NAMES).subList(1, Keywords.NAMES.length));
    known.addAll(Arrays.asList(VectorVocabulary.functionNames()));
    Random random = new Random(11L);
    for (int i = 0; i < 200_000; i++) {
      String word;
      if (random.nextBoolean()) {
        // a known word with some letters in the other case or swapped for a look-alike
        StringBuilder b = new StringBuilder(known.get(random.nextInt(known.size())));
        for (int j = 0; j < b.length(); j++) {
          int pick = random.nextInt(8);
          if (pick == 0) {
            b.setCharAt(j, Character.toUpperCase(b.charAt(j)));
          } else if (pick == 1) {
            b.setCharAt(j, alphabet[random.nextInt(alphabet.length)]);
          }
        }
        word = b.toString();
      } else {
        char[] w = new char[1 + random.nextInt(12)];
        for (int j = 0; j < w.length; j++) {
          w[j] = alphabet[random.nextInt(alphabet.length)];
        }
        word = new String(w);
      }
      String sql = " " + word + "(";
      int end = 1 + word.length();
      assertThat(Keywords.code(sql, 1, end)).as(word).isEqualTo(keywordByRegionMatches(sql, 1, end));
      VectorVocabulary.Function f = VectorVocabulary.function(sql, 1, end);
      assertThat(f == null ? null : f.name).as(word).isEqualTo(functionByRegionMatches(sql, 1, end));
      String other = known.get(random.nextInt(known.size()));
      String mixed = random.nextBoolean() ? other : word;
      assertThat(CaseInsensitiveWords.regionMatches(sql, 1, mixed)).as("%s ~ %s", word, mixed)
          .isEqualTo(sql.regionMatches(true, 1, mixed, 0, mixed.length()));
    }
  }

  @Test
  void markerCandidatesMissNoMarker() {
    Random random = new Random(3L);
    List<String> corpus = corpus();
    int markers = 0;
    for (int i = 0; i < 8_000; i++) {
      String sql = i % 2 == 0 ? randomPieces(random, 1 + random.nextInt(40))
          : mutate(corpus.get(random.nextInt(corpus.size())), random);
      for (SqlDialect dialect : DIALECTS) {
        SqlLexer lx = new SqlLexer(sql, dialect);
        int before = lx.position(); // where a scan would stand before reading the token
        while (true) {
          int t = lx.next();
          if (t == SqlLexer.EOF) {
            break;
          }
          int trigger = -1;
          if (t == SqlLexer.SEMI || t == SqlLexer.DISTANCE_OP || (t == SqlLexer.WORD && lx.is("match"))) {
            trigger = lx.start;
          } else if (t == SqlLexer.WORD && VectorVocabulary.function(sql, lx.start, lx.end) != null
              && lx.peek() == SqlLexer.LPAREN) {
            trigger = lx.peekStart();
          }
          if (trigger >= 0) {
            markers++;
            int candidate = new MarkerCandidates(sql, lx.hasVectorOperators()).next(before);
            assertThat(candidate).as("%s at %d: %s", dialect, trigger, sql).isLessThanOrEqualTo(trigger);
          }
          before = lx.position();
        }
      }
    }
    assertThat(markers).isGreaterThan(10_000);
  }

  // ------------------------------------------------------------------ helpers

  private static VectorSql classify(String sql, SqlDialect dialect, boolean shortcuts) {
    try {
      return VectorSqlClassifier.classifyOrThrow(sql, dialect, shortcuts);
    } catch (Throwable t) {
      throw new AssertionError("classifier threw on " + dialect + ", shortcuts " + shortcuts + ": " + sql, t);
    }
  }

  /** The SQL of every classification table, in its dialect's and the others'. */
  private static List<String> corpus() {
    Stream<Search> searches = Stream.of(
            PgvectorClassificationTest.readme(), PgvectorClassificationTest.functions(),
            PgvectorClassificationTest.jdbc(), MariaDbClassificationTest.cases(),
            OracleClassificationTest.cases(), SqlServerClassificationTest.cases(),
            DuckDbClassificationTest.cases(), SqliteVecClassificationTest.cases(),
            ClickHouseClassificationTest.cases())
        .flatMap(s -> s);
    Stream<Arguments> arguments = Stream.of(
            NotASearchTest.hiddenInLiteralsCommentsAndNames(), NotASearchTest.notSearches(),
            SessionSettingsTest.settings(), SessionSettingsTest.otherSettings(), LexingRulesTest.placeholders())
        .flatMap(s -> s);
    List<String> sql = searches.map(s -> s.sql).collect(Collectors.toList());
    arguments.forEach(a -> {
      for (Object o : a.get()) {
        if (o instanceof String) {
          sql.add((String) o);
        }
      }
    });
    assertThat(sql).hasSizeGreaterThan(150);
    return sql;
  }

  private static String randomPieces(Random random, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      b.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return b.toString();
  }

  private static String mutate(String sql, Random random) {
    StringBuilder b = new StringBuilder(sql);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(b.length() + 1);
      switch (random.nextInt(4)) {
        case 0:
          b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(6)));
          break;
        case 1:
          if (at < b.length()) {
            char c = b.charAt(at);
            b.setCharAt(at, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
          }
          break;
        default:
          b.insert(at, PIECES[random.nextInt(PIECES.length)]);
          break;
      }
    }
    String mutated = b.toString();
    return random.nextInt(4) == 0
        ? ClassifierPropertiesTest.sprinkle(mutated, DIALECTS[random.nextInt(DIALECTS.length)], random)
        : mutated;
  }

  /** A search with a long WHERE clause and nested conditions, as the skip sees most of it. */
  private static String longSearch(Random random) {
    String[] heads = {
      "WITH c AS (SELECT d.id, d.embedding <=> ?::vector AS distance FROM rag.docs d JOIN rag.t c ON c.id = d.t_id WHERE ",
      "SELECT id, array_cosine_distance(embedding, [0.1, -0.2, 0.3]::FLOAT[3]) AS distance FROM docs WHERE ",
      "SELECT TOP (10) d.id, VECTOR_DISTANCE('cosine', d.embedding, CAST(? AS VECTOR(3))) AS distance FROM dbo.[docs] d WHERE ",
      "SELECT id, VEC_DISTANCE_COSINE(embedding, VEC_FromText(?)) AS d FROM `docs` WHERE ",
      "SELECT id, distance FROM vec_docs WHERE embedding MATCH ? AND ",
      "SELECT (2 - (embedding <=> '[1,2,3]')) / 2 AS score, id FROM docs WHERE ",
    };
    String[] conditions = {
      "d.status = 'alpha'", "d.priority >= 17", "d.region IN ('a', 'b', 'c')", "(d.owner IS NULL OR d.owner <> 'x')",
      "metadata->>'tenant' = 'it''s'", "`tenant` = 'q'", "d.note <> N'n'", "k = 5", "x = ?", "d.id IN (SELECT id FROM u LIMIT 3)",
      "(a = 1 AND (b = 2 OR (c = 3)))", "e <-> ? < 0.5", "title LIKE '%cosine_distance(%'", "/* <-> */ y = 2", "z IS DISTINCT FROM (SELECT 1)",
    };
    String[] tails = {
      " ORDER BY distance LIMIT 50) SELECT id, distance FROM c WHERE distance < 0.3 ORDER BY distance LIMIT 10",
      " ORDER BY distance LIMIT 8", " ORDER BY distance", " ORDER BY d LIMIT 10", " LIMIT 5",
      " ORDER BY score DESC FETCH FIRST 7 ROWS ONLY",
    };
    StringBuilder b = new StringBuilder(heads[random.nextInt(heads.length)]).append("c.tenant = 't'");
    int n = 5 + random.nextInt(60);
    for (int i = 0; i < n; i++) {
      b.append(random.nextInt(5) == 0 ? "\n  OR " : "\n  AND ").append(conditions[random.nextInt(conditions.length)]);
    }
    return b.append(tails[random.nextInt(tails.length)]).toString();
  }

  /**
   * A search with its query vector inlined as an array of numbers (DuckDB, ClickHouse, an
   * {@code ARRAY[...]}), which the skip passes over to its last comma at once; the numbers are now and
   * then written so that they must be read one by one after all (exponents, a word or a placeholder
   * glued on, a comment, a parenthesis).
   */
  private static String inlinedVectorSearch(Random random) {
    String[] calls = {
      "array_cosine_distance(embedding, %s::FLOAT[%d])", "cosineDistance(embedding, %s)", "L2Distance(%s, embedding)",
      "embedding <-> ARRAY%s::vector(%d)", "VECTOR_DISTANCE(embedding, TO_VECTOR('x'), COSINE) + array_length(%s, %d)",
      "vec_distance_l2(embedding, %s)", "array_inner_product(%s, embedding)",
    };
    String[] odd = {
      "1e-3", "1E+5", "2e", "1abc", ".5", "5.", "1..2", "--c\n", "-- c\n", "-- 1, ?\n", "--2, (\n", "-- 3,\n",
      "/* 1, 2 */", "?", "(1)", "(", ")", ",,", " , ", "\t", "\r\n", "-", "- -", "k", "select", "'x'", "$1",
      "?::float", ";", "#", "# 4, ?\n", ", x", ", (", "0x1F",
    };
    int dimensions = 1 + random.nextInt(random.nextBoolean() ? 8 : 400);
    StringBuilder v = new StringBuilder("[");
    for (int d = 0; d < dimensions; d++) {
      if (d > 0) {
        v.append(random.nextInt(3) == 0 ? ",\n  " : random.nextBoolean() ? ", " : ",");
      }
      if (random.nextInt(60) == 0) {
        v.append(odd[random.nextInt(odd.length)]);
      } else {
        v.append(random.nextBoolean() ? "-" : "").append(random.nextInt(3)).append('.').append(random.nextInt(10_000));
      }
    }
    String call = String.format(Locale.ROOT, calls[random.nextInt(calls.length)], v.append(']'), dimensions);
    String sql = "SELECT id, title, " + call + " AS distance FROM docs WHERE tenant = 't' AND n IN (1, 2, -3.5,"
        + " 4) ORDER BY distance LIMIT " + (1 + random.nextInt(20));
    return random.nextInt(4) == 0 ? mutate(sql, random) : sql;
  }

  private static int keywordByRegionMatches(String sql, int start, int end) {
    for (int code = 1; code < Keywords.NAMES.length; code++) {
      String name = Keywords.NAMES[code];
      if (name.length() == end - start && sql.regionMatches(true, start, name, 0, name.length())) {
        return code;
      }
    }
    return Keywords.NONE;
  }

  private static String functionByRegionMatches(String sql, int start, int end) {
    for (String name : VectorVocabulary.functionNames()) {
      if (name.length() == end - start && sql.regionMatches(true, start, name, 0, name.length())) {
        return name;
      }
    }
    return null;
  }
}

package dev.genaiagent.instrumentation.jdbc.sql;

import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.DISTANCE_OP;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.EOF;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.LPAREN;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.RPAREN;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.SEMI;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.WORD;

import dev.genaiagent.instrumentation.jdbc.sql.VectorSql.Setting;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Classifies the SQL of every statement an application executes, so it must be cheap and must never
 * fail: pure, linear in the length of the text, no regular expressions, and any error is caught and
 * answered with {@link VectorSql#OTHER}.
 *
 * <p>Two passes at most over each statement. A cheap scan splits the text at top-level {@code ;} and
 * looks in each SELECT or WITH statement for a distance operator, a distance function call or a
 * sqlite-vec {@code MATCH}; the rare statement that has one is read again by {@link SearchAnalyzer}.
 * The scan lexes only up to the last place {@link MarkerCandidates} finds such a marker or a {@code ;}
 * could be, without lexing: most statements have none, and are answered after a few vectorized
 * {@code indexOf} calls, a non-SELECT statement after its first word. The first statement that is a
 * search wins; otherwise the allow-listed settings of {@code SET}, {@code RESET} and {@code set_config}
 * statements are collected.
 */
public final class VectorSqlClassifier {
  /** Longer statements (bulk inserts, generated IN lists) are not scanned at all. */
  public static final int MAX_SQL_LENGTH = 1 << 20;
  /** Settings kept from one statement string: a generated {@code SET a=1, a=1, ...} stays small. */
  static final int MAX_SETTINGS = 64;

  private VectorSqlClassifier() {}

  /** Never throws; {@code dialect} null is {@link SqlDialect#OTHER}. */
  public static VectorSql classify(@Nullable String sql, @Nullable SqlDialect dialect) {
    if (sql == null || sql.length() > MAX_SQL_LENGTH) {
      return VectorSql.OTHER;
    }
    try {
      return classifyOrThrow(sql, dialect == null ? SqlDialect.OTHER : dialect);
    } catch (Throwable t) {
      return VectorSql.OTHER; // a classifier bug must not reach the application's statement
    }
  }

  /** The classification without the safety net, so tests see a bug as an exception, not as OTHER. */
  static VectorSql classifyOrThrow(String sql, SqlDialect dialect) {
    return classifyOrThrow(sql, dialect, true);
  }

  /**
   * With {@code shortcuts} false, every token is lexed, and every token of a search analyzed, one by
   * one: no {@link MarkerCandidates}, no quiet tokens passed over. Slower, with the same answers, which
   * tests compare.
   */
  static VectorSql classifyOrThrow(String sql, SqlDialect dialect, boolean shortcuts) {
    SqlLexer lx = new SqlLexer(sql, dialect);
    MarkerCandidates candidates = shortcuts ? new MarkerCandidates(sql, lx.hasVectorOperators()) : null;
    List<Setting> settings = null;
    while (true) {
      int statementStart = lx.position();
      int paramsBefore = lx.params();
      int depth = 0;
      int t = lx.next();
      while (t == LPAREN) {
        depth++;
        t = lx.next();
      }
      if (t == EOF) {
        break;
      }
      if (t == WORD) {
        if (lx.is("select") || lx.is("with")) {
          if (hasSearchMarker(lx, depth, candidates)) {
            lx.reset(statementStart, paramsBefore);
            SearchAnalyzer analyzer = new SearchAnalyzer(lx, dialect, shortcuts);
            VectorSql search = analyzer.analyze();
            if (search != null) {
              return settings == null ? search : search.withSettings(settings);
            }
            for (Setting s : analyzer.settings()) {
              settings = settings == null ? new ArrayList<Setting>(2) : settings;
              if (settings.size() < MAX_SETTINGS) {
                settings.add(s);
              }
            }
          }
          continue;
        }
        if (depth == 0 && dialect != SqlDialect.SQLSERVER) {
          if (lx.is("set")) {
            if (lx.peekIs("statement")) {
              skipPastFor(lx); // MariaDB SET STATEMENT x=1 FOR <statement>: read the statement
            } else {
              settings = SessionSettingsParser.parseSet(lx, settings);
            }
            continue;
          }
          if (lx.is("reset")) {
            settings = SessionSettingsParser.parseReset(lx, settings);
            continue;
          }
        }
        if (depth == 0 && dialect == SqlDialect.SQLSERVER && (lx.is("declare") || lx.is("set"))) {
          skipToQuery(lx);
          continue;
        }
      }
      skipStatement(lx, t, depth, candidates);
    }
    return settings == null || settings.isEmpty() ? VectorSql.OTHER : VectorSql.settings(settings);
  }

  /**
   * Reads to the end of the statement, or stops at the first distance operator, distance function
   * call or {@code MATCH} (true). Also true for {@code set_config(}, which the analyzer collects.
   */
  private static boolean hasSearchMarker(SqlLexer lx, int depth, @Nullable MarkerCandidates candidates) {
    String sql = lx.sql();
    int candidate = -1; // where the next marker or ';' may be: the lexer reads up to there
    while (true) {
      int at = lx.position();
      if (candidates != null && at > candidate) {
        candidate = candidates.next(at);
        if (candidate == MarkerCandidates.NONE) {
          lx.skipToEnd(); // neither a marker nor a ';' in the rest: it is this statement's end
          return false;
        }
      }
      switch (lx.next()) {
        case EOF:
          return false;
        case SEMI:
          if (depth == 0) {
            return false;
          }
          break;
        case LPAREN:
          depth++;
          break;
        case RPAREN:
          if (depth > 0) {
            depth--;
          }
          break;
        case DISTANCE_OP:
          return true;
        case WORD:
          int len = lx.end - lx.start;
          if (len == 5 ? lx.is("match")
              : len >= 10 && VectorVocabulary.function(sql, lx.start, lx.end) != null && lx.peek() == LPAREN) {
            return true;
          }
          break;
        default:
          break;
      }
    }
  }

  private static void skipStatement(SqlLexer lx, int t, int depth, @Nullable MarkerCandidates candidates) {
    while (t != EOF && !(t == SEMI && depth == 0)) {
      if (t == LPAREN) {
        depth++;
      } else if (t == RPAREN && depth > 0) {
        depth--;
      }
      if (candidates != null && candidates.nextSemicolon(lx.position()) == MarkerCandidates.NONE) {
        lx.skipToEnd(); // no ';' left: this statement is the last
        return;
      }
      t = lx.next();
    }
  }

  /** T-SQL needs no {@code ;}: {@code DECLARE @q VECTOR(3) = '[...]' SELECT TOP 5 ...} is two statements. */
  private static void skipToQuery(SqlLexer lx) {
    int depth = 0;
    while (true) {
      int t = lx.next();
      if (t == EOF || (t == SEMI && depth == 0)) {
        return;
      }
      if (t == LPAREN) {
        depth++;
      } else if (t == RPAREN && depth > 0) {
        depth--;
      } else if (t == WORD && depth == 0 && (lx.is("select") || lx.is("with"))) {
        lx.reset(lx.start, lx.params());
        return;
      }
    }
  }

  private static void skipPastFor(SqlLexer lx) {
    int depth = 0;
    while (true) {
      int t = lx.next();
      if (t == EOF || (t == SEMI && depth == 0) || (t == WORD && depth == 0 && lx.is("for"))) {
        return;
      }
      if (t == LPAREN) {
        depth++;
      } else if (t == RPAREN && depth > 0) {
        depth--;
      }
    }
  }
}

package dev.genaiagent.instrumentation.jdbc.sql;

import java.util.Arrays;

/**
 * The keywords the search analysis reacts to, as small int codes so a {@code switch} replaces string
 * comparisons. Deliberately short: a word not listed here may be an alias ({@code rank},
 * {@code score}, {@code k}), so words that only matter in one spot are compared there instead.
 * {@code KeywordsTest} checks that every constant matches its name.
 */
final class Keywords {
  static final int NONE = 0;
  static final int SELECT = 1;
  static final int WITH = 2;
  static final int FROM = 3;
  static final int WHERE = 4;
  static final int GROUP = 5;
  static final int HAVING = 6;
  static final int ORDER = 7;
  static final int LIMIT = 8;
  static final int OFFSET = 9;
  static final int FETCH = 10;
  static final int UNION = 11;
  static final int INTERSECT = 12;
  static final int EXCEPT = 13;
  static final int MINUS = 14;
  static final int WINDOW = 15;
  static final int QUALIFY = 16;
  static final int INTO = 17;
  static final int FOR = 18;
  static final int RETURNING = 19;
  static final int JOIN = 20;
  static final int LATERAL = 21;
  static final int ONLY = 22;
  static final int AS = 23;
  static final int MATERIALIZED = 24;
  static final int MATCH = 25;
  static final int INSERT = 26;
  static final int UPDATE = 27;
  static final int DELETE = 28;
  static final int MERGE = 29;
  static final int DISTINCT = 30;
  static final int ALL = 31;
  static final int ON = 32;
  static final int AND = 33;
  static final int OR = 34;
  static final int NOT = 35;
  static final int WHEN = 36;
  static final int THEN = 37;
  static final int ELSE = 38;
  static final int END = 39;
  static final int NULL = 40;
  static final int TRUE = 41;
  static final int FALSE = 42;
  static final int CASE = 43;
  static final int IS = 44;
  static final int IN = 45;
  static final int LIKE = 46;
  static final int BETWEEN = 47;
  static final int ASC = 48;
  static final int DESC = 49;
  static final int TOP = 50;
  static final int BY = 51;
  static final int USING = 52;
  static final int VALUES = 53;
  static final int SET = 54;

  /** Indexed by code. */
  static final String[] NAMES = {
    null, "select", "with", "from", "where", "group", "having", "order", "limit", "offset", "fetch",
    "union", "intersect", "except", "minus", "window", "qualify", "into", "for", "returning", "join",
    "lateral", "only", "as", "materialized", "match", "insert", "update", "delete", "merge", "distinct",
    "all", "on", "and", "or", "not", "when", "then", "else", "end", "null", "true", "false", "case", "is",
    "in", "like", "between", "asc", "desc", "top", "by", "using", "values", "set",
  };

  private static final CaseInsensitiveWords WORDS =
      new CaseInsensitiveWords(Arrays.copyOfRange(NAMES, 1, NAMES.length));

  private Keywords() {}

  /** The code of the word {@code sql[start, end)} in any case, {@link #NONE} if not listed. */
  static int code(String sql, int start, int end) {
    return WORDS.indexOf(sql, start, end) + 1; // NAMES[0] is NONE's
  }

  /** Words after which a select list item ends even without a comma. */
  static boolean endsSelectList(int code) {
    switch (code) {
      case FROM:
      case WHERE:
      case GROUP:
      case HAVING:
      case ORDER:
      case LIMIT:
      case OFFSET:
      case FETCH:
      case UNION:
      case INTERSECT:
      case EXCEPT:
      case MINUS:
      case WINDOW:
      case QUALIFY:
      case INTO:
      case FOR:
      case RETURNING:
        return true;
      default:
        return false;
    }
  }
}

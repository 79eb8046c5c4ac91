package dev.genaiagent.instrumentation.jdbc.sql;

import java.util.Arrays;

/**
 * Where in a statement string a search marker or a statement end may be, found without lexing: a
 * {@code ;}, a distance operator, a {@code (} after the name of a distance function, a {@code MATCH}.
 * {@link String#indexOf(int, int)} is vectorized, so looking for these few characters costs a small
 * part of lexing, which pays a few nanoseconds per token. Literals and comments are not recognized
 * here, so a candidate may be no marker at all (the lexer then reads up to it and decides), but no
 * marker is ever missed: past the last candidate there is nothing for the lexer to find, and the scan
 * of most statements, which have no candidate at all, ends without lexing them.
 *
 * <p>Queried with ascending positions; each kind of candidate keeps the next one found, so each
 * character is searched at most once per kind and the whole is linear in the length of the text.
 */
final class MarkerCandidates {
  static final int NONE = Integer.MAX_VALUE;

  // kinds of candidate, each found by looking for one character
  private static final int OPERATOR = 0;
  private static final int SEMICOLON = 1;
  private static final int CALL = 2;
  private static final int LOWER_MATCH = 3;
  private static final int UPPER_MATCH = 4;
  private static final char[] CHARACTER = {'<', ';', '(', 'm', 'M'};

  private final String sql;
  private final int length;
  private final boolean operators;
  /** By kind: the candidate found last, -1 before any. */
  private final int[] found = {-1, -1, -1, -1, -1};
  /** By kind: where looking goes on; there is no candidate between the last query and it. */
  private final int[] searched = new int[5];
  private int lastFrom;

  /** {@code operators}: whether the dialect has distance operators (see {@link SqlLexer}). */
  MarkerCandidates(String sql, boolean operators) {
    this.sql = sql;
    this.length = sql.length();
    this.operators = operators;
  }

  /** The first {@code ;} at or after {@code from}, {@link #NONE} if there is none. */
  int nextSemicolon(int from) {
    return next(SEMICOLON, from, NONE);
  }

  /** The first candidate at or after {@code from}, {@link #NONE} if there is none. */
  int next(int from) {
    // each kind is looked for only before the first candidate found so far: a search statement
    // does not pay for the parentheses and M's after its distance operator
    int next = operators ? next(OPERATOR, from, NONE) : NONE;
    next = Math.min(next, next(SEMICOLON, from, next));
    next = Math.min(next, next(CALL, from, next));
    next = Math.min(next, next(LOWER_MATCH, from, next));
    return Math.min(next, next(UPPER_MATCH, from, next));
  }

  /**
   * The first candidate of {@code kind} at or after {@code from} when it is before {@code before};
   * otherwise some position not before {@code before}.
   */
  private int next(int kind, int from, int before) {
    if (from < lastFrom) {
      Arrays.fill(found, -1); // queries go forward; should one not, start over
      Arrays.fill(searched, 0);
    }
    lastFrom = from;
    int known = found[kind];
    if (known >= from) {
      return known;
    }
    char c = CHARACTER[kind];
    for (int i = Math.max(from, searched[kind]); i < before; ) {
      int at = sql.indexOf(c, i);
      if (at < 0) {
        return found[kind] = NONE; // none to the end: the answer to every later query
      }
      if (at >= before) {
        searched[kind] = at;
        return at;
      }
      if (isCandidate(kind, at)) {
        return found[kind] = at;
      }
      i = at + 1;
      searched[kind] = i;
    }
    return before;
  }

  private boolean isCandidate(int kind, int at) {
    switch (kind) {
      case OPERATOR:
        return isOperator(at);
      case CALL:
        return mayFollowFunctionName(at);
      case LOWER_MATCH:
      case UPPER_MATCH:
        return isMatch(at);
      default:
        return true;
    }
  }

  /** {@code <->}, {@code <=>}, {@code <#>}, {@code <+>}, {@code <~>}, {@code <%>}: what the lexer reads. */
  private boolean isOperator(int i) {
    if (i + 2 < length && sql.charAt(i + 2) == '>') {
      switch (sql.charAt(i + 1)) {
        case '-':
        case '=':
        case '#':
        case '+':
        case '~':
        case '%':
          return true;
        default:
          return false;
      }
    }
    return false;
  }

  /**
   * {@code match} in any case (no character beyond ASCII folds to one of its letters) as a whole word:
   * nothing that continues a word after it, and before it either nothing of a word or a {@code $},
   * which may end a dollar-quoted string.
   */
  private boolean isMatch(int i) {
    return i + 5 <= length
        && (sql.charAt(i + 1) | 0x20) == 'a'
        && (sql.charAt(i + 2) | 0x20) == 't'
        && (sql.charAt(i + 3) | 0x20) == 'c'
        && (sql.charAt(i + 4) | 0x20) == 'h'
        && (i + 5 == length || !SqlLexer.isIdentifierPart(sql.charAt(i + 5)))
        && (i == 0 || !SqlLexer.isIdentifierPart(sql.charAt(i - 1)) || sql.charAt(i - 1) == '$');
  }

  /** A {@code (} that may follow the name of a distance function, with only whitespace or comments between. */
  private boolean mayFollowFunctionName(int paren) {
    int q = paren - 1;
    boolean lineBreak = false;
    while (q >= 0) {
      char c = sql.charAt(q);
      if (c > ' ') {
        break;
      }
      lineBreak |= c == '\n' || c == '\r';
      q--;
    }
    if (q < 0) {
      return false;
    }
    char c = sql.charAt(q);
    if (c == '/' || (lineBreak && lineHasCommentStart(q))) {
      return true; // the name may stand before a comment: let the lexer see
    }
    if (!SqlLexer.isIdentifierPart(c)) {
      return false;
    }
    int end = q + 1;
    int start = q;
    while (start > 0 && SqlLexer.isIdentifierPart(sql.charAt(start - 1))) {
      start--;
    }
    // The word is the whole run of word characters, or, where a dollar-quoted string ends right
    // before it ($q$...$q$cosine_distance), the part after one of its '$'.
    for (int w = start; end - w >= VectorVocabulary.SHORTEST_FUNCTION_NAME; ) {
      if (VectorVocabulary.function(sql, w, end) != null) {
        return true;
      }
      int dollar = sql.indexOf('$', w);
      if (dollar < 0 || dollar >= end) {
        break;
      }
      w = dollar + 1;
    }
    return false;
  }

  /** Whether the line holding {@code at} has a {@code --} or {@code #} (a line comment) up to it. */
  private boolean lineHasCommentStart(int at) {
    for (int i = at; i >= 0; i--) {
      char c = sql.charAt(i);
      if (c == '\n' || c == '\r') {
        return false;
      }
      if (c == '#' || (c == '-' && i > 0 && sql.charAt(i - 1) == '-')) {
        return true;
      }
    }
    return false;
  }
}

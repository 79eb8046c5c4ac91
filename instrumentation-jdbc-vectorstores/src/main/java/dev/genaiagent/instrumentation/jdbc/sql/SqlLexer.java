package dev.genaiagent.instrumentation.jdbc.sql;

/**
 * Splits SQL into the few token kinds the classifier needs, one token at a time with one token of
 * lookahead, allocating nothing. Literals, quoted identifiers and comments are single opaque tokens
 * (or skipped), so nothing inside them is ever taken for an operator, a function or a placeholder.
 * Never throws: an unterminated literal or comment ends the input, any other odd character is an
 * {@link #OP}. Every step advances, so a scan is linear in the length of the text.
 */
final class SqlLexer {
  static final int EOF = 0;
  /** Identifier or keyword, unquoted. */
  static final int WORD = 1;
  /** {@code "name"}, {@code `name`}, SQL Server {@code [name]}. */
  static final int QUOTED_IDENT = 2;
  /** {@code 'text'}, {@code E'text'}, {@code N'text'}, {@code $$text$$}, {@code $tag$text$tag$}. */
  static final int STRING = 3;
  static final int NUMBER = 4;
  /** A JDBC {@code ?} placeholder; {@link #value} is its 1-based ordinal. */
  static final int PARAM = 5;
  static final int LPAREN = 6;
  static final int RPAREN = 7;
  static final int COMMA = 8;
  static final int SEMI = 9;
  static final int DOT = 10;
  static final int STAR = 11;
  /** {@code =}, and MySQL's {@code :=}. */
  static final int EQ = 12;
  static final int MINUS = 13;
  /** PostgreSQL {@code ::}. */
  static final int CAST = 14;
  /** A pgvector / Oracle distance operator; {@link #value} is one of the {@code OP_*} codes. */
  static final int DISTANCE_OP = 15;
  static final int LBRACKET = 16;
  static final int RBRACKET = 17;
  /** {@code @name}, {@code @@name}, {@code :name}, {@code :1}, {@code $1}: not a JDBC placeholder. */
  static final int VARIABLE = 18;
  /** Any other operator or punctuation. */
  static final int OP = 19;

  static final int OP_L2 = 1;
  static final int OP_COSINE = 2;
  static final int OP_INNER_PRODUCT = 3;
  static final int OP_L1 = 4;
  static final int OP_HAMMING = 5;
  static final int OP_JACCARD = 6;

  /** PostgreSQL truncates identifiers to 63 bytes; a longer tag cannot be a dollar quote. */
  private static final int MAX_DOLLAR_TAG = 64;

  private final String sql;
  private final int limit;
  private final boolean backslashEscapes;
  private final boolean mysqlComments;
  private final boolean nestedComments;
  private final boolean bracketIdentifiers;
  private final boolean vectorOperators;
  private final boolean jsonQuestionOperators;
  private final boolean dollarQuotes;
  private final boolean oracleQuotes;

  private int pos;
  private int params;

  int type;
  int start;
  int end;
  int value;

  private boolean peeked;
  private int peekType;
  private int peekStart;
  private int peekEnd;
  private int peekValue;

  // scratch of lex()
  private int lexStart;
  private int lexEnd;
  private int lexValue;

  SqlLexer(String sql, SqlDialect dialect) {
    this.sql = sql;
    this.limit = sql.length();
    // MySQL/MariaDB and ClickHouse read backslash escapes in every string by default.
    this.backslashEscapes = dialect == SqlDialect.MARIADB || dialect == SqlDialect.CLICKHOUSE;
    // MySQL: '#' starts a comment, and '--' does only when followed by whitespace.
    this.mysqlComments = dialect == SqlDialect.MARIADB;
    // Databases that do not nest block comments end at the first "*/"; nesting where they do not
    // can only hide text (miss a search), never invent one, so unknown databases nest.
    this.nestedComments = dialect != SqlDialect.MARIADB && dialect != SqlDialect.ORACLE
        && dialect != SqlDialect.SQLITE;
    this.bracketIdentifiers = dialect == SqlDialect.SQLSERVER || dialect == SqlDialect.SQLITE;
    // In MariaDB/MySQL "<=>" is NULL-safe equality; only pgvector and Oracle have distance operators.
    this.vectorOperators = dialect == SqlDialect.POSTGRESQL || dialect == SqlDialect.ORACLE
        || dialect == SqlDialect.OTHER;
    this.jsonQuestionOperators = dialect == SqlDialect.POSTGRESQL || dialect == SqlDialect.OTHER;
    this.dollarQuotes = dialect == SqlDialect.POSTGRESQL || dialect == SqlDialect.DUCKDB
        || dialect == SqlDialect.CLICKHOUSE || dialect == SqlDialect.H2 || dialect == SqlDialect.OTHER;
    this.oracleQuotes = dialect == SqlDialect.ORACLE;
  }

  String sql() {
    return sql;
  }

  /** Offset of the next unread character; only meaningful when nothing was peeked. */
  int position() {
    return peeked ? peekStart : pos;
  }

  /** Placeholders counted so far, the peeked token excluded. */
  int params() {
    return peeked && peekType == PARAM ? params - 1 : params;
  }

  /** Goes back (or forward) to {@code position}, where {@code params} placeholders precede. */
  void reset(int position, int params) {
    this.pos = position;
    this.params = params;
    this.peeked = false;
    this.type = EOF;
  }

  int next() {
    if (peeked) {
      peeked = false;
      type = peekType;
      start = peekStart;
      end = peekEnd;
      value = peekValue;
      return type;
    }
    type = lex();
    start = lexStart;
    end = lexEnd;
    value = lexValue;
    return type;
  }

  int peek() {
    if (!peeked) {
      peekType = lex();
      peekStart = lexStart;
      peekEnd = lexEnd;
      peekValue = lexValue;
      peeked = true;
    }
    return peekType;
  }

  int peekStart() {
    return peekStart;
  }

  int peekEnd() {
    return peekEnd;
  }

  /** Whether the current token is the word {@code lowerCaseWord}, in any case. */
  boolean is(String lowerCaseWord) {
    return type == WORD && regionIs(start, end, lowerCaseWord);
  }

  /** Whether the next token is the word {@code lowerCaseWord}, in any case. */
  boolean peekIs(String lowerCaseWord) {
    return peek() == WORD && regionIs(peekStart, peekEnd, lowerCaseWord);
  }

  boolean regionIs(int from, int to, String word) {
    return to - from == word.length() && sql.regionMatches(true, from, word, 0, to - from);
  }

  private int token(int type, int from, int to) {
    lexStart = from;
    lexEnd = to;
    lexValue = 0;
    pos = to;
    return type;
  }

  private int endOfInput() {
    pos = limit;
    lexStart = limit;
    lexEnd = limit;
    lexValue = 0;
    return EOF;
  }

  private int lex() {
    final String s = sql;
    final int n = limit;
    int p = pos;
    while (p < n) {
      char c = s.charAt(p);
      if (c <= ' ') {
        p++; // whitespace, and NUL or other control characters in junk
        continue;
      }
      switch (c) {
        case '-':
          if (p + 1 < n && s.charAt(p + 1) == '-'
              && (!mysqlComments || p + 2 >= n || s.charAt(p + 2) <= ' ')) {
            p = endOfLine(p + 2);
            continue;
          }
          return token(MINUS, p, p + 1);
        case '#':
          if (mysqlComments) {
            p = endOfLine(p + 1);
            continue;
          }
          return token(OP, p, p + 1);
        case '/':
          if (p + 1 < n && s.charAt(p + 1) == '*') {
            p = endOfBlockComment(p + 2);
            if (p < 0) {
              return endOfInput();
            }
            continue;
          }
          return token(OP, p, p + 1);
        case '\'':
          return quoted(p, p + 1, '\'', backslashEscapes, STRING);
        case '"':
          return quoted(p, p + 1, '"', backslashEscapes, QUOTED_IDENT);
        case '`':
          return quoted(p, p + 1, '`', false, QUOTED_IDENT);
        case '[':
          return bracketIdentifiers ? quoted(p, p + 1, ']', false, QUOTED_IDENT) : token(LBRACKET, p, p + 1);
        case ']':
          return token(RBRACKET, p, p + 1);
        case '$':
          return dollar(p);
        case '?':
          return question(p);
        case ':':
          if (p + 1 < n) {
            char c1 = s.charAt(p + 1);
            if (c1 == ':') {
              return token(CAST, p, p + 2);
            }
            if (c1 == '=') {
              return token(EQ, p, p + 2);
            }
            if (isIdentifierPart(c1)) {
              return token(VARIABLE, p, endOfIdentifier(p + 1));
            }
          }
          return token(OP, p, p + 1);
        case '@':
          {
            int q = p + 1;
            if (q < n && s.charAt(q) == '@') {
              q++;
            }
            int e = endOfIdentifier(q);
            return e > q ? token(VARIABLE, p, e) : token(OP, p, p + 1);
          }
        case '<':
          if (vectorOperators && p + 2 < n && s.charAt(p + 2) == '>') {
            int op = distanceOperator(s.charAt(p + 1));
            if (op != 0) {
              token(DISTANCE_OP, p, p + 3);
              lexValue = op;
              return DISTANCE_OP;
            }
          }
          return token(OP, p, p + 1);
        case '(':
          return token(LPAREN, p, p + 1);
        case ')':
          return token(RPAREN, p, p + 1);
        case ',':
          return token(COMMA, p, p + 1);
        case ';':
          return token(SEMI, p, p + 1);
        case '*':
          return token(STAR, p, p + 1);
        case '=':
          return token(EQ, p, p + 1);
        case '.':
          if (p + 1 < n && isDigit(s.charAt(p + 1))) {
            return number(p);
          }
          return token(DOT, p, p + 1);
        default:
          if (isDigit(c)) {
            return number(p);
          }
          if (isIdentifierStart(c)) {
            return word(p);
          }
          return token(OP, p, p + 1);
      }
    }
    return endOfInput();
  }

  private static int distanceOperator(char middle) {
    switch (middle) {
      case '-':
        return OP_L2;
      case '=':
        return OP_COSINE;
      case '#':
        return OP_INNER_PRODUCT;
      case '+':
        return OP_L1;
      case '~':
        return OP_HAMMING;
      case '%':
        return OP_JACCARD;
      default:
        return 0;
    }
  }

  private int endOfLine(int p) {
    while (p < limit) {
      char c = sql.charAt(p);
      if (c == '\n' || c == '\r') {
        return p;
      }
      p++;
    }
    return p;
  }

  /** Offset after the comment, -1 when it never ends. */
  private int endOfBlockComment(int p) {
    int depth = 1;
    while (p < limit) {
      char c = sql.charAt(p);
      if (c == '*' && p + 1 < limit && sql.charAt(p + 1) == '/') {
        p += 2;
        if (--depth == 0) {
          return p;
        }
      } else if (nestedComments && c == '/' && p + 1 < limit && sql.charAt(p + 1) == '*') {
        p += 2;
        depth++;
      } else {
        p++;
      }
    }
    return -1;
  }

  /** A literal or identifier from {@code from}; its text starts at {@code bodyStart}. */
  private int quoted(int from, int bodyStart, char close, boolean backslashes, int type) {
    int p = bodyStart;
    while (p < limit) {
      char c = sql.charAt(p);
      if (c == close) {
        if (p + 1 < limit && sql.charAt(p + 1) == close) {
          p += 2; // doubled: an escaped quote
          continue;
        }
        return token(type, from, p + 1);
      }
      p += backslashes && c == '\\' ? 2 : 1;
    }
    return endOfInput();
  }

  private int dollar(int p) {
    int n = limit;
    if (p + 1 < n) {
      char c1 = sql.charAt(p + 1);
      if (dollarQuotes && (c1 == '$' || (isIdentifierStart(c1) && c1 != '$'))) {
        int q = p + 1;
        while (q < n && q - p <= MAX_DOLLAR_TAG && isTagPart(sql.charAt(q))) {
          q++;
        }
        if (q < n && sql.charAt(q) == '$') {
          String tag = sql.substring(p, q + 1);
          int close = sql.indexOf(tag, q + 1);
          return close < 0 ? endOfInput() : token(STRING, p, close + tag.length());
        }
      }
      if (isIdentifierPart(c1)) {
        return token(VARIABLE, p, endOfIdentifier(p + 1)); // $1 positional, SQLite $name
      }
    }
    return token(OP, p, p + 1);
  }

  private int question(int p) {
    if (p + 1 < limit) {
      char c1 = sql.charAt(p + 1);
      if (c1 == '?') {
        return token(OP, p, p + 2); // JDBC escape of a literal '?', e.g. PostgreSQL "??|"
      }
      // PostgreSQL jsonb "?|" and "?&"; "? ||" stays a placeholder followed by concatenation.
      if (jsonQuestionOperators
          && (c1 == '&' || (c1 == '|' && (p + 2 >= limit || sql.charAt(p + 2) != '|')))) {
        return token(OP, p, p + 2);
      }
    }
    token(PARAM, p, p + 1);
    lexValue = ++params;
    return PARAM;
  }

  private int number(int p) {
    int n = limit;
    int q = p;
    while (q < n && isDigit(sql.charAt(q))) {
      q++;
    }
    if (q < n && sql.charAt(q) == '.' && q + 1 < n && isDigit(sql.charAt(q + 1))) {
      q++;
      while (q < n && isDigit(sql.charAt(q))) {
        q++;
      }
    }
    if (q + 1 < n && (sql.charAt(q) == 'e' || sql.charAt(q) == 'E')) {
      int e = q + 1;
      if (e + 1 < n && (sql.charAt(e) == '+' || sql.charAt(e) == '-')) {
        e++;
      }
      if (e < n && isDigit(sql.charAt(e))) {
        q = e;
        while (q < n && isDigit(sql.charAt(q))) {
          q++;
        }
      }
    }
    // 0x1F, 10L...: one token, not a number followed by a word taken for an alias
    return token(NUMBER, p, endOfIdentifier(q));
  }

  private int word(int p) {
    int e = endOfIdentifier(p + 1);
    if (oracleQuotes && e < limit && sql.charAt(e) == '\'' && isAlternativeQuotePrefix(p, e)) {
      return alternativeQuote(p, e + 1);
    }
    if (e == p + 1 && e < limit && sql.charAt(e) == '\'') {
      switch (sql.charAt(p)) {
        case 'E':
        case 'e':
          return quoted(p, e + 1, '\'', true, STRING); // PostgreSQL escape string
        case 'N':
        case 'n':
        case 'X':
        case 'x':
        case 'B':
        case 'b':
          return quoted(p, e + 1, '\'', backslashEscapes, STRING); // national, hex, bit strings
        default:
          break;
      }
    }
    return token(WORD, p, e);
  }

  /** Oracle {@code q'...'} and {@code nq'...'}. */
  private boolean isAlternativeQuotePrefix(int p, int e) {
    char last = sql.charAt(e - 1);
    if (last != 'q' && last != 'Q') {
      return false;
    }
    return e - p == 1 || (e - p == 2 && (sql.charAt(p) == 'n' || sql.charAt(p) == 'N'));
  }

  /** {@code q'[it's]'}: the text ends at the closing delimiter followed by a quote. */
  private int alternativeQuote(int from, int delimiterAt) {
    if (delimiterAt >= limit) {
      return endOfInput();
    }
    char open = sql.charAt(delimiterAt);
    char close = open == '[' ? ']' : open == '{' ? '}' : open == '(' ? ')' : open == '<' ? '>' : open;
    int p = delimiterAt + 1;
    while (true) {
      int c = sql.indexOf(close, p);
      if (c < 0 || c + 1 >= limit) {
        return endOfInput();
      }
      if (sql.charAt(c + 1) == '\'') {
        return token(STRING, from, c + 2);
      }
      p = c + 1;
    }
  }

  private int endOfIdentifier(int p) {
    while (p < limit && isIdentifierPart(sql.charAt(p))) {
      p++;
    }
    return p;
  }

  /** Text of an identifier token: quotes removed, doubled quotes undone; STRING content for aliases. */
  static String identifierText(String sql, int type, int start, int end) {
    if (type == STRING) {
      return stringContent(sql, start, end);
    }
    if (type != QUOTED_IDENT || end - start < 2) {
      return sql.substring(start, end);
    }
    char open = sql.charAt(start);
    char close = open == '[' ? ']' : open;
    String body = sql.substring(start + 1, end - 1);
    if (body.indexOf(close) < 0) {
      return body;
    }
    String quote = String.valueOf(close);
    return body.replace(quote + quote, quote);
  }

  /** Content of a STRING token ({@code 'a''b'}, {@code E'x'}, {@code N'x'}, {@code $$x$$}). */
  static String stringContent(String sql, int start, int end) {
    if (sql.charAt(start) == '$') {
      int tagEnd = sql.indexOf('$', start + 1) + 1;
      int tagLength = tagEnd - start;
      return end - tagLength >= tagEnd ? sql.substring(tagEnd, end - tagLength) : "";
    }
    int quote = sql.indexOf('\'', start);
    if (quote < 0 || quote >= end - 1) {
      return "";
    }
    String body = sql.substring(quote + 1, end - 1);
    return body.indexOf('\'') < 0 ? body : body.replace("''", "'");
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c) || c == '$';
  }

  private static boolean isTagPart(char c) {
    return isIdentifierStart(c) || isDigit(c);
  }
}

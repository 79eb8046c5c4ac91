package dev.genaiagent.instrumentation.jdbc.sql;

/**
 * Splits SQL into the few token kinds the classifier needs, one token at a time with one token of
 * lookahead, allocating nothing. Literals, quoted identifiers and comments are single opaque tokens
 * (or skipped), so nothing inside them is ever taken for an operator, a function or a placeholder.
 * Never throws: an unterminated literal or comment ends the input, any other odd character is an
 * {@link #OP}. Every step advances, so a scan is linear in the length of the text.
 *
 * <p>It runs on every new statement, so it is written for the JIT: small hot methods, tables instead of
 * chains of comparisons, {@link String#indexOf(int, int)} (vectorized) for the bodies of literals, and
 * {@link #skipQuiet} for the long stretches the analysis only needs to pass over.
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

  /** ASCII characters that start a word; every character from U+0080 does too. */
  private static final boolean[] WORD_START = new boolean[128];
  /** ASCII characters that continue a word or a number; every character from U+0080 does too. */
  private static final boolean[] WORD_PART = new boolean[128];

  /**
   * By ASCII character: {@link #WORD} for a word's first character, the type of a token that is this one
   * character whatever follows, {@link #EOF} for a character {@code lexMore} reads (whitespace is
   * skipped before).
   */
  private static final byte[] SINGLE = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      WORD_START[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      WORD_PART[c] = WORD_START[c] || (c >= '0' && c <= '9') || c == '$';
      SINGLE[c] = (byte) (WORD_START[c] ? WORD : OP);
    }
    for (char c : "-#/'\"`[$?:@<.0123456789".toCharArray()) {
      SINGLE[c] = EOF;
    }
    SINGLE['('] = LPAREN;
    SINGLE[')'] = RPAREN;
    SINGLE[','] = COMMA;
    SINGLE[';'] = SEMI;
    SINGLE['*'] = STAR;
    SINGLE['='] = EQ;
    SINGLE[']'] = RBRACKET;
  }

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
  /** Whether the text has a backslash, without which escapes change nothing: 0 not known yet, 1 no, 2 yes. */
  private byte backslashInText;
  /**
   * The first {@code --} at or after {@link #doubleDashFrom} ({@link #limit} if none), for {@link
   * #lastCommaOfNumberList}; -1 before it looks.
   */
  private int doubleDash = -1;
  private int doubleDashFrom;

  private int pos;
  private int params;

  int type;
  int start;
  int end;
  int value;

  int skippedType;
  int skippedStart;
  int skippedEnd;
  /** Where {@link #skipQuiet} last had to go back to a parenthesis: none before is passed over again. */
  private int noGroupsBefore;

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

  boolean hasVectorOperators() {
    return vectorOperators;
  }

  /** Decides, in {@link #skipQuiet}, at which words the skip ends. */
  interface WordFilter {
    /** {@code nested}: inside parentheses opened during the skip. */
    boolean stopsAt(int start, int end, boolean nested);

    /**
     * By word length, a bit per first letter ({@code 1L << letter}, lower case, which Java takes modulo
     * 64) of the words {@link #stopsAt} may answer true for; other ASCII words are not asked about.
     * The last element stands for all longer words.
     */
    long[] initials();
  }

  /** Whether a token was peeked: then {@link #skipQuiet} may not be called. */
  boolean peeked() {
    return peeked;
  }

  /**
   * Reads tokens as {@link #next} would, passing over words, literals, quoted names, numbers, commas
   * and operators, and returns the first other token (parenthesis, placeholder, distance operator,
   * {@code ;}, end of input) or a word {@code words} stops at, which becomes the current token. The
   * last token passed over is left in {@link #skippedType} (EOF when none), {@link #skippedStart} and
   * {@link #skippedEnd}. With {@code commaArmsOperand}, a word or parenthesis right after a comma
   * ends the skip. With {@code groups}, a parenthesis and everything up to its match is passed over
   * too when nothing inside would end the skip; otherwise the skip ends at that parenthesis.
   *
   * <p>For the long stretches of a statement that change nothing for its analysis: the common tokens
   * are lexed here with the position in a local variable, several times faster than through
   * {@link #next} and its fields; the others go through {@link #lex}. Not with a token peeked.
   */
  int skipQuiet(WordFilter words, boolean commaArmsOperand, boolean groups) {
    final String s = sql;
    final int n = limit;
    final long[] initials = words.initials();
    int p = pos;
    int lastType = EOF;
    int lastStart = 0;
    int lastEnd = 0;
    // the outermost parenthesis being passed over, to go back to when something inside ends the skip
    int nesting = 0;
    int groupStart = 0;
    int groupParams = 0;
    int groupLastType = EOF;
    int groupLastStart = 0;
    int groupLastEnd = 0;
    int t;
    int from;
    int to;
    while (true) {
      // the next token, the common ones read here, the others by lex()
      if (p >= n) {
        t = endOfInput();
        from = n;
        to = n;
        break;
      }
      char c = s.charAt(p);
      if (c <= ' ') {
        p++;
        continue;
      }
      int single = c >= 0x80 ? WORD : SINGLE[c];
      from = p;
      if (single == WORD) {
        int e = p + 1;
        char d = 0;
        while (e < n) {
          d = s.charAt(e);
          if (d < 0x80 && !WORD_PART[d]) {
            break;
          }
          e++;
        }
        if (e < n && d == '\'') {
          t = lexAt(p); // a word before a quote may be a string prefix: lex() decides
          from = lexStart;
          to = lexEnd;
        } else {
          long letters = initials[Math.min(e - p, initials.length - 1)];
          if (c < 0x80 && (letters & (1L << (c | 0x20))) == 0 && !(commaArmsOperand && lastType == COMMA)) {
            lastType = WORD; // most words: not one the filter looks for
            lastStart = p;
            lastEnd = e;
            p = e;
            continue;
          }
          t = WORD;
          to = e;
        }
      } else if (single != EOF) {
        t = single;
        to = p + 1;
        if (t != LPAREN && t != RPAREN && t != SEMI) {
          lastType = t; // , = * ] and operators
          lastStart = p;
          lastEnd = to;
          p = to;
          continue;
        }
      } else if (c == '\'' || c == '`') {
        t = quoted(p, p + 1, c, c == '\'' && backslashEscapes, c == '\'' ? STRING : QUOTED_IDENT);
        from = lexStart;
        to = lexEnd;
        if (t != EOF) {
          lastType = t; // a literal, or a MySQL name
          lastStart = from;
          lastEnd = to;
          p = to;
          continue;
        }
      } else if ((c == '.' && !(p + 1 < n && isDigit(s.charAt(p + 1))))
          || (c == '-' && !(p + 1 < n && s.charAt(p + 1) == '-'))
          || (c == '<' && !(vectorOperators && p + 2 < n && s.charAt(p + 2) == '>'
              && distanceOperator(s.charAt(p + 1)) != 0))) {
        lastType = c == '.' ? DOT : c == '-' ? MINUS : OP; // alias.column, a minus, <> <= <
        lastStart = p;
        lastEnd = p + 1;
        p++;
        continue;
      } else if (isDigit(c)) {
        lastType = numberOrList(p);
        lastStart = lexStart;
        lastEnd = lexEnd;
        p = lexEnd;
        continue;
      } else {
        t = lexAt(p);
        from = lexStart;
        to = lexEnd;
      }
      p = to;
      // whether it ends the skip: words, literals and punctuation most often do not
      if (t == WORD) {
        if ((commaArmsOperand && lastType == COMMA && nesting == 0) || words.stopsAt(from, to, nesting > 0)) {
          break;
        }
      } else if (t == LPAREN) {
        if (!groups || from < noGroupsBefore || (commaArmsOperand && lastType == COMMA && nesting == 0)) {
          break;
        }
        if (nesting++ == 0) {
          groupStart = from;
          groupParams = params;
          groupLastType = lastType;
          groupLastStart = lastStart;
          groupLastEnd = lastEnd;
        }
      } else if (t == RPAREN) {
        if (nesting == 0) {
          break;
        }
        nesting--;
      } else if (t == EOF || t == SEMI || t == PARAM || t == DISTANCE_OP) {
        break;
      }
      lastType = t;
      lastStart = from;
      lastEnd = to;
    }
    if (nesting > 0) {
      // something inside a parenthesis passed over: go back and end the skip at that parenthesis
      noGroupsBefore = from; // so no parenthesis before that token is tried again: linear time
      params = groupParams;
      t = LPAREN;
      from = groupStart;
      to = groupStart + 1;
      lastType = groupLastType;
      lastStart = groupLastStart;
      lastEnd = groupLastEnd;
    }
    pos = to;
    skippedType = lastType;
    skippedStart = lastStart;
    skippedEnd = lastEnd;
    type = t;
    start = from;
    end = to;
    value = t == PARAM || t == DISTANCE_OP ? lexValue : 0;
    return t;
  }

  /** Characters of an inlined vector or a list of numbers: {@code 0.25, -1.5,\n 3}. */
  private static final boolean[] NUMBER_LIST = new boolean[128];

  static {
    for (char c : "0123456789.,- \t\r\n".toCharArray()) {
      NUMBER_LIST[c] = true;
    }
  }

  /**
   * For {@link #skipQuiet}: the number at {@code p}; or, when a comma and more numbers follow it, the
   * last comma of that list ({@link #lastCommaOfNumberList}) as a COMMA token, as if each number,
   * sign, dot and comma up to it had been read. (A method of its own, not more code in the skip's
   * loop: that slowed every other statement by about 5 %.)
   */
  private int numberOrList(int p) {
    int t = number(p);
    int e = lexEnd;
    if (e < limit && sql.charAt(e) == ',') {
      int comma = lastCommaOfNumberList(e);
      if (comma > e) {
        return token(COMMA, comma, comma + 1);
      }
    }
    return t;
  }

  /**
   * The last comma of the run of {@link #NUMBER_LIST} characters from {@code from} (a comma), cut
   * before any {@code --}. An inlined query vector ({@code [0.0123, -0.4567, ...]} in DuckDB and
   * ClickHouse) is thousands of such characters, which {@link #skipQuiet} would otherwise read token
   * by token although none of them can end a skip: numbers, signs, dots and commas only, no word, no
   * parenthesis. Up to that comma every token lies inside the run (a number ends at a comma), so the
   * skip goes on right after it, with the comma as the token passed over last; what follows it (a
   * number that goes on as {@code 1e5} or {@code 1abc}, a comment) is read as before.
   */
  private int lastCommaOfNumberList(int from) {
    final String s = sql;
    final int n = limit;
    int q = from + 1;
    while (q < n) {
      char c = s.charAt(q);
      if (c >= 0x80 || !NUMBER_LIST[c]) {
        break;
      }
      q++;
    }
    if (from < doubleDashFrom || from > doubleDash) {
      // vectorized, and kept: a skip moves forward (going back only to a parenthesis it passed)
      int at = s.indexOf("--", from);
      doubleDash = at < 0 ? n : at;
      doubleDashFrom = from;
    }
    int comma = s.lastIndexOf(',', Math.min(q, doubleDash) - 1);
    return Math.max(comma, from);
  }

  private boolean hasBackslash() {
    if (backslashInText == 0) {
      backslashInText = (byte) (sql.indexOf('\\') >= 0 ? 2 : 1);
    }
    return backslashInText == 2;
  }

  /** {@link #lex} from {@code p}; {@link #lexStart}, {@link #lexEnd} and {@link #pos} as it leaves them. */
  private int lexAt(int p) {
    pos = p;
    return lex();
  }

  /** Goes to the end of the text, for a caller that knows nothing is left to read there. */
  void skipToEnd() {
    pos = limit;
    peeked = false;
    type = EOF;
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

  /** Whether {@code sql[from, to)} is {@code word} in any case. */
  boolean regionIs(int from, int to, String word) {
    return to - from == word.length() && CaseInsensitiveWords.regionMatches(sql, from, word);
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

  /**
   * Small enough for the JIT to inline into {@link #next}: words, whitespace and one-character tokens
   * here, everything else in {@link #lexMore}.
   */
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
      if (c >= 0x80) {
        return word(p);
      }
      int single = SINGLE[c];
      if (single == WORD) {
        return word(p); // the most common token first
      }
      if (single != EOF) {
        lexStart = p;
        lexEnd = p + 1;
        lexValue = 0;
        pos = p + 1;
        return single;
      }
      int t = lexMore(p, c);
      if (t >= 0) {
        return t;
      }
      p = pos; // a comment, skipped
    }
    return endOfInput();
  }

  /** A token from a character {@link #SINGLE} does not decide; -1 after a comment, {@link #pos} past it. */
  private int lexMore(int p, char c) {
    final String s = sql;
    final int n = limit;
    switch (c) {
      case '-':
        if (p + 1 < n && s.charAt(p + 1) == '-'
            && (!mysqlComments || p + 2 >= n || s.charAt(p + 2) <= ' ')) {
          pos = endOfLine(p + 2);
          return -1;
        }
        return token(MINUS, p, p + 1);
      case '#':
        if (mysqlComments) {
          pos = endOfLine(p + 1);
          return -1;
        }
        return token(OP, p, p + 1);
      case '/':
        if (p + 1 < n && s.charAt(p + 1) == '*') {
          int e = endOfBlockComment(p + 2);
          if (e < 0) {
            return endOfInput();
          }
          pos = e;
          return -1;
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
      case '.':
        if (p + 1 < n && isDigit(s.charAt(p + 1))) {
          return number(p);
        }
        return token(DOT, p, p + 1);
      default:
        if (isDigit(c)) {
          return number(p);
        }
        return token(OP, p, p + 1);
    }
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
    if (!backslashes || !hasBackslash()) {
      // String.indexOf is vectorized: literals (inlined vectors, JSON) are most of some statements
      while (true) {
        int c = sql.indexOf(close, p);
        if (c < 0) {
          return endOfInput();
        }
        if (c + 1 < limit && sql.charAt(c + 1) == close) {
          p = c + 2; // doubled: an escaped quote
          continue;
        }
        return token(type, from, c + 1);
      }
    }
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
    final String s = sql;
    final int n = limit;
    int e = p + 1;
    while (e < n) {
      char c = s.charAt(e);
      if (c < 0x80 && !WORD_PART[c]) {
        if (c == '\'') {
          return prefixedString(p, e);
        }
        break;
      }
      e++;
    }
    lexStart = p;
    lexEnd = e;
    lexValue = 0;
    pos = e;
    return WORD;
  }

  /** A word before a quote: Oracle {@code q'[...]'}, {@code E'...'}, {@code N'...'}, or a word, a literal. */
  private int prefixedString(int p, int e) {
    if (oracleQuotes && isAlternativeQuotePrefix(p, e)) {
      return alternativeQuote(p, e + 1);
    }
    if (e == p + 1) {
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
    final String s = sql;
    final int n = limit;
    while (p < n) {
      char c = s.charAt(p);
      if (c < 0x80 && !WORD_PART[c]) {
        break;
      }
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
    return c >= 0x80 || WORD_START[c];
  }

  static boolean isIdentifierPart(char c) {
    return c >= 0x80 || WORD_PART[c];
  }

  private static boolean isTagPart(char c) {
    return isIdentifierStart(c) || isDigit(c);
  }
}

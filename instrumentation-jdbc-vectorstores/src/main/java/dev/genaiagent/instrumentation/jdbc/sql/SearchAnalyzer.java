package dev.genaiagent.instrumentation.jdbc.sql;

import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.COMMA;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.DISTANCE_OP;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.DOT;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.EOF;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.EQ;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.LBRACKET;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.LPAREN;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.MINUS;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.NUMBER;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.PARAM;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.QUOTED_IDENT;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.RBRACKET;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.RPAREN;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.SEMI;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.STAR;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.STRING;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.VARIABLE;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.WORD;

import dev.genaiagent.instrumentation.jdbc.sql.VectorSql.Setting;
import dev.genaiagent.instrumentation.jdbc.sql.VectorVocabulary.Function;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * Reads one SELECT or WITH statement in a single pass and says whether it is a vector search, and if
 * so what it searches. Only statements in which the cheap scan of {@link VectorSqlClassifier} saw a
 * distance operator or function get here, so this class may allocate.
 *
 * <p>No syntax tree: it follows parenthesis depth, a stack of query blocks (one per SELECT) and a few
 * small state machines (the current select list item, the arguments of a distance call, the operands
 * of a distance operator). The block that ranks the statement's result is the shallowest block with a
 * distance: in a re-ranking query the outer distance wins, in a CTE or subquery search the inner one.
 *
 * <p>Most tokens of a search (a long WHERE clause, an inlined query vector) change none of that state;
 * in the {@link #quiet} state they are passed over by {@link SqlLexer#skipQuiet}, which stops at the
 * tokens that may, so a search costs little more than lexing it once.
 */
final class SearchAnalyzer implements SqlLexer.WordFilter {
  /** Parentheses nested deeper than this are counted but not described (junk like "((((..."). */
  private static final int MAX_FRAMES = 256;
  /** Subqueries nested deeper than this are read as part of their enclosing query: bounds memory. */
  private static final int MAX_OPEN_BLOCKS = 64;

  private static final int F_PLAIN = 0;
  private static final int F_CALL = 1;
  private static final int F_VECTOR_SEARCH = 2;
  private static final int F_CTE = 3;
  private static final int F_FROM = 4;
  private static final int F_WINDOW = 5;

  private static final int EXPECT_NONE = 0;
  private static final int EXPECT_VECTOR = 1;
  private static final int EXPECT_MATCH = 2;

  // A '?' possibly followed by casts, while it may still be the left operand of a distance operator.
  private static final int L_NONE = 0;
  private static final int L_PARAM = 1;
  private static final int L_EXPECT_TYPE = 2;
  private static final int L_TYPE = 3;
  private static final int L_TYPMOD = 4;
  private static final int L_ARRAY = 5;

  private static final int ORIGIN_NESTED = 0;
  private static final int ORIGIN_CTE = 1;
  private static final int ORIGIN_FROM = 2;

  private static final int CLAUSE_OTHER = 0;
  private static final int CLAUSE_FROM = 1;

  // How much of a select list item looks like a plain column reference.
  private static final int P_START = 0;
  private static final int P_NAME = 1;
  private static final int P_DOT = 2;
  private static final int P_STAR = 3;
  private static final int P_NO = 4;

  // fields of a select list item's token ring
  private static final int TYPE = 0;
  private static final int START = 1;
  private static final int END = 2;
  private static final int KW = 3;
  private static final int PLAIN = 4;
  private static final int NAME_TYPE = 5;
  private static final int NAME_START = 6;
  private static final int NAME_END = 7;
  private static final int FIELDS = 8;

  // VECTOR_SEARCH(NAME = value, ...) argument states
  private static final int VS_NAME = 0;
  private static final int VS_EQ = 1;
  private static final int VS_VALUE = 2;
  private static final int VS_REST = 3;

  /**
   * The keywords {@link #stopsAt} looks for, in a table of their own: the common words of a WHERE
   * clause ({@code AND}, {@code IN}, {@code NULL}) are keywords too, but are rejected here without
   * comparing a character.
   */
  private static final int[] QUIET_STOP_CODES = {
    Keywords.SELECT, Keywords.INSERT, Keywords.UPDATE, Keywords.DELETE, Keywords.MERGE, Keywords.MATCH,
    Keywords.FROM, Keywords.LIMIT, Keywords.FETCH, Keywords.WHERE, Keywords.GROUP, Keywords.HAVING,
    Keywords.ORDER, Keywords.OFFSET, Keywords.UNION, Keywords.INTERSECT, Keywords.EXCEPT, Keywords.MINUS,
    Keywords.WINDOW, Keywords.QUALIFY, Keywords.INTO, Keywords.FOR, Keywords.RETURNING,
  };
  private static final CaseInsensitiveWords QUIET_STOPS = quietStops();
  /**
   * By word length, a bit per lower-case first letter ({@code 1L << c}, which Java takes modulo 64) of
   * the words {@link #stopsAt} may stop at: its keywords, {@code k}, and (the last element, for the
   * length of the shortest function name and more) the function names.
   */
  private static final long[] QUIET_INITIALS = quietInitials();
  private static final long[] NO_INITIALS = {0};

  private static long[] quietInitials() {
    int functions = VectorVocabulary.SHORTEST_FUNCTION_NAME;
    long[] initials = new long[functions + 1];
    for (int code : QUIET_STOP_CODES) {
      String name = Keywords.NAMES[code];
      if (name.length() >= functions) {
        throw new IllegalStateException(name); // would share the functions' element
      }
      initials[name.length()] |= 1L << name.charAt(0);
    }
    initials[1] |= 1L << 'k';
    for (String name : VectorVocabulary.functionNames()) {
      initials[functions] |= 1L << name.charAt(0);
    }
    return initials;
  }

  private static CaseInsensitiveWords quietStops() {
    String[] names = new String[QUIET_STOP_CODES.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = Keywords.NAMES[QUIET_STOP_CODES[i]];
    }
    return new CaseInsensitiveWords(names);
  }

  /** Marks a {@code *} item in the main block's labels (compared by identity). */
  private static final String STAR_ITEM = new String("*");

  private static final String[] MYSQL_SELECT_MODIFIERS = {
    "distinctrow", "high_priority", "straight_join", "sql_small_result", "sql_big_result",
    "sql_buffer_result", "sql_cache", "sql_no_cache", "sql_calc_found_rows",
  };

  private final SqlLexer lx;
  private final String sql;
  private final SqlDialect dialect;
  private final boolean passOverQuietTokens;

  // current and previous token
  private int type = EOF;
  private int start;
  private int end;
  private int value;
  private int kw;
  private int prevType = EOF;
  private int prevKw;
  private int prevStart;
  private int prevEnd;

  /** Open parentheses; {@code tokDepth} is the depth the current token is at (outside for parens). */
  private int depth;
  private int tokDepth;
  private int[] frameKinds = new int[16];
  private Call[] frameCalls = new Call[16];
  /**
   * Whether a group is subtracted ({@code 1 - (}, {@code -(}, also through more parentheses): how a
   * similarity is written from a distance, {@code 1 - (a <=> b)}, {@code (2 - (a <=> b)) / 2}.
   */
  private boolean[] frameNegated = new boolean[16];
  private int openWindows;

  private Block[] blocks = new Block[4];
  private int blockCount;
  @Nullable private Block search;
  @Nullable private Block main;
  @Nullable private Block matchBlock;

  private boolean started;
  private boolean withPrelude;
  /** ClickHouse {@code WITH cosineDistance(v, [...]) AS d SELECT ...}: a distance before any SELECT. */
  private boolean preludeMarker;
  @Nullable private String preludeMetric;
  private boolean preludeSimilarity;
  @Nullable private String preludeAlias;
  private boolean notSelect;
  private int baseDepth = -1;

  private int leftState;
  private int leftOrdinal;
  private int leftCandidate;
  private int expect;
  @Nullable private Block expectBlock;

  private int[] vectorParams = new int[4];
  private int vectorParamCount;
  @Nullable private List<Setting> settings;

  // what nextAfterQuietTokens() tells stopsAt() and initials()
  private boolean quietWordsStop;
  private boolean quietAtBlockDepth;
  private boolean quietClauseWords;

  /** {@code passOverQuietTokens} false: every token through {@link #next} (to compare, in tests). */
  SearchAnalyzer(SqlLexer lx, SqlDialect dialect, boolean passOverQuietTokens) {
    this.lx = lx;
    this.sql = lx.sql();
    this.dialect = dialect;
    this.passOverQuietTokens = passOverQuietTokens;
  }

  /** Settings made by {@code set_config} calls in the statement. */
  List<Setting> settings() {
    return settings == null ? Collections.<Setting>emptyList() : settings;
  }

  /**
   * Reads the statement through its terminating {@code ;} (or the end of the text) and returns the
   * search it is, or null when it is not one.
   */
  @Nullable
  VectorSql analyze() {
    while (true) {
      int t = passOverQuietTokens && quiet() ? nextAfterQuietTokens() : next();
      if (t == EOF || (t == SEMI && depth == 0)) {
        break;
      }
      if (notSelect) {
        continue;
      }
      if (!started) {
        if (t == LPAREN) {
          continue;
        }
        started = true;
        if (t == WORD && kw == Keywords.WITH) {
          withPrelude = true;
          baseDepth = tokDepth;
          continue;
        }
        if (t != WORD || kw != Keywords.SELECT) {
          notSelect = true;
          continue;
        }
        baseDepth = tokDepth;
      }
      handle(t);
    }
    while (depth > 0) {
      popFrame();
      depth--;
    }
    closeBlocksDeeperThan(-1);
    return notSelect ? null : result();
  }

  // ---------------------------------------------------------------- token stream

  private int next() {
    return accept(lx.next());
  }

  /** Makes {@code t}, just read from the lexer, the current token. */
  private int accept(int t) {
    prevType = type;
    prevKw = kw;
    prevStart = start;
    prevEnd = end;
    type = t;
    start = lx.start;
    end = lx.end;
    value = lx.value;
    kw = t == WORD ? Keywords.code(sql, start, end) : Keywords.NONE;
    leftCandidate = leftState == L_PARAM || leftState == L_TYPE ? leftOrdinal : 0;
    trackLeftOperand(t);
    if (t == LPAREN) {
      tokDepth = depth;
      depth++;
      pushFrame();
    } else if (t == RPAREN) {
      if (depth > 0) {
        popFrame();
        depth--;
      }
      tokDepth = depth;
      closeBlocksDeeperThan(depth);
    } else {
      tokDepth = depth;
    }
    Block b = top();
    if (b != null && b.inList && tokDepth == b.depth) {
      if (t == COMMA) {
        b.endItem();
      } else if (t == WORD && Keywords.endsSelectList(kw)) {
        b.endList();
      } else if (t != EOF && t != SEMI) {
        b.feed(t, start, end, kw);
      }
    }
    return t;
  }

  /**
   * Whether the next tokens may be read by {@link #nextAfterQuietTokens}: most of a statement (a long
   * WHERE clause, the numbers of an inlined vector) changes nothing here, and reading it token by token
   * through {@link #next} and {@link #handle} would cost most of the analysis. Quiet is the state where
   * a token other than those {@code nextAfterQuietTokens} stops at would only become the previous
   * token: no operand expected or being read, no select list being read at this depth, no call whose
   * arguments are inspected.
   */
  private boolean quiet() {
    if (notSelect) {
      return true;
    }
    if (!started || expect != EXPECT_NONE || leftState != L_NONE || blockCount == 0) {
      return false;
    }
    Block b = blocks[blockCount - 1];
    if (b.inList && depth == b.depth) {
      return false;
    }
    switch (frameKind(depth)) {
      case F_CALL:
        Call call = frameCalls[depth];
        return call != null && call.fn.kind == VectorVocabulary.PLAIN;
      case F_VECTOR_SEARCH:
        return false;
      default:
        return true;
    }
  }

  /**
   * In the {@link #quiet} state, passes over the tokens that would change nothing but the previous
   * token ({@link SqlLexer#skipQuiet}) and returns the first one that may, as {@link #next} would have.
   */
  private int nextAfterQuietTokens() {
    if (lx.peeked()) {
      return next();
    }
    boolean inCall;
    if (notSelect) {
      quietWordsStop = false;
      inCall = false;
    } else {
      Block b = blocks[blockCount - 1];
      quietWordsStop = true;
      quietAtBlockDepth = depth == b.depth;
      // WHERE, ORDER and the like only end a FROM clause
      quietClauseWords = quietAtBlockDepth && b.clause != CLAUSE_OTHER;
      inCall = frameKind(depth) == F_CALL;
    }
    int t = lx.skipQuiet(this, inCall, !notSelect);
    int skipped = lx.skippedType;
    if (skipped != EOF) {
      type = skipped;
      start = lx.skippedStart;
      end = lx.skippedEnd;
      value = 0;
      kw = skipped == WORD ? Keywords.code(sql, start, end) : Keywords.NONE;
      if (inCall && skipped == COMMA) {
        expect = EXPECT_VECTOR; // what callArgument() did on the ','
        expectBlock = null;
      }
    }
    return accept(t);
  }

  /** For {@link SqlLexer#skipQuiet}: the first letters of the words {@link #stopsAt} looks at. */
  @Override
  public long[] initials() {
    return quietWordsStop ? QUIET_INITIALS : NO_INITIALS;
  }

  /** For {@link SqlLexer#skipQuiet}: whether {@link #word} may react to the word {@code sql[s, e)}. */
  @Override
  public boolean stopsAt(int s, int e, boolean nested) {
    if (!quietWordsStop) {
      return false;
    }
    boolean atBlockDepth = quietAtBlockDepth && !nested;
    int len = e - s;
    char first = sql.charAt(s);
    int i = QUIET_STOPS.indexOf(sql, s, e);
    switch (i < 0 ? Keywords.NONE : QUIET_STOP_CODES[i]) {
      case Keywords.SELECT:
      case Keywords.INSERT:
      case Keywords.UPDATE:
      case Keywords.DELETE:
      case Keywords.MERGE:
      case Keywords.MATCH:
        return true;
      case Keywords.FROM:
      case Keywords.LIMIT:
      case Keywords.FETCH:
        return atBlockDepth;
      case Keywords.WHERE:
      case Keywords.GROUP:
      case Keywords.HAVING:
      case Keywords.ORDER:
      case Keywords.OFFSET:
      case Keywords.UNION:
      case Keywords.INTERSECT:
      case Keywords.EXCEPT:
      case Keywords.MINUS:
      case Keywords.WINDOW:
      case Keywords.QUALIFY:
      case Keywords.INTO:
      case Keywords.FOR:
      case Keywords.RETURNING:
        return quietClauseWords && !nested;
      default:
        if (len == 1) {
          return first == 'k' || first == 'K'; // sqlite-vec's k = n
        }
        return len >= VectorVocabulary.SHORTEST_FUNCTION_NAME && VectorVocabulary.function(sql, s, e) != null;
    }
  }

  /** Consumes tokens until the parenthesis open at depth {@code d + 1} closes. */
  private void skipToDepth(int d) {
    while (depth > d) {
      if (next() == EOF) {
        return;
      }
    }
  }

  private void trackLeftOperand(int t) {
    switch (t) {
      case PARAM:
        leftState = L_PARAM;
        leftOrdinal = value;
        return;
      case SqlLexer.CAST:
        leftState = leftState == L_PARAM || leftState == L_TYPE ? L_EXPECT_TYPE : L_NONE;
        return;
      case WORD:
        if (leftState == L_EXPECT_TYPE) {
          leftState = L_TYPE;
        } else if (leftState == L_PARAM && kw == Keywords.AS) {
          leftState = L_EXPECT_TYPE; // CAST(? AS vector(3))
        } else {
          leftState = L_NONE;
        }
        return;
      case LPAREN:
        leftState = leftState == L_TYPE ? L_TYPMOD : L_NONE;
        return;
      case NUMBER:
      case COMMA:
        if (leftState != L_TYPMOD && leftState != L_ARRAY) {
          leftState = L_NONE;
        }
        return;
      case RPAREN:
        if (leftState == L_TYPMOD) {
          leftState = L_TYPE;
        } else if (leftState != L_PARAM && leftState != L_TYPE) {
          leftState = L_NONE;
        } else {
          leftState = L_PARAM;
        }
        return;
      case LBRACKET:
        leftState = leftState == L_TYPE ? L_ARRAY : L_NONE; // DuckDB ?::FLOAT[3]
        return;
      case RBRACKET:
        leftState = leftState == L_ARRAY ? L_TYPE : L_NONE;
        return;
      default:
        leftState = L_NONE;
    }
  }

  private void pushFrame() {
    if (depth >= MAX_FRAMES) {
      return;
    }
    if (depth >= frameKinds.length) {
      int size = Math.min(MAX_FRAMES, frameKinds.length * 2);
      frameKinds = Arrays.copyOf(frameKinds, size);
      frameCalls = Arrays.copyOf(frameCalls, size);
      frameNegated = Arrays.copyOf(frameNegated, size);
    }
    frameKinds[depth] = F_PLAIN;
    frameCalls[depth] = null;
    frameNegated[depth] = prevType == MINUS
        || (prevType == LPAREN && depth > 1 && frameNegated[depth - 1]);
  }

  private void popFrame() {
    if (depth >= frameKinds.length) {
      return;
    }
    int kind = frameKinds[depth];
    Call call = frameCalls[depth];
    frameKinds[depth] = F_PLAIN;
    frameCalls[depth] = null;
    if (kind == F_WINDOW) {
      openWindows--;
    } else if (call != null) {
      finishCall(call);
    }
  }

  private int frameKind(int d) {
    return d > 0 && d < frameKinds.length ? frameKinds[d] : F_PLAIN;
  }

  private boolean tracked(int d) {
    return d > 0 && d < frameKinds.length;
  }

  // ---------------------------------------------------------------- blocks

  @Nullable
  private Block top() {
    return blockCount == 0 ? null : blocks[blockCount - 1];
  }

  private void push(Block b) {
    if (blockCount == blocks.length) {
      blocks = Arrays.copyOf(blocks, blockCount * 2);
    }
    blocks[blockCount++] = b;
  }

  private void closeBlocksDeeperThan(int d) {
    while (blockCount > 0 && blocks[blockCount - 1].depth > d) {
      Block b = blocks[--blockCount];
      blocks[blockCount] = null;
      b.endList();
    }
  }

  // ---------------------------------------------------------------- semantics

  private void handle(int t) {
    Block b = top();
    int was = expect;
    Block wasBlock = expectBlock;
    expect = EXPECT_NONE;
    expectBlock = null;
    if (was != EXPECT_NONE) {
      if (t == PARAM) {
        operandParameter(was, wasBlock, value);
      } else if (t == LPAREN || (t == WORD && kw == Keywords.NONE && lx.peek() == LPAREN)) {
        expect = was; // "(?)", "CAST(? AS vector)", "vec_f32(?)", "TO_VECTOR(?)": still the operand
        expectBlock = wasBlock;
      }
    }
    int frame = frameKind(tokDepth);
    if (frame == F_CALL) {
      callArgument(frameCalls[tokDepth], t);
    } else if (frame == F_VECTOR_SEARCH) {
      if (vectorSearchArgument(frameCalls[tokDepth], t)) {
        return;
      }
    }
    switch (t) {
      case LPAREN:
        openParen(b);
        break;
      case DISTANCE_OP:
        distanceOperator(b);
        break;
      case WORD:
        word(b);
        break;
      default:
        break;
    }
  }

  private void openParen(@Nullable Block b) {
    if (!tracked(depth)) {
      return;
    }
    if (prevType == WORD && lx.regionIs(prevStart, prevEnd, "over")) {
      frameKinds[depth] = F_WINDOW; // RANK() OVER (ORDER BY e <=> ?) is not the score column
      openWindows++;
    } else if (withPrelude && tokDepth == baseDepth && prevType == WORD
        && (prevKw == Keywords.AS || prevKw == Keywords.MATERIALIZED)) {
      frameKinds[depth] = F_CTE;
    } else if (b != null && tokDepth == b.depth && b.clause == CLAUSE_FROM
        && (prevType == COMMA || (prevType == WORD && (prevKw == Keywords.FROM
            || prevKw == Keywords.JOIN || prevKw == Keywords.LATERAL)))) {
      frameKinds[depth] = F_FROM;
    }
  }

  private void distanceOperator(@Nullable Block b) {
    if (leftCandidate > 0) {
      addVectorParameter(leftCandidate);
    }
    expect = EXPECT_VECTOR;
    if (b != null) {
      registerMarker(b, operatorMetric(value), false, null, null, tokDepth > b.depth && tracked(tokDepth)
          && frameNegated[tokDepth]);
    } else {
      preludeMarker(operatorMetric(value), false);
    }
  }

  private static String operatorMetric(int op) {
    switch (op) {
      case SqlLexer.OP_COSINE:
        return VectorSql.COSINE;
      case SqlLexer.OP_INNER_PRODUCT:
        return VectorSql.INNER_PRODUCT; // <#> is the negative inner product: lower is better
      case SqlLexer.OP_L1:
        return VectorSql.L1;
      case SqlLexer.OP_HAMMING:
        return VectorSql.HAMMING;
      case SqlLexer.OP_JACCARD:
        return VectorSql.JACCARD;
      default:
        return VectorSql.L2;
    }
  }

  private void word(@Nullable Block b) {
    switch (kw) {
      case Keywords.SELECT:
        select(b);
        return;
      case Keywords.INSERT:
      case Keywords.UPDATE:
      case Keywords.DELETE:
      case Keywords.MERGE:
        if (withPrelude && tokDepth == baseDepth) {
          notSelect = true; // WITH ... INSERT/UPDATE/DELETE: a write, not a search
        }
        return;
      case Keywords.MATCH:
        if (b != null) {
          match(b);
        }
        return;
      default:
        break;
    }
    if (b == null) {
      if (!withPrelude) {
        return;
      }
      if (kw == Keywords.AS) {
        if (preludeMarker && preludeAlias == null && tokDepth == baseDepth && lx.peek() == WORD) {
          next();
          preludeAlias = sql.substring(start, end);
        }
      } else if (kw == Keywords.NONE && end - start >= 10) {
        Function f = VectorVocabulary.function(sql, start, end);
        if (f != null && lx.peek() == LPAREN) {
          function(null, f);
        }
      }
      return;
    }
    if (tokDepth == b.depth) {
      switch (kw) {
        case Keywords.FROM:
          b.clause = CLAUSE_FROM;
          if (!b.fromSeen) {
            b.fromSeen = true;
            fromTarget(b);
          }
          return;
        case Keywords.LIMIT:
          b.clause = CLAUSE_OTHER;
          limit(b);
          return;
        case Keywords.FETCH:
          b.clause = CLAUSE_OTHER;
          fetch(b);
          return;
        case Keywords.WHERE:
        case Keywords.GROUP:
        case Keywords.HAVING:
        case Keywords.ORDER:
        case Keywords.OFFSET:
        case Keywords.UNION:
        case Keywords.INTERSECT:
        case Keywords.EXCEPT:
        case Keywords.MINUS:
        case Keywords.WINDOW:
        case Keywords.QUALIFY:
        case Keywords.INTO:
        case Keywords.FOR:
        case Keywords.RETURNING:
          b.clause = CLAUSE_OTHER;
          return;
        default:
          break;
      }
    }
    if (kw != Keywords.NONE) {
      return;
    }
    int len = end - start;
    if (len == 1 && (sql.charAt(start) == 'k' || sql.charAt(start) == 'K')) {
      knnConstraint(b);
    } else if (len >= 10) { // the shortest function names: l2distance, dotproduct, set_config
      Function f = VectorVocabulary.function(sql, start, end);
      if (f != null && lx.peek() == LPAREN) {
        function(b, f);
      }
    }
  }

  private void select(@Nullable Block current) {
    if (withPrelude && tokDepth == baseDepth) {
      withPrelude = false; // the statement's own SELECT after its CTEs
    }
    int origin = ORIGIN_NESTED;
    if (prevType == LPAREN) {
      int frame = frameKind(tokDepth);
      origin = frame == F_CTE ? ORIGIN_CTE : frame == F_FROM ? ORIGIN_FROM : ORIGIN_NESTED;
    }
    Block parent = current;
    if (current != null && current.depth == tokDepth) {
      // SELECT ... UNION SELECT ..., or a T-SQL batch without ';': a sibling replaces the block
      current.endList();
      blocks[--blockCount] = null;
      parent = current.parent;
      origin = current.origin;
    }
    if (blockCount >= MAX_OPEN_BLOCKS) {
      return;
    }
    Block b = new Block(tokDepth, parent, origin);
    if (main == null && tokDepth == baseDepth && !withPrelude) {
      main = b;
      b.labels = new ArrayList<>();
    }
    if (origin == ORIGIN_FROM && parent != null && parent.tableFromSubquery && !parent.tableChildChosen) {
      parent.tableChildChosen = true;
      b.feedsParentTable = true;
    }
    push(b);
    if (b == main && preludeMarker) {
      registerMarker(b, preludeMetric, preludeSimilarity, null, null, false);
    }
    selectModifiers(b);
    b.inList = true;
  }

  private void selectModifiers(Block b) {
    while (lx.peek() == WORD) {
      int code = Keywords.code(sql, lx.peekStart(), lx.peekEnd());
      if (code == Keywords.DISTINCT) {
        next();
        if (lx.peekIs("on")) {
          next();
          if (lx.peek() == LPAREN) {
            next();
            skipToDepth(depth - 1);
          }
        }
      } else if (code == Keywords.ALL) {
        next();
      } else if (code == Keywords.TOP) {
        next();
        top(b);
      } else if (isMysqlSelectModifier()) {
        next();
      } else {
        return;
      }
    }
  }

  private boolean isMysqlSelectModifier() {
    for (String m : MYSQL_SELECT_MODIFIERS) {
      if (lx.regionIs(lx.peekStart(), lx.peekEnd(), m)) {
        return true;
      }
    }
    return false;
  }

  /** SQL Server {@code TOP n}, {@code TOP (n)}, {@code TOP (?)} [PERCENT] [WITH TIES]. */
  private void top(Block b) {
    int p = lx.peek();
    if (p == NUMBER) {
      next();
      b.setLimit(count(), 0);
    } else if (p == PARAM) {
      next();
      b.setLimit(-1, value);
    } else if (p == LPAREN) {
      next();
      int outside = depth - 1;
      long n = -1;
      int param = 0;
      p = lx.peek();
      if (p == NUMBER) {
        next();
        n = count();
      } else if (p == PARAM) {
        next();
        param = value;
      }
      if ((n >= 0 || param > 0) && lx.peek() == RPAREN) {
        next();
        b.setLimit(n, param);
      } else {
        skipToDepth(outside); // TOP (@n), TOP (expression): unknown
      }
    } else {
      return;
    }
    if (lx.peekIs("percent")) {
      next();
      b.hasLimit = false;
      b.limit = -1;
      b.limitParam = 0;
    }
    if (lx.peekIs("with")) {
      next();
      if (lx.peekIs("ties")) {
        next();
      }
    }
  }

  /**
   * {@code LIMIT n}, {@code LIMIT ?}, MySQL {@code LIMIT offset, count}; ClickHouse's {@code LIMIT n BY}
   * is per group, not the number of results.
   */
  private void limit(Block b) {
    long n;
    int param;
    int p = lx.peek();
    if (p == NUMBER) {
      next();
      n = count();
      param = 0;
    } else if (p == PARAM) {
      next();
      n = -1;
      param = value;
    } else {
      return; // LIMIT ALL, LIMIT (expression)
    }
    if (lx.peek() == COMMA) {
      next();
      p = lx.peek();
      if (p == NUMBER) {
        next();
        n = count();
        param = 0;
      } else if (p == PARAM) {
        next();
        n = -1;
        param = value;
      } else {
        return;
      }
    }
    if (lx.peekIs("by")) {
      return;
    }
    b.setLimit(n, param);
  }

  /**
   * {@code FETCH {FIRST|NEXT} [n] {ROW|ROWS} ...}, with Oracle's {@code APPROX}, {@code APPROXIMATE}
   * or {@code EXACT} before {@code FIRST}.
   */
  private void fetch(Block b) {
    if (lx.peekIs("approx") || lx.peekIs("approximate")) {
      next();
      b.fetchExact = Boolean.FALSE;
    } else if (lx.peekIs("exact")) {
      next();
      b.fetchExact = Boolean.TRUE;
    }
    if (!lx.peekIs("first") && !lx.peekIs("next")) {
      return;
    }
    next();
    long n = 1; // FETCH FIRST ROW ONLY
    int param = 0;
    int p = lx.peek();
    if (p == NUMBER) {
      next();
      n = count();
    } else if (p == PARAM) {
      next();
      n = -1;
      param = value;
    } else if (p == LPAREN) {
      next();
      int outside = depth - 1;
      p = lx.peek();
      boolean simple = false;
      if (p == NUMBER) {
        next();
        n = count();
        simple = true;
      } else if (p == PARAM) {
        next();
        n = -1;
        param = value;
        simple = true;
      }
      if (simple && lx.peek() == RPAREN) {
        next();
      } else {
        skipToDepth(outside);
        return;
      }
    }
    if (lx.peekIs("row") || lx.peekIs("rows")) {
      b.setLimit(n, param); // not PERCENT, not Oracle's "n PARTITIONS BY"
    }
  }

  /** sqlite-vec's {@code k = n} KNN constraint. */
  private void knnConstraint(Block b) {
    if (lx.peek() != EQ) {
      return;
    }
    next();
    int p = lx.peek();
    if (p == NUMBER) {
      next();
      b.hasK = true;
      b.k = count();
      b.kParam = 0;
    } else if (p == PARAM) {
      next();
      b.hasK = true;
      b.k = -1;
      b.kParam = value;
    }
  }

  /**
   * sqlite-vec {@code embedding MATCH ?}: an infix operator after a column, unlike MySQL's
   * {@code MATCH (col) AGAINST (...)} which starts an expression.
   */
  private void match(Block b) {
    if (prevType != QUOTED_IDENT && (prevType != WORD || prevKw != Keywords.NONE)) {
      return;
    }
    b.hasMatch = true;
    if (matchBlock == null) {
      matchBlock = b;
    }
    expect = EXPECT_MATCH;
    expectBlock = b;
  }

  private void fromTarget(Block b) {
    while (lx.peek() == WORD) {
      int code = Keywords.code(sql, lx.peekStart(), lx.peekEnd());
      if (code != Keywords.ONLY && code != Keywords.LATERAL) {
        break;
      }
      next();
    }
    int p = lx.peek();
    if (p == LPAREN) {
      b.tableFromSubquery = true;
      return;
    }
    if (p != WORD && p != QUOTED_IDENT) {
      return;
    }
    next();
    if (type == WORD && lx.peek() == LPAREN) {
      Function f = VectorVocabulary.function(sql, start, end);
      if (f != null) {
        function(b, f); // FROM VECTOR_SEARCH(...)
      }
      return; // another table function: no table name
    }
    setTable(b, qualifiedName(), false);
  }

  private static void setTable(Block b, String name, boolean override) {
    if (b.table != null && !override) {
      return;
    }
    b.table = name;
    for (Block x = b; x.feedsParentTable && x.parent != null && x.parent.table == null; x = x.parent) {
      x.parent.table = name; // FROM (SELECT ... FROM docs ...) t: the search reads docs
    }
  }

  private void function(@Nullable Block b, Function f) {
    if (f.kind == VectorVocabulary.SET_CONFIG) {
      setConfig();
      return;
    }
    boolean negated = prevType == MINUS // 1 - cosine_distance(a, b)
        || (prevType == LPAREN && tracked(tokDepth) && frameNegated[tokDepth]);
    next(); // '('
    Call call = new Call(f, b);
    call.sqlServer = f.kind == VectorVocabulary.VECTOR_DISTANCE && dialect == SqlDialect.SQLSERVER;
    if (tracked(depth)) {
      frameKinds[depth] = f.kind == VectorVocabulary.VECTOR_SEARCH ? F_VECTOR_SEARCH : F_CALL;
      frameCalls[depth] = call;
    }
    if (b != null) {
      Boolean exact = f.kind == VectorVocabulary.VECTOR_SEARCH ? Boolean.FALSE
          : call.sqlServer ? Boolean.TRUE : null;
      String metric = f.kind == VectorVocabulary.VECTOR_DISTANCE && !call.sqlServer
          ? VectorSql.COSINE // Oracle's default, until a metric argument says otherwise
          : f.metric;
      registerMarker(b, metric, f.similarity, exact, call, negated);
    } else {
      preludeMarker(f.metric, f.similarity);
    }
    if (call.isOperand(0)) {
      expect = EXPECT_VECTOR;
    }
  }

  private void callArgument(@Nullable Call call, int t) {
    if (call == null) {
      return;
    }
    if (t == COMMA) {
      call.arg++;
      call.argTokens = 0;
      if (call.isOperand(call.arg)) {
        expect = EXPECT_VECTOR;
        expectBlock = null;
      }
      return;
    }
    if (call.argTokens++ > 0 || call.fn.kind != VectorVocabulary.VECTOR_DISTANCE) {
      return;
    }
    if (call.arg == 0 && t == STRING) {
      // SQL Server puts the metric first: VECTOR_DISTANCE('cosine', a, b). Oracle may pass a vector
      // literal there, so only a metric name switches style outside SQL Server.
      String metric = VectorVocabulary.sqlServerMetric(SqlLexer.stringContent(sql, start, end));
      if (metric != null || call.sqlServer) {
        call.sqlServer = true;
        call.metric = metric;
        call.metricSeen = true;
      }
    } else if (call.arg == 2 && !call.sqlServer && t == WORD) {
      call.metric = VectorVocabulary.oracleMetric(sql, start, end);
      call.metricSeen = true;
    }
  }

  /** SQL Server {@code VECTOR_SEARCH(TABLE = t AS a, COLUMN = c, SIMILAR_TO = v, METRIC = 'm', TOP_N = k)}. */
  private boolean vectorSearchArgument(@Nullable Call call, int t) {
    if (call == null) {
      return false;
    }
    if (t == COMMA) {
      call.vsState = VS_NAME;
      return false;
    }
    switch (call.vsState) {
      case VS_NAME:
        call.vsState = VS_REST;
        if (t == WORD) {
          call.vsState = VS_EQ;
          call.vsArg = is("table") ? 1 : is("column") ? 2 : is("similar_to") ? 3 : is("metric") ? 4
              : is("top_n") ? 5 : 0;
        }
        return false;
      case VS_EQ:
        call.vsState = t == EQ ? VS_VALUE : VS_REST;
        if (t == EQ && call.vsArg == 3) {
          expect = EXPECT_VECTOR;
          expectBlock = null;
        }
        return false;
      case VS_VALUE:
        call.vsState = VS_REST;
        Block b = call.block;
        if (call.vsArg == 1 && (t == WORD || t == QUOTED_IDENT)) {
          String name = qualifiedName();
          if (b != null) {
            setTable(b, name, true);
          }
          return true;
        }
        if (call.vsArg == 4 && t == STRING) {
          call.metric = VectorVocabulary.sqlServerMetric(SqlLexer.stringContent(sql, start, end));
        } else if (call.vsArg == 5 && b != null && (t == NUMBER || t == PARAM)) {
          b.hasTopN = true;
          b.topN = t == NUMBER ? count() : -1;
          b.topNParam = t == PARAM ? value : 0;
        }
        return false;
      default:
        return false;
    }
  }

  private void finishCall(Call call) {
    Block b = call.block;
    if (b == null || b.markerCall != call) {
      return;
    }
    if (call.fn.kind == VectorVocabulary.VECTOR_DISTANCE) {
      if (call.sqlServer) {
        b.metric = call.metric;
        b.markerExact = Boolean.TRUE; // VECTOR_DISTANCE never uses a vector index
      } else {
        b.metric = call.metricSeen ? call.metric : VectorSql.COSINE; // Oracle's default metric
      }
    } else if (call.fn.kind == VectorVocabulary.VECTOR_SEARCH) {
      b.metric = call.metric;
    }
  }

  /** {@code SELECT set_config('hnsw.ef_search', '100', false)}: literal arguments only. */
  private void setConfig() {
    next(); // '('
    if (lx.peek() != STRING) {
      return;
    }
    next();
    if (end - start > 80) {
      return;
    }
    String name = SqlLexer.stringContent(sql, start, end).trim().toLowerCase(Locale.ROOT);
    if (lx.peek() != COMMA) {
      return;
    }
    next();
    String setting;
    int p = lx.peek();
    if (p == STRING || p == NUMBER) {
      next();
      if (end - start > 256) {
        return;
      }
      setting = p == STRING ? SqlLexer.stringContent(sql, start, end) : sql.substring(start, end);
    } else {
      return; // a bound value (?) is not known here
    }
    boolean local = false;
    if (lx.peek() == COMMA) {
      next();
      if (lx.peekIs("true")) {
        next();
        local = true;
      }
    }
    if (VectorVocabulary.isVectorSetting(name)) {
      if (settings == null) {
        settings = new ArrayList<>(2);
      }
      if (settings.size() < VectorSqlClassifier.MAX_SETTINGS) {
        settings.add(new Setting(name, setting, local));
      }
    }
  }

  private void preludeMarker(@Nullable String metric, boolean similarity) {
    if (withPrelude && !preludeMarker) {
      preludeMarker = true;
      preludeMetric = metric;
      preludeSimilarity = similarity;
    }
  }

  private void registerMarker(Block b, @Nullable String metric, boolean similarity,
      @Nullable Boolean exact, @Nullable Call call, boolean negated) {
    if (b.inList && openWindows == 0) {
      if (!b.itemMarker && negated) {
        b.itemNegated = true;
      }
      b.itemMarker = true;
    }
    if (!b.hasMarker) {
      b.hasMarker = true;
      b.metric = metric;
      b.similarity = similarity;
      b.markerExact = exact;
      b.markerCall = call;
      b.markerIsTable = call != null && call.fn.kind == VectorVocabulary.VECTOR_SEARCH;
    }
    if (search == null || b.depth < search.depth) {
      search = b;
    }
  }

  private void operandParameter(int kind, @Nullable Block b, int ordinal) {
    if (kind == EXPECT_MATCH) {
      if (b != null) {
        b.addMatchParameter(ordinal);
      }
    } else {
      addVectorParameter(ordinal);
    }
  }

  private void addVectorParameter(int ordinal) {
    if (vectorParamCount == vectorParams.length) {
      vectorParams = Arrays.copyOf(vectorParams, vectorParamCount * 2);
    }
    vectorParams[vectorParamCount++] = ordinal;
  }

  // ---------------------------------------------------------------- result

  @Nullable
  private VectorSql result() {
    Block s = search;
    boolean byMatch = false;
    if (s == null) {
      Block m = matchBlock;
      // sqlite-vec KNN: MATCH with k = n, or with LIMIT and a distance column (FTS5's MATCH has neither)
      if (m != null && (m.hasK || (m.hasLimit && m.distanceLabel != null))) {
        s = m;
        byMatch = true;
      }
    }
    if (s == null) {
      return null;
    }
    String metric = byMatch ? null : s.metric;
    boolean higherIsBetter = !byMatch && s.similarity;
    Boolean exact = byMatch ? null : s.markerExact;

    long topK = -1;
    int topKParameter = 0;
    if (s.hasTopN) {
      topK = s.topN;
      topKParameter = s.topNParam;
    } else if (s.hasMatch && s.hasK) {
      topK = s.k;
      topKParameter = s.kParam;
    } else {
      for (Block x = s; x != null; x = outer(x)) {
        if (x.hasLimit) {
          topK = x.limit;
          topKParameter = x.limitParam;
          break;
        }
      }
    }
    if (exact == null) {
      for (Block x = s; x != null; x = outer(x)) {
        if (x.fetchExact != null) {
          exact = x.fetchExact;
          break;
        }
      }
    }

    String label = null;
    int index = 0;
    boolean negated = false;
    if (s.scoreFound) {
      label = s.scoreLabel;
      index = s.scoreIndex;
      negated = s.scoreNegated;
    } else if ((byMatch || s.markerIsTable) && s.distanceLabel != null) {
      label = s.distanceLabel; // the distance column of sqlite-vec vec0 and SQL Server VECTOR_SEARCH
      index = s.distanceIndex;
    }
    String id = s.idLabel;
    Block m = main;
    if (m != null && s != m && m.labels != null) {
      if (flowsInto(s, m)) {
        // the search is a CTE or FROM subquery: its columns reach the result through the outer list
        boolean loneStar = m.labels.size() == 1 && m.labels.get(0) == STAR_ITEM;
        if (!loneStar) {
          index = label == null ? 0 : outerIndex(m.labels, label);
          label = label == null ? null : outerLabel(m.labels, label);
          id = id == null ? null : outerLabel(m.labels, id);
        }
      } else {
        label = null;
        index = 0;
        id = null;
      }
      if (m.idLabel != null) {
        id = m.idLabel;
      }
    }
    if (negated && (label != null || index > 0)) {
      higherIsBetter = !higherIsBetter; // 1 - (a <=> b), (a <#> b) * -1
    }
    return new VectorSql(VectorSql.Kind.VECTOR_SEARCH, metric, higherIsBetter, topK, topKParameter,
        exact, label, index, s.table, vectorParameters(s), id, Collections.<Setting>emptyList());
  }

  @Nullable
  private Block outer(Block b) {
    if (b.parent != null) {
      return b.parent;
    }
    return b.origin == ORIGIN_CTE && b != main ? main : null;
  }

  private static boolean flowsInto(Block inner, Block main) {
    for (Block x = inner; x != null && x != main; x = x.parent) {
      if (x.origin != ORIGIN_CTE && x.origin != ORIGIN_FROM) {
        return false; // a WHERE or scalar subquery: its columns are not in the result
      }
    }
    return true;
  }

  /** Position in the outer list of the column labelled {@code label}; 0 when unknown. */
  private static int outerIndex(List<String> labels, String label) {
    boolean starBefore = false;
    for (int i = 0; i < labels.size(); i++) {
      String item = labels.get(i);
      if (item == STAR_ITEM) {
        starBefore = true;
      } else if (item != null && item.equalsIgnoreCase(label)) {
        return starBefore ? 0 : i + 1;
      }
    }
    return 0;
  }

  /** The outer label of {@code label}: as the outer list writes it, or through a {@code *}. */
  @Nullable
  private static String outerLabel(List<String> labels, String label) {
    boolean star = false;
    for (String item : labels) {
      if (item == STAR_ITEM) {
        star = true;
      } else if (item != null && item.equalsIgnoreCase(label)) {
        return item;
      }
    }
    return star ? label : null;
  }

  private int[] vectorParameters(Block s) {
    int count = vectorParamCount + (s.hasMatch ? s.matchParamCount : 0);
    if (count == 0) {
      return new int[0];
    }
    int[] all = Arrays.copyOf(vectorParams, count);
    if (s.hasMatch && s.matchParamCount > 0) {
      System.arraycopy(s.matchParams, 0, all, vectorParamCount, s.matchParamCount);
    }
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    return distinct == all.length ? all : Arrays.copyOf(all, distinct);
  }

  // ---------------------------------------------------------------- text helpers

  private boolean is(String lowerCaseWord) {
    return type == WORD && lx.regionIs(start, end, lowerCaseWord);
  }

  /** The current NUMBER token as a count; -1 when it is not a plain integer. */
  private long count() {
    int len = end - start;
    if (len == 0 || len > 18) {
      return -1;
    }
    long n = 0;
    for (int i = start; i < end; i++) {
      char c = sql.charAt(i);
      if (!SqlLexer.isDigit(c)) {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** {@code name}, {@code schema.name}, {@code [dbo].[docs]} from the current token on, unquoted. */
  private String qualifiedName() {
    String first = SqlLexer.identifierText(sql, type, start, end);
    if (lx.peek() != DOT) {
      return first;
    }
    StringBuilder name = new StringBuilder(first);
    while (lx.peek() == DOT) {
      next();
      int p = lx.peek();
      if (p != WORD && p != QUOTED_IDENT) {
        break;
      }
      next();
      name.append('.').append(SqlLexer.identifierText(sql, type, start, end));
    }
    return name.toString();
  }

  // ---------------------------------------------------------------- types

  /** A distance function call (or VECTOR_SEARCH) whose arguments are being read. */
  private static final class Call {
    final Function fn;
    @Nullable final Block block;
    int arg;
    int argTokens;
    boolean sqlServer;
    @Nullable String metric;
    boolean metricSeen;
    int vsState = VS_NAME;
    int vsArg;

    Call(Function fn, @Nullable Block block) {
      this.fn = fn;
      this.block = block;
    }

    boolean isOperand(int argument) {
      switch (fn.kind) {
        case VectorVocabulary.PLAIN:
          return true;
        case VectorVocabulary.VECTOR_DISTANCE:
          return sqlServer ? argument == 1 || argument == 2 : argument == 0 || argument == 1;
        default:
          return false;
      }
    }
  }

  /** One SELECT: its select list as read so far, its first table, its limits, its first distance. */
  private final class Block {
    final int depth;
    @Nullable final Block parent;
    final int origin;

    int clause = CLAUSE_OTHER;
    boolean inList;
    boolean fromSeen;
    boolean tableFromSubquery;
    boolean tableChildChosen;
    boolean feedsParentTable;
    @Nullable String table;

    boolean hasLimit;
    long limit = -1;
    int limitParam;
    boolean hasTopN;
    long topN = -1;
    int topNParam;
    boolean hasK;
    long k = -1;
    int kParam;
    @Nullable Boolean fetchExact;

    boolean hasMarker;
    @Nullable String metric;
    boolean similarity;
    @Nullable Boolean markerExact;
    @Nullable Call markerCall;
    boolean markerIsTable;
    boolean hasMatch;
    int[] matchParams;
    int matchParamCount;

    // the item being read: its top-level tokens, the last 8 in rings
    int itemIndex = 1;
    boolean starSeen;
    int itemTokens;
    boolean itemMarker;
    boolean itemNegated;
    /**
     * The last 8 top-level tokens of the item, {@link #FIELDS} ints each (one array: blocks are many
     * in deeply nested SQL): type, offsets, keyword, and the plain-column state after the token with
     * the last name part. The state of slot 0 before the first token is {@code P_START}.
     */
    final int[] ring = new int[8 * FIELDS];

    boolean scoreFound;
    int scoreIndex;
    @Nullable String scoreLabel;
    boolean scoreNegated;
    @Nullable String idLabel;
    @Nullable String distanceLabel;
    int distanceIndex;
    /** Labels of the items, for the main block only: a null label is an unnamed expression. */
    @Nullable List<String> labels;

    Block(int depth, @Nullable Block parent, int origin) {
      this.depth = depth;
      this.parent = parent;
      this.origin = origin;
    }

    void setLimit(long n, int param) {
      hasLimit = true;
      limit = n;
      limitParam = param;
    }

    void addMatchParameter(int ordinal) {
      if (matchParams == null) {
        matchParams = new int[2];
      } else if (matchParamCount == matchParams.length) {
        matchParams = Arrays.copyOf(matchParams, matchParamCount * 2);
      }
      matchParams[matchParamCount++] = ordinal;
    }

    void feed(int t, int s, int e, int k) {
      int i = ++itemTokens;
      int slot = (i & 7) * FIELDS;
      ring[slot + TYPE] = t;
      ring[slot + START] = s;
      ring[slot + END] = e;
      ring[slot + KW] = k;
      int before = ring[((i - 1) & 7) * FIELDS + PLAIN];
      int state;
      if (before == P_START || before == P_DOT) {
        if (t == QUOTED_IDENT || (t == WORD && (before == P_DOT || k == Keywords.NONE))) {
          state = P_NAME;
        } else {
          state = t == STAR ? P_STAR : P_NO;
        }
      } else if (before == P_NAME) {
        state = t == DOT ? P_DOT : P_NO;
      } else {
        state = P_NO;
      }
      ring[slot + PLAIN] = state;
      if (state == P_NAME) {
        ring[slot + NAME_TYPE] = t;
        ring[slot + NAME_START] = s;
        ring[slot + NAME_END] = e;
      }
    }

    void endList() {
      if (inList) {
        endItem();
        inList = false;
      }
    }

    void endItem() {
      int n = itemTokens;
      if (n == 0) {
        return;
      }
      int last = (n & 7) * FIELDS;
      int beforeLast = ((n - 1) & 7) * FIELDS;
      int aliasTokens = 0;
      if (n >= 2) {
        int t0 = ring[last + TYPE];
        int k0 = ring[last + KW];
        int t1 = ring[beforeLast + TYPE];
        int k1 = ring[beforeLast + KW];
        if (n >= 3 && t1 == WORD && k1 == Keywords.AS
            && (t0 == WORD || t0 == QUOTED_IDENT || t0 == STRING)) {
          aliasTokens = 2;
        } else if ((t0 == QUOTED_IDENT || (t0 == WORD && k0 == Keywords.NONE)) && endsOperand(t1, k1)) {
          aliasTokens = 1;
        }
      }
      String alias = aliasTokens == 0 ? null
          : SqlLexer.identifierText(sql, ring[last + TYPE], ring[last + START], ring[last + END]);
      int exprEnd = n - aliasTokens;
      int exprSlot = (exprEnd & 7) * FIELDS;
      int state = ring[exprSlot + PLAIN];
      boolean plain = state == P_NAME;
      boolean star = state == P_STAR && aliasTokens == 0;
      int position = starSeen ? 0 : itemIndex;

      if (!itemMarker && !scoreFound && plain && preludeAlias != null && labels != null
          && nameIs(exprSlot, preludeAlias)) {
        itemMarker = true; // WITH distance AS d SELECT d: the main list selects the distance
      }
      if (itemMarker && !scoreFound) {
        scoreFound = true;
        scoreIndex = position;
        scoreLabel = alias != null ? alias : plain ? name(exprSlot) : null;
        scoreNegated = itemNegated // 1 - (embedding <=> ?), (2 - (embedding <=> ?)) / 2
            || (exprEnd >= 3 && ring[exprSlot + TYPE] == NUMBER
                && ring[((exprEnd - 1) & 7) * FIELDS + TYPE] == MINUS
                && ring[((exprEnd - 2) & 7) * FIELDS + TYPE] == STAR); // (embedding <#> ?) * -1
      }
      if (idLabel == null) {
        if (alias != null && alias.equalsIgnoreCase("id")) {
          idLabel = alias;
        } else if (plain && nameIs(exprSlot, "id")) {
          idLabel = alias != null ? alias : name(exprSlot);
        }
      }
      if (distanceLabel == null && plain && nameIs(exprSlot, "distance")) {
        distanceLabel = alias != null ? alias : name(exprSlot);
        distanceIndex = position;
      }
      if (labels != null) {
        labels.add(star ? STAR_ITEM : alias != null ? alias : plain ? name(exprSlot) : null);
      }
      if (star) {
        starSeen = true;
      }
      itemIndex++;
      itemTokens = 0;
      itemMarker = false;
      itemNegated = false;
      ring[PLAIN] = P_START;
    }

    private boolean nameIs(int slot, String word) {
      if (ring[slot + NAME_TYPE] == WORD) {
        return lx.regionIs(ring[slot + NAME_START], ring[slot + NAME_END], word);
      }
      return name(slot).equalsIgnoreCase(word);
    }

    private String name(int slot) {
      return SqlLexer.identifierText(
          sql, ring[slot + NAME_TYPE], ring[slot + NAME_START], ring[slot + NAME_END]);
    }
  }

  /** Whether a token can end an expression, so that a following bare word is its alias. */
  private static boolean endsOperand(int t, int k) {
    switch (t) {
      case QUOTED_IDENT:
      case NUMBER:
      case STRING:
      case PARAM:
      case RPAREN:
      case RBRACKET:
      case VARIABLE:
        return true;
      case WORD:
        return k == Keywords.NONE || k == Keywords.END || k == Keywords.NULL || k == Keywords.TRUE
            || k == Keywords.FALSE;
      default:
        return false;
    }
  }
}

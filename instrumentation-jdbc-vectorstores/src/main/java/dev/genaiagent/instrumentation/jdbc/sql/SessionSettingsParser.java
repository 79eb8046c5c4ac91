package dev.genaiagent.instrumentation.jdbc.sql;

import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.COMMA;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.DOT;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.EOF;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.EQ;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.LPAREN;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.QUOTED_IDENT;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.RPAREN;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.SEMI;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.STRING;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.VARIABLE;
import static dev.genaiagent.instrumentation.jdbc.sql.SqlLexer.WORD;

import dev.genaiagent.instrumentation.jdbc.sql.VectorSql.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * PostgreSQL {@code SET [SESSION|LOCAL] name {=|TO} value} and {@code RESET name|ALL}, MariaDB
 * {@code SET [SESSION|LOCAL|@@session.|@@]name = value[, ...]}. Only allow-listed vector index
 * settings are kept; everything else a driver or pool sends ({@code SET autocommit=1},
 * {@code SET search_path}) is skipped. Each method reads through the end of its statement.
 */
final class SessionSettingsParser {
  /** Longer names and values are not vector index settings; skipping them bounds allocation. */
  private static final int MAX_NAME = 64;
  private static final int MAX_VALUE = 256;

  private SessionSettingsParser() {}

  /** After the {@code SET} word. */
  @Nullable
  static List<Setting> parseSet(SqlLexer lx, @Nullable List<Setting> out) {
    String sql = lx.sql();
    while (true) {
      boolean local = false;
      boolean skip = false;
      int t = lx.next();
      if (t == WORD && lx.is("session")) {
        t = lx.next();
      } else if (t == WORD && lx.is("local")) {
        local = true;
        t = lx.next();
      } else if (t == WORD && (lx.is("global") || lx.is("persist") || lx.is("persist_only"))) {
        skip = true; // server-wide, not this connection's state
        t = lx.next();
      }
      String name = null;
      if (t == VARIABLE) {
        if (lx.end - lx.start > 2 && sql.charAt(lx.start + 1) == '@') {
          boolean session = lx.regionIs(lx.start + 2, lx.end, "session")
              || lx.regionIs(lx.start + 2, lx.end, "local");
          boolean global = lx.regionIs(lx.start + 2, lx.end, "global");
          if ((session || global) && lx.peek() == DOT) {
            lx.next();
            t = lx.next();
            skip |= global;
            local = false;
            if (t == WORD || t == QUOTED_IDENT) {
              name = name(lx);
              t = lx.next();
            }
          } else if (!session && !global && lx.end - lx.start <= MAX_NAME) {
            name = sql.substring(lx.start + 2, lx.end).toLowerCase(Locale.ROOT); // @@mhnsw_ef_search
            t = lx.next();
          }
        } else {
          skip = true; // a user variable (@x)
        }
      } else if (t == WORD || t == QUOTED_IDENT) {
        name = name(lx);
        t = lx.next();
      }
      boolean assignment = name != null && (t == EQ || (t == WORD && lx.is("to")));
      if (assignment) {
        t = lx.next();
      }
      // the value: everything up to ',' (MariaDB lists several assignments) or the statement's end
      int depth = 0;
      int count = 0;
      int firstType = EOF;
      int firstStart = 0;
      int firstEnd = 0;
      int lastEnd = 0;
      while (t != EOF && !(depth == 0 && (t == SEMI || t == COMMA))) {
        if (t == LPAREN) {
          depth++;
        } else if (t == RPAREN && depth > 0) {
          depth--;
        }
        if (count++ == 0) {
          firstType = t;
          firstStart = lx.start;
          firstEnd = lx.end;
        }
        lastEnd = lx.end;
        t = lx.next();
      }
      if (assignment && !skip && count > 0 && VectorVocabulary.isVectorSetting(name)
          && lastEnd - firstStart <= MAX_VALUE) {
        String value;
        if (count == 1 && (firstType == STRING || firstType == QUOTED_IDENT)) {
          value = SqlLexer.identifierText(sql, firstType, firstStart, firstEnd); // unquoted
        } else if (count == 1 && firstType == WORD && lx.regionIs(firstStart, firstEnd, "default")) {
          value = null; // SET name = DEFAULT resets it
        } else {
          value = sql.substring(firstStart, lastEnd);
        }
        out = add(out, new Setting(name, value, local && VectorVocabulary.isPostgresSetting(name)));
      }
      if (t != COMMA) {
        return out;
      }
    }
  }

  /** After the {@code RESET} word. */
  @Nullable
  static List<Setting> parseReset(SqlLexer lx, @Nullable List<Setting> out) {
    int t = lx.next();
    if (t == WORD && lx.is("all")) {
      out = add(out, new Setting("all", null));
      t = lx.next();
    } else if (t == WORD || t == QUOTED_IDENT) {
      String name = name(lx);
      if (name != null && VectorVocabulary.isVectorSetting(name)) {
        out = add(out, new Setting(name, null));
      }
      t = lx.next();
    }
    int depth = 0;
    while (t != EOF && !(depth == 0 && t == SEMI)) {
      if (t == LPAREN) {
        depth++;
      } else if (t == RPAREN && depth > 0) {
        depth--;
      }
      t = lx.next();
    }
    return out;
  }

  /** {@code hnsw.ef_search} from the current token on, lower case; null when too long. */
  @Nullable
  private static String name(SqlLexer lx) {
    String sql = lx.sql();
    StringBuilder name = new StringBuilder();
    boolean tooLong = false;
    while (true) {
      if (name.length() + lx.end - lx.start > MAX_NAME) {
        tooLong = true;
      } else {
        name.append(SqlLexer.identifierText(sql, lx.type, lx.start, lx.end));
      }
      if (lx.peek() != DOT) {
        break;
      }
      lx.next();
      int p = lx.peek();
      if (p != WORD && p != QUOTED_IDENT) {
        break;
      }
      lx.next();
      if (!tooLong) {
        name.append('.');
      }
    }
    return tooLong ? null : name.toString().toLowerCase(Locale.ROOT);
  }

  private static List<Setting> add(@Nullable List<Setting> out, Setting setting) {
    List<Setting> list = out == null ? new ArrayList<Setting>(2) : out;
    if (list.size() < VectorSqlClassifier.MAX_SETTINGS) {
      list.add(setting);
    }
    return list;
  }
}

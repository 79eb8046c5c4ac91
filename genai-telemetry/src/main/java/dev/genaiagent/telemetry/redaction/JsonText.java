package dev.genaiagent.telemetry.redaction;

import static dev.genaiagent.telemetry.redaction.Chars.escaping;
import static dev.genaiagent.telemetry.redaction.Chars.isHex;

/**
 * Keeps JSON texts (tool arguments and results, which are embedded as JSON when they parse) valid
 * through redaction: spans never start or end inside an escape sequence, never cross a string's
 * quotes, and a value outside any string (a card number as a JSON number) becomes a quoted string.
 */
final class JsonText {

  /**
   * Whether {@code s} is a JSON object or array: the texts {@code ContentCapture} embeds as JSON rather
   * than as a string. Accepts at least what its own check accepts (here without a depth limit), so an
   * embedded text is never mistaken for plain text. A text that is not JSON (plain, or cut mid-stream)
   * is embedded as an escaped string, where no replacement can break anything.
   */
  static boolean isJsonDocument(String s) {
    int i = skipWhitespace(s, 0);
    if (i == s.length() || (s.charAt(i) != '{' && s.charAt(i) != '[')) {
      return false;
    }
    try {
      return new Validator(s).document();
    } catch (IndexOutOfBoundsException e) {
      return false;
    }
  }

  private static int skipWhitespace(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        break;
      }
      i++;
    }
    return i;
  }

  /** RFC 8259 syntax, iterative: a stack of open containers instead of recursion, so any depth is fine. */
  private static final class Validator {
    private final String s;
    private int pos;
    private boolean[] objects = new boolean[16];
    private int depth;

    Validator(String s) {
      this.s = s;
    }

    boolean document() {
      pos = skipWhitespace(s, 0);
      boolean needValue = true;
      while (true) {
        if (needValue) {
          char c = s.charAt(pos);
          if (c == '{' || c == '[') {
            pos = skipWhitespace(s, pos + 1);
            if (s.charAt(pos) == (c == '{' ? '}' : ']')) {
              pos++;
              needValue = false;
            } else {
              if (depth == objects.length) {
                objects = java.util.Arrays.copyOf(objects, depth * 2);
              }
              objects[depth++] = c == '{';
              if (c == '{' && !member()) {
                return false;
              }
            }
          } else if (scalar()) {
            needValue = false;
          } else {
            return false;
          }
          continue;
        }
        pos = skipWhitespace(s, pos);
        if (depth == 0) {
          return pos == s.length();
        }
        char c = s.charAt(pos);
        boolean object = objects[depth - 1];
        if (c == ',') {
          pos = skipWhitespace(s, pos + 1);
          if (object && !member()) {
            return false;
          }
          needValue = true;
        } else if (c == (object ? '}' : ']')) {
          pos++;
          depth--;
        } else {
          return false;
        }
      }
    }

    /** A key and its colon, the value left to the caller. */
    private boolean member() {
      if (!string()) {
        return false;
      }
      pos = skipWhitespace(s, pos);
      if (s.charAt(pos) != ':') {
        return false;
      }
      pos = skipWhitespace(s, pos + 1);
      return true;
    }

    private boolean scalar() {
      char c = s.charAt(pos);
      if (c == '"') {
        return string();
      }
      if (s.startsWith("true", pos) || s.startsWith("null", pos)) {
        pos += 4;
        return true;
      }
      if (s.startsWith("false", pos)) {
        pos += 5;
        return true;
      }
      return number();
    }

    private boolean string() {
      if (s.charAt(pos) != '"') {
        return false;
      }
      pos++;
      while (true) {
        char c = s.charAt(pos++);
        if (c == '"') {
          return true;
        }
        if (c == '\\') {
          char e = s.charAt(pos++);
          if (e == 'u') {
            for (int k = 0; k < 4; k++) {
              if (Character.digit(s.charAt(pos++), 16) < 0) {
                return false;
              }
            }
          } else if ("\"\\/bfnrt".indexOf(e) < 0) {
            return false;
          }
        } else if (c < 0x20) {
          return false;
        }
      }
    }

    private boolean number() {
      int start = pos;
      if (pos < s.length() && s.charAt(pos) == '-') {
        pos++;
      }
      if (!digits()) {
        return false;
      }
      if (pos < s.length() && s.charAt(pos) == '.') {
        pos++;
        if (!digits()) {
          return false;
        }
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        pos++;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
          pos++;
        }
        if (!digits()) {
          return false;
        }
      }
      return pos > start;
    }

    private boolean digits() {
      int start = pos;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        pos++;
      }
      return pos > start;
    }
  }

  /** Characters that end a bare JSON value. */
  static boolean isDelimiter(char c) {
    return c == ',' || c == ':' || c == '{' || c == '}' || c == '[' || c == ']' || c == '"'
        || c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /** Moves a span start that falls inside an escape ({@code \n}, {@code \u00e9}) past it. */
  static int fixStart(String s, int start) {
    int b = start - 1;
    int k = b;
    while (k >= 0 && start - k <= 4 && isHex(s.charAt(k))) {
      k--;
    }
    if (k >= 1 && s.charAt(k) == 'u' && s.charAt(k - 1) == '\\' && escaping(s, k - 1) && k + 5 > start) {
      return Math.min(k + 5, s.length());
    }
    if (b >= 0 && s.charAt(b) == '\\' && escaping(s, b)) {
      int length = start < s.length() && s.charAt(start) == 'u' ? 6 : 2;
      return Math.min(b + length, s.length());
    }
    return start;
  }

  /** Moves a span end that falls inside an escape to the escape's end (redacting more, never less). */
  static int fixEnd(String s, int end) {
    for (int b = end - 1; b >= 0 && b >= end - 6; b--) {
      char c = s.charAt(b);
      if (c == '\\') {
        if (!escaping(s, b)) {
          return end;
        }
        int length = b + 1 < s.length() && s.charAt(b + 1) == 'u' ? 6 : 2;
        return Math.max(end, Math.min(s.length(), b + length));
      }
      if (!isHex(c) && c != 'u') {
        return end;
      }
    }
    return end;
  }

  /** Whether {@code [start, end)} holds a quote that is not escaped, i.e. crosses a string boundary. */
  static boolean crossesQuote(String s, int start, int end) {
    for (int p = start; p < end; p++) {
      char c = s.charAt(p);
      if (c == '\\') {
        p++;
      } else if (c == '"') {
        return true;
      }
    }
    return false;
  }

  /** Tells, for increasing positions, whether they are inside a JSON string. */
  static final class Cursor {
    private int pos;
    private boolean inString;
    private boolean escaped;

    boolean inStringAt(String s, int target) {
      while (pos < target) {
        char c = s.charAt(pos++);
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = inString;
        } else if (c == '"') {
          inString = !inString;
        }
      }
      return inString;
    }
  }

  /**
   * Splits a custom pattern's match so no piece crosses a quote or takes JSON punctuation outside
   * strings: pieces are the runs of characters inside one string, or of bare-value characters outside.
   * Adds each piece through {@code sink}.
   */
  static void splitMatch(String s, int start, int end, boolean[] inString, PieceSink sink) {
    int pieceStart = -1;
    boolean pieceInString = false;
    for (int p = start; p <= end; p++) {
      boolean keep = false;
      boolean here = false;
      if (p < end) {
        char c = s.charAt(p);
        here = inString[p];
        keep = here ? c != '"' || (p > 0 && s.charAt(p - 1) == '\\' && escaping(s, p - 1)) : !isDelimiter(c);
      }
      if (pieceStart >= 0 && (!keep || here != pieceInString)) {
        sink.piece(pieceStart, p);
        pieceStart = -1;
      }
      if (keep && pieceStart < 0) {
        pieceStart = p;
        pieceInString = here;
      }
    }
  }

  /** For each position, whether it is inside a string (the opening quote counts as outside, the closing one as inside). */
  static boolean[] stringMap(String s) {
    boolean[] map = new boolean[s.length()];
    Cursor cursor = new Cursor();
    for (int p = 0; p < s.length(); p++) {
      map[p] = cursor.inStringAt(s, p);
    }
    return map;
  }

  interface PieceSink {
    void piece(int start, int end);
  }

  private JsonText() {}
}

package dev.genaiagent.telemetry.content;

/** Minimal JSON text helpers: escaping for the writer, and a syntax check for embedding raw JSON. */
public final class Json {

  static void appendString(StringBuilder out, String value) {
    out.ensureCapacity(out.length() + value.length() + 2);
    out.append('"');
    // Copy runs of characters that need no escaping in one append: most text has few escapes.
    int runStart = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String escape = escape(c);
      if (escape != null) {
        out.append(value, runStart, i).append(escape);
        runStart = i + 1;
      }
    }
    out.append(value, runStart, value.length());
    out.append('"');
  }

  private static String escape(char c) {
    switch (c) {
      case '"':
        return "\\\"";
      case '\\':
        return "\\\\";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        if (c < 0x20 || c == 0x2028 || c == 0x2029) {
          return String.format("\\u%04x", (int) c);
        }
        return null;
    }
  }

  /** Whether {@code text} is one complete JSON value (tool arguments are often cut mid-stream). */
  public static boolean isValid(String text) {
    try {
      Validator v = new Validator(text);
      v.skipWhitespace();
      v.value(0);
      v.skipWhitespace();
      return v.pos == text.length();
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      return false;
    }
  }

  private static final class Validator {
    private static final int MAX_DEPTH = 64;
    private final String s;
    int pos;

    Validator(String s) {
      this.s = s;
    }

    void value(int depth) {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException("too deep");
      }
      char c = s.charAt(pos);
      if (c == '{') {
        pos++;
        skipWhitespace();
        if (s.charAt(pos) == '}') {
          pos++;
          return;
        }
        while (true) {
          skipWhitespace();
          string();
          skipWhitespace();
          expect(':');
          skipWhitespace();
          value(depth + 1);
          skipWhitespace();
          if (s.charAt(pos) == ',') {
            pos++;
          } else {
            expect('}');
            return;
          }
        }
      } else if (c == '[') {
        pos++;
        skipWhitespace();
        if (s.charAt(pos) == ']') {
          pos++;
          return;
        }
        while (true) {
          skipWhitespace();
          value(depth + 1);
          skipWhitespace();
          if (s.charAt(pos) == ',') {
            pos++;
          } else {
            expect(']');
            return;
          }
        }
      } else if (c == '"') {
        string();
      } else if (s.startsWith("true", pos)) {
        pos += 4;
      } else if (s.startsWith("false", pos)) {
        pos += 5;
      } else if (s.startsWith("null", pos)) {
        pos += 4;
      } else {
        number();
      }
    }

    void string() {
      expect('"');
      while (true) {
        char c = s.charAt(pos++);
        if (c == '"') {
          return;
        } else if (c == '\\') {
          char e = s.charAt(pos++);
          if (e == 'u') {
            for (int i = 0; i < 4; i++) {
              if (Character.digit(s.charAt(pos++), 16) < 0) {
                throw new IllegalArgumentException("bad escape");
              }
            }
          } else if ("\"\\/bfnrt".indexOf(e) < 0) {
            throw new IllegalArgumentException("bad escape");
          }
        } else if (c < 0x20) {
          throw new IllegalArgumentException("control character");
        }
      }
    }

    void number() {
      int start = pos;
      if (s.charAt(pos) == '-') {
        pos++;
      }
      digits();
      if (pos < s.length() && s.charAt(pos) == '.') {
        pos++;
        digits();
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        pos++;
        if (s.charAt(pos) == '+' || s.charAt(pos) == '-') {
          pos++;
        }
        digits();
      }
      if (pos == start) {
        throw new IllegalArgumentException("not a value");
      }
    }

    private void digits() {
      int start = pos;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        pos++;
      }
      if (pos == start) {
        throw new IllegalArgumentException("digits expected");
      }
    }

    void expect(char c) {
      if (s.charAt(pos) != c) {
        throw new IllegalArgumentException("expected " + c);
      }
      pos++;
    }

    void skipWhitespace() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
          return;
        }
        pos++;
      }
    }
  }

  private Json() {}
}

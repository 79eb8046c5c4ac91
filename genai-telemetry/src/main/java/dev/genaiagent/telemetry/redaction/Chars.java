package dev.genaiagent.telemetry.redaction;

/**
 * Character tests shared by the detectors. Tokens are ASCII: a CJK or accented letter next to a value
 * separates it like a space does ({@code 電話は03-1234-5678です}).
 */
final class Chars {

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isAlnum(char c) {
    return isDigit(c) || isLetter(c);
  }

  static boolean isWordChar(char c) {
    return isAlnum(c) || c == '_';
  }

  static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /**
   * Whether a token can start at {@code i}: not inside a word, and not the continuation of an
   * identifier joined by {@code -} or {@code .} ({@code INV-2024-4111…}, UUID groups, {@code v1.2.3.4}).
   * Right after a JSON escape ({@code \n4111…}, {@code \u00e9…}) a token does start.
   */
  static boolean boundaryBefore(String s, int i) {
    if (i == 0) {
      return true;
    }
    char p = s.charAt(i - 1);
    if (!isWordChar(p)) {
      return !((p == '-' || p == '.') && i >= 2 && isWordChar(s.charAt(i - 2)));
    }
    if (i >= 2 && s.charAt(i - 2) == '\\' && "nrtbf".indexOf(p) >= 0 && escaping(s, i - 2)) {
      return true;
    }
    return i >= 6 && s.charAt(i - 5) == 'u' && s.charAt(i - 6) == '\\' && isHex(p) && isHex(s.charAt(i - 2))
        && isHex(s.charAt(i - 3)) && isHex(s.charAt(i - 4)) && escaping(s, i - 6);
  }

  /**
   * Whether a number-like token may end at {@code end}: not followed by a word character, nor by
   * {@code -}, {@code .} joining more of an identifier, nor (unless {@code allowPort}) by {@code :} and
   * a digit, as in the time of a timestamp.
   */
  static boolean endsToken(String s, int end, boolean allowPort) {
    if (end >= s.length()) {
      return true;
    }
    char c = s.charAt(end);
    if (isWordChar(c)) {
      return false;
    }
    if (end + 1 < s.length()) {
      char d = s.charAt(end + 1);
      if ((c == '-' || c == '.') && isWordChar(d)) {
        return false;
      }
      if (c == ':' && isDigit(d) && !allowPort) {
        return false;
      }
    }
    return true;
  }

  /** Whether the backslash at {@code b} escapes the next character (an odd run of backslashes ends at b). */
  static boolean escaping(String s, int b) {
    int count = 0;
    while (b >= 0 && s.charAt(b) == '\\') {
      count++;
      b--;
    }
    return (count & 1) == 1;
  }

  /** Whether the word ending at {@code end} (exclusive) is {@code word}, ignoring ASCII case. */
  static boolean wordBefore(String s, int end, String word) {
    int start = end - word.length();
    return start >= 0 && s.regionMatches(true, start, word, 0, word.length())
        && (start == 0 || !isWordChar(s.charAt(start - 1)));
  }

  private Chars() {}
}

package dev.genaiagent.instrumentation.jdbc.sql;

/**
 * A fixed set of lower-case words, looked up by a region of the SQL text in any case with exactly the
 * answers of {@link String#regionMatches(boolean, int, String, int, int) regionMatches(true, ...)}. It
 * runs for every word of a statement being analyzed, so the common case costs two array reads: words
 * are bucketed by length, first and last letter, and a word of another shape is rejected without
 * comparing characters. Case is folded with one bit for ASCII; a word with a character from U+0080,
 * which may still match ({@code ſelect} is {@code select} to {@code regionMatches}: U+017F upper-cases
 * to {@code S}), is compared by {@code regionMatches} itself.
 */
final class CaseInsensitiveWords {
  /** Far more buckets than words: the ordinary words of a statement land in empty ones. */
  private static final int BUCKET_BITS = 10;
  private static final int BUCKETS = 1 << BUCKET_BITS;
  private static final int[] EMPTY = new int[0];

  private final String[] words;
  private final char[][] chars;
  private final int maxLength;
  /** Indexes into {@link #words} by {@link #bucket}. */
  private final int[][] buckets = new int[BUCKETS][];

  /** {@code words} lower case, letters, digits and {@code _} only. */
  CaseInsensitiveWords(String... words) {
    this.words = words.clone();
    this.chars = new char[words.length][];
    int max = 0;
    int[] sizes = new int[BUCKETS];
    for (String w : words) {
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
          throw new IllegalArgumentException(w);
        }
      }
      max = Math.max(max, w.length());
      sizes[bucket(w.length(), w.charAt(0), w.charAt(w.length() - 1))]++;
    }
    this.maxLength = max;
    for (int b = 0; b < BUCKETS; b++) {
      buckets[b] = sizes[b] == 0 ? EMPTY : new int[sizes[b]];
      sizes[b] = 0;
    }
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      chars[i] = w.toCharArray();
      int b = bucket(w.length(), w.charAt(0), w.charAt(w.length() - 1));
      buckets[b][sizes[b]++] = i;
    }
  }

  /** Index of the word {@code sql[start, end)} in any case, -1 if not listed. */
  int indexOf(String sql, int start, int end) {
    int len = end - start;
    if (len <= 0 || len > maxLength) {
      return -1;
    }
    char first = sql.charAt(start);
    char last = sql.charAt(end - 1);
    if ((first | last) >= 0x80) {
      return indexOfByRegionMatches(sql, start, len);
    }
    for (int i : buckets[bucket(len, first, last)]) {
      char[] w = chars[i];
      if (w.length == len && matches(sql, start, w)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * For ASCII characters {@code regionMatches} equality is equality after setting bit 5 on letters, so
   * every spelling of a word lands in the bucket of its lower-case form.
   */
  private static int bucket(int length, char first, char last) {
    int key = (length << 16) | (fold(first) << 8) | fold(last);
    return (key * 0x9E3779B1) >>> (32 - BUCKET_BITS); // Fibonacci hashing
  }

  private static int fold(char c) {
    return (c >= 'A' && c <= 'Z') ? c | 0x20 : c;
  }

  private static boolean matches(String sql, int start, char[] word) {
    int len = word.length;
    for (int i = 0; i < len; i++) {
      char c = sql.charAt(start + i);
      char w = word[i];
      if (c != w && !(w >= 'a' && w <= 'z' && (c | 0x20) == w)) {
        // beyond ASCII only regionMatches knows (U+0130, U+0131, U+017F, U+212A fold to i, s, k)
        return c >= 0x80 && sql.regionMatches(true, start, new String(word), 0, len);
      }
    }
    return true;
  }

  /**
   * {@code sql.regionMatches(true, start, word, 0, word.length())}, without its per-character case
   * mapping where both sides are ASCII.
   */
  static boolean regionMatches(String sql, int start, String word) {
    int len = word.length();
    if (start < 0 || start + len > sql.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      char c = sql.charAt(start + i);
      char w = word.charAt(i);
      if (c == w) {
        continue;
      }
      if ((c | w) >= 0x80) {
        return sql.regionMatches(true, start, word, 0, len);
      }
      int folded = c | 0x20;
      if (folded != (w | 0x20) || folded < 'a' || folded > 'z') {
        return false;
      }
    }
    return true;
  }

  /** First or last character beyond ASCII: rare, so a plain scan of the words of that length. */
  private int indexOfByRegionMatches(String sql, int start, int len) {
    for (int i = 0; i < words.length; i++) {
      if (words[i].length() == len && sql.regionMatches(true, start, words[i], 0, len)) {
        return i;
      }
    }
    return -1;
  }
}

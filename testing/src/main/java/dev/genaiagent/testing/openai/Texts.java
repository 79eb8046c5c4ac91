package dev.genaiagent.testing.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Text helpers shared by the endpoints: reading request text, splitting output, estimating tokens. */
final class Texts {

  private Texts() {}

  /**
   * A rough token count: about 4 characters a token, as OpenAI's rule of thumb for English. Deterministic, so
   * tests can predict default usage: {@code ceil(length / 4)}, 0 for empty text.
   */
  static int tokens(String text) {
    return text == null || text.isEmpty() ? 0 : (text.length() + 3) / 4;
  }

  /**
   * Splits text into streamed pieces: fixed {@code chunkSize} characters (code points), or, when 0, word by
   * word with the preceding whitespace attached ({@code "Hello there"} gives {@code "Hello", " there"}), which
   * is how token deltas look.
   */
  static List<String> pieces(String text, int chunkSize) {
    List<String> pieces = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return pieces;
    }
    if (chunkSize > 0) {
      int[] cps = text.codePoints().toArray();
      for (int i = 0; i < cps.length; i += chunkSize) {
        pieces.add(new String(cps, i, Math.min(chunkSize, cps.length - i)));
      }
      return pieces;
    }
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      pieces.add(text.substring(start, i));
      start = i;
    }
    return pieces;
  }

  /**
   * The text of a message {@code content}: a string, or an array of parts whose {@code text} fields are
   * joined (chat {@code text} parts, Responses {@code input_text}/{@code output_text} parts).
   */
  static String contentText(Object content) {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof List<?> parts) {
      StringBuilder sb = new StringBuilder();
      for (Object part : parts) {
        if (part instanceof Map<?, ?> m && m.get("text") instanceof String t) {
          if (sb.length() > 0) {
            sb.append('\n');
          }
          sb.append(t);
        }
      }
      return sb.toString();
    }
    return "";
  }

  /** The text of the last {@code role: user} entry of a messages/input array, or {@code null}. */
  static String lastUserText(Object messages) {
    if (!(messages instanceof List<?> list)) {
      return null;
    }
    for (int i = list.size() - 1; i >= 0; i--) {
      if (list.get(i) instanceof Map<?, ?> m && "user".equals(m.get("role"))) {
        return contentText(m.get("content"));
      }
    }
    return null;
  }

  /** All text in a messages/input array (contents, tool outputs, tool-call arguments), for token estimates. */
  static String allText(Object messages) {
    if (messages instanceof String s) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    if (messages instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> m) {
          sb.append(contentText(m.get("content")));
          if (m.get("output") instanceof String out) {
            sb.append(out);
          }
          if (m.get("arguments") instanceof String args) {
            sb.append(args);
          }
        } else if (item instanceof String s) {
          sb.append(s);
        }
      }
    }
    return sb.toString();
  }

  /** An id like OpenAI's: the prefix and 24 random hex digits. */
  static String newId(String prefix) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return prefix + String.format("%016x%08x", r.nextLong(), r.nextInt());
  }
}

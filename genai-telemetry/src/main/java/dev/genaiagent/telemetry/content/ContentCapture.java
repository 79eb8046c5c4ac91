package dev.genaiagent.telemetry.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * Turns captured content into the JSON strings of the telemetry contract. Every text goes through
 * the {@link ContentPolicy} chain first, then the result is fitted into {@code maxLength} characters
 * while staying valid JSON: long texts are shortened first (all to the same cap, so one huge message
 * cannot starve the others), then the oldest messages are dropped.
 */
public final class ContentCapture {
  private static final Logger logger = Logger.getLogger(ContentCapture.class.getName());
  private static final String ELLIPSIS = "\u2026";
  private static final int MIN_TEXT_CAP = 256;
  private static final ContentCapture DISABLED = new ContentCapture(false, 0, Collections.<ContentPolicy>emptyList());

  private final boolean enabled;
  private final int maxLength;
  private final List<ContentPolicy> policies;

  private ContentCapture(boolean enabled, int maxLength, List<ContentPolicy> policies) {
    this.enabled = enabled;
    this.maxLength = maxLength;
    this.policies = Collections.unmodifiableList(new ArrayList<>(policies));
  }

  public static ContentCapture disabled() {
    return DISABLED;
  }

  /** {@code maxLength} bounds each JSON attribute value, in characters. */
  public static ContentCapture enabled(int maxLength, List<ContentPolicy> policies) {
    return new ContentCapture(true, Math.max(16, maxLength), policies);
  }

  public boolean isEnabled() {
    return enabled;
  }

  public int maxLength() {
    return maxLength;
  }

  /** {@code gen_ai.input.messages} / {@code gen_ai.output.messages}; null when nothing is left. */
  @Nullable
  public String messages(ContentField field, @Nullable List<GenAiMessage> messages) {
    if (!enabled || messages == null || messages.isEmpty()) {
      return null;
    }
    List<GenAiMessage> processed = new ArrayList<>(messages.size());
    for (GenAiMessage m : messages) {
      if (m != null) {
        processed.add(m.withPolicies(this, field));
      }
    }
    return fit(new MessagesWriter(processed), processed.size());
  }

  /** {@code gen_ai.system_instructions}: a JSON array of parts. */
  @Nullable
  public String systemInstructions(@Nullable List<GenAiMessage.Part> parts) {
    if (!enabled || parts == null || parts.isEmpty()) {
      return null;
    }
    List<GenAiMessage.Part> processed = applyToParts(ContentField.SYSTEM_INSTRUCTIONS, parts);
    return processed.isEmpty() ? null : fit(new PartsWriter(processed), processed.size());
  }

  /** {@code gen_ai.tool.definitions}. */
  @Nullable
  public String toolDefinitions(@Nullable List<ToolDefinition> tools) {
    if (!enabled || tools == null || tools.isEmpty()) {
      return null;
    }
    List<ToolDefinition> processed = new ArrayList<>(tools.size());
    for (ToolDefinition t : tools) {
      if (t != null) {
        processed.add(ToolDefinition.function(
            t.name, apply(ContentField.TOOL_DEFINITION, t.description), t.parametersJson));
      }
    }
    return fit(new ToolsWriter(processed), processed.size());
  }

  /**
   * {@code gen_ai.retrieval.documents}: {@code [{"id":…, "score":…, "content":…}]}, ids and contents
   * through the policies (an id can be an e-mail address).
   */
  @Nullable
  public String documents(@Nullable List<RetrievedDocument> documents) {
    if (!enabled || documents == null || documents.isEmpty()) {
      return null;
    }
    // Documents come best first: keep the leading ones that fit (each text capped so several fit),
    // in one linear pass; a retrieval can return thousands of rows.
    int textCap = Math.max(MIN_TEXT_CAP, maxLength / 8);
    StringBuilder out = new StringBuilder(Math.min(maxLength, 1024)).append('[');
    for (RetrievedDocument d : documents) {
      if (d == null) {
        continue;
      }
      RetrievedDocument processed = new RetrievedDocument(apply(ContentField.RETRIEVAL_DOCUMENT, d.id), d.score,
          apply(ContentField.RETRIEVAL_DOCUMENT, d.content));
      int mark = out.length();
      if (mark > 1) {
        out.append(',');
      }
      writeDocument(out, processed, textCap);
      if (out.length() + 1 > maxLength) {
        out.setLength(mark);
        break;
      }
    }
    return out.append(']').toString();
  }

  /**
   * {@code gen_ai.prompt.variables}: {@code {"name":"value",…}}, values through the policies, each capped
   * so several fit; variables that no longer fit are left out.
   */
  @Nullable
  public String variables(@Nullable Map<String, String> variables) {
    if (!enabled || variables == null || variables.isEmpty()) {
      return null;
    }
    int textCap = Math.max(MIN_TEXT_CAP, maxLength / 8);
    StringBuilder out = new StringBuilder(Math.min(maxLength, 256)).append('{');
    for (Map.Entry<String, String> e : variables.entrySet()) {
      if (e.getKey() == null) {
        continue;
      }
      String value = apply(ContentField.PROMPT_VARIABLE, e.getValue());
      int mark = out.length();
      if (mark > 1) {
        out.append(',');
      }
      Json.appendString(out, truncate(e.getKey(), textCap));
      out.append(':');
      if (value == null) {
        out.append("null");
      } else {
        Json.appendString(out, truncate(value, textCap));
      }
      if (out.length() + 1 > maxLength) {
        out.setLength(mark);
        break;
      }
    }
    return out.length() == 1 ? null : out.append('}').toString();
  }

  /**
   * A single captured text (tool arguments or result, retrieval query): policy applied, then
   * shortened to {@code maxLength}.
   */
  @Nullable
  public String text(ContentField field, @Nullable String text) {
    if (!enabled || text == null) {
      return null;
    }
    String processed = apply(field, text);
    return processed == null ? null : truncate(processed, maxLength - 1);
  }

  @Nullable
  String apply(ContentField field, @Nullable String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (ContentPolicy policy : policies) {
      try {
        result = policy.apply(field, result);
      } catch (Throwable t) {
        // Fail closed: a broken policy must never let the unprocessed text through.
        logger.log(Level.FINE, "content policy failed, field dropped", t);
        return null;
      }
      if (result == null) {
        return null;
      }
    }
    return result;
  }

  List<GenAiMessage.Part> applyToParts(ContentField field, List<GenAiMessage.Part> parts) {
    List<GenAiMessage.Part> out = new ArrayList<>(parts.size());
    for (GenAiMessage.Part p : parts) {
      GenAiMessage.Part applied = p == null ? null : GenAiMessage.Part.applyPolicies(p, this, field);
      if (applied != null) {
        out.add(applied);
      }
    }
    return out;
  }

  /**
   * Serializes with the largest text cap that fits. Texts are not shortened below
   * {@link #MIN_TEXT_CAP} while older items can be dropped instead: a few readable recent messages
   * beat many unreadable stubs.
   */
  private String fit(JsonItemsWriter writer, int items) {
    int longest = writer.longestText();
    for (int skip = 0; skip < items; skip++) {
      String full = writer.write(skip, Integer.MAX_VALUE);
      if (full.length() <= maxLength) {
        return full;
      }
      int lo = skip == items - 1 ? 0 : Math.min(MIN_TEXT_CAP, longest);
      String best = writer.write(skip, lo);
      if (best.length() > maxLength) {
        continue; // too long even with short texts: drop the oldest item
      }
      int hi = longest;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        String candidate = writer.write(skip, mid);
        if (candidate.length() <= maxLength) {
          lo = mid;
          best = candidate;
        } else {
          hi = mid - 1;
        }
      }
      return best;
    }
    return "[]";
  }

  static String truncate(String s, int cap) {
    if (s.length() <= cap) {
      return s;
    }
    int end = cap;
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--; // never split a surrogate pair: the JSON would carry a lone surrogate
    }
    return s.substring(0, end) + ELLIPSIS;
  }

  /** Writes a JSON array of items, skipping the first {@code skip} and capping every text. */
  abstract static class JsonItemsWriter {
    abstract void writeItem(StringBuilder out, int index, int cap);

    abstract int size();

    abstract int longestText();

    String write(int skip, int cap) {
      StringBuilder out = new StringBuilder();
      out.append('[');
      for (int i = skip; i < size(); i++) {
        if (i > skip) {
          out.append(',');
        }
        writeItem(out, i, cap);
      }
      return out.append(']').toString();
    }
  }

  private static final class MessagesWriter extends JsonItemsWriter {
    private final List<GenAiMessage> messages;
    private final int longest;

    MessagesWriter(List<GenAiMessage> messages) {
      this.messages = messages;
      int max = 0;
      for (GenAiMessage m : messages) {
        for (GenAiMessage.Part p : m.parts()) {
          max = Math.max(max, p.longestText());
        }
      }
      this.longest = max;
    }

    @Override
    void writeItem(StringBuilder out, int index, int cap) {
      GenAiMessage m = messages.get(index);
      out.append("{\"role\":");
      Json.appendString(out, m.role());
      out.append(",\"parts\":");
      PartsWriter.writeParts(out, m.parts(), cap);
      if (m.name() != null) {
        out.append(",\"name\":");
        Json.appendString(out, m.name());
      }
      if (m.finishReason() != null) {
        out.append(",\"finish_reason\":");
        Json.appendString(out, m.finishReason());
      }
      out.append('}');
    }

    @Override
    int size() {
      return messages.size();
    }

    @Override
    int longestText() {
      return longest;
    }
  }

  private static final class PartsWriter extends JsonItemsWriter {
    private final List<GenAiMessage.Part> parts;

    PartsWriter(List<GenAiMessage.Part> parts) {
      this.parts = parts;
    }

    static void writeParts(StringBuilder out, List<GenAiMessage.Part> parts, int cap) {
      out.append('[');
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        parts.get(i).writeJson(out, cap);
      }
      out.append(']');
    }

    @Override
    void writeItem(StringBuilder out, int index, int cap) {
      parts.get(index).writeJson(out, cap);
    }

    @Override
    int size() {
      return parts.size();
    }

    @Override
    int longestText() {
      int max = 0;
      for (GenAiMessage.Part p : parts) {
        max = Math.max(max, p.longestText());
      }
      return max;
    }
  }

  private static final class ToolsWriter extends JsonItemsWriter {
    private final List<ToolDefinition> tools;

    ToolsWriter(List<ToolDefinition> tools) {
      this.tools = tools;
    }

    @Override
    void writeItem(StringBuilder out, int index, int cap) {
      ToolDefinition t = tools.get(index);
      out.append("{\"type\":");
      Json.appendString(out, t.type);
      out.append(",\"name\":");
      Json.appendString(out, t.name);
      if (t.description != null) {
        out.append(",\"description\":");
        Json.appendString(out, truncate(t.description, cap));
      }
      if (t.parametersJson != null) {
        out.append(",\"parameters\":");
        appendJsonOrString(out, t.parametersJson, cap);
      }
      out.append('}');
    }

    @Override
    int size() {
      return tools.size();
    }

    @Override
    int longestText() {
      int max = 0;
      for (ToolDefinition t : tools) {
        max = Math.max(max, Math.max(len(t.description), len(t.parametersJson)));
      }
      return max;
    }
  }

  /** {@code {"id":…, "score":…, "content":…}}, each present field only. */
  private static void writeDocument(StringBuilder out, RetrievedDocument d, int cap) {
    out.append('{');
    String separator = "";
    if (d.id != null) {
      out.append("\"id\":");
      Json.appendString(out, truncate(d.id, cap));
      separator = ",";
    }
    if (d.score != null && !d.score.isNaN() && !d.score.isInfinite()) {
      out.append(separator).append("\"score\":").append(d.score.doubleValue());
      separator = ",";
    }
    if (d.content != null) {
      out.append(separator).append("\"content\":");
      Json.appendString(out, truncate(d.content, cap));
    }
    out.append('}');
  }

  /** Raw JSON (tool arguments, schemas) is embedded as JSON when complete and within the cap, else as a string. */
  static void appendJsonOrString(StringBuilder out, String raw, int cap) {
    if (raw.length() <= cap && Json.isValid(raw)) {
      out.append(raw.trim());
    } else {
      Json.appendString(out, truncate(raw, cap));
    }
  }

  static int len(@Nullable String s) {
    return s == null ? 0 : s.length();
  }
}

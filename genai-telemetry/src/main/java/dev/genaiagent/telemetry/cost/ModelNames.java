package dev.genaiagent.telemetry.cost;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * How a model name as a provider reports it becomes a name of the pricing table.
 *
 * <p>{@link #normalize} lower-cases it and strips where it is hosted: everything up to the last
 * {@code /} ({@code openai/gpt-4o}, {@code models/gemini-2.5-pro},
 * {@code projects/p/locations/l/publishers/google/models/gemini-2.0-flash-001},
 * {@code accounts/fireworks/models/x}) and a Bedrock vendor prefix with its optional inference-profile
 * region ({@code anthropic.}, {@code us.anthropic.}, {@code global.anthropic.}, {@code cohere.},
 * {@code mistral.}...).
 *
 * <p>{@link #stripSuffix} then removes one snapshot or version suffix at a time; the table is asked after
 * each step, so a snapshot listed itself wins over its family. Only these exact suffixes are removed,
 * never an arbitrary tail, so a name resolves to a family only when it <em>is</em> that family plus a
 * version: {@code gpt-4o-mini-2024-07-18} is {@code gpt-4o-mini}, while {@code gpt-4o-mini-audio-preview}
 * stops at {@code gpt-4o-mini-audio}, which is not listed, and stays unknown rather than getting the
 * {@code gpt-4o-mini} (or {@code gpt-4o}) price by a prefix match. Unknown is better than wrong.
 */
final class ModelNames {
  private static final Pattern BEDROCK_VENDOR = Pattern.compile(
      "^(?:[a-z]{2,6}(?:-[a-z]+)?\\.)?(?:anthropic|cohere|mistral|meta|amazon|ai21|deepseek|openai|writer|qwen)\\.");

  /** Tried in order; the first that matches the end of the name is removed. */
  private static final Pattern[] SUFFIXES = {
    Pattern.compile("@[a-z0-9._-]+$"), // Vertex AI versions: claude-3-7-sonnet@20250219, @latest, @001
    Pattern.compile("-v\\d+(?::\\d+)?$"), // Bedrock -v1:0, Vertex AI claude-3-5-sonnet-v2
    Pattern.compile("-\\d{4}-\\d{2}-\\d{2}$"), // OpenAI -2024-08-06
    Pattern.compile("-\\d{8}$"), // Anthropic -20241022
    Pattern.compile("-\\d{2}-\\d{4}$"), // Cohere -08-2024, Gemini -preview-09-2025
    Pattern.compile("-(?:preview|exp)(?:-\\d{2}-\\d{2})?$"), // -preview, Gemini -preview-05-20, -exp
    Pattern.compile("-\\d{4}$"), // OpenAI -0613 (MMDD), Mistral -2411 (YYMM)
    Pattern.compile("-\\d{3}$"), // Gemini -001
    Pattern.compile("-latest$"),
  };

  /** The name lower-cased, without hosting prefixes; empty when nothing is left. */
  static String normalize(String model) {
    String name = model.trim().toLowerCase(Locale.ROOT);
    name = name.substring(name.lastIndexOf('/') + 1);
    Matcher vendor = BEDROCK_VENDOR.matcher(name);
    if (vendor.find()) {
      name = name.substring(vendor.end());
    }
    return name;
  }

  /** The name without its last snapshot or version suffix, or null when it has none. */
  @Nullable
  static String stripSuffix(String name) {
    for (Pattern suffix : SUFFIXES) {
      Matcher m = suffix.matcher(name);
      if (m.find() && m.start() > 0) {
        return name.substring(0, m.start());
      }
    }
    return null;
  }

  private ModelNames() {}
}

package dev.genaiagent.telemetry;

import static dev.genaiagent.telemetry.GenAiAttributes.*;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Which calls keep their captured content: a share of traces (decided from the trace id, so a trace is
 * all or nothing, like upstream's ratio sampler), every failed call, and optionally every call slower
 * than a threshold. The others keep, per content attribute, a short hash and the length
 * ({@code gen_ai.input.messages.hash}, {@code gen_ai.input.messages.length}): duplicates and sizes stay
 * visible, the text does not. Content has passed the content policies (redaction) before it is hashed.
 */
final class ContentSampling {
  static final ContentSampling KEEP_ALL = new ContentSampling(1.0, 0);

  static final List<AttributeKey<String>> CONTENT_KEYS = Collections.unmodifiableList(Arrays.asList(
      SYSTEM_INSTRUCTIONS, INPUT_MESSAGES, OUTPUT_MESSAGES, TOOL_DEFINITIONS, TOOL_CALL_ARGUMENTS,
      TOOL_CALL_RESULT, RETRIEVAL_QUERY_TEXT, RETRIEVAL_DOCUMENTS, PROMPT_VARIABLES));
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final double ratio;
  /** Upper bound (exclusive) of the trace id's random part for kept traces, as upstream computes it. */
  private final long idUpperBound;
  private final long keepSlowerThanNanos;

  ContentSampling(double ratio, int keepSlowerThanMillis) {
    this.ratio = ratio;
    this.idUpperBound = ratio >= 1.0 ? Long.MAX_VALUE : (long) (ratio * Long.MAX_VALUE);
    this.keepSlowerThanNanos = keepSlowerThanMillis * 1_000_000L;
  }

  boolean keepsEverything() {
    return ratio >= 1.0;
  }

  boolean keep(SpanContext span, long durationNanos, boolean failed) {
    if (ratio >= 1.0 || failed || (keepSlowerThanNanos > 0 && durationNanos > keepSlowerThanNanos)) {
      return true;
    }
    if (ratio <= 0.0 || !span.isValid()) {
      return false;
    }
    String traceId = span.getTraceId();
    long random = Long.parseUnsignedLong(traceId.substring(16), 16) >>> 1; // the lower 8 bytes, as 63 bits
    return random < idUpperBound;
  }

  /** Replaces each content attribute by its hash and length. */
  static void reduce(Map<AttributeKey<?>, Object> values) {
    for (AttributeKey<String> key : CONTENT_KEYS) {
      Object content = values.remove(key);
      if (content instanceof String) {
        String text = (String) content;
        values.put(AttributeKey.stringKey(key.getKey() + ".hash"), shortHash(text));
        values.put(AttributeKey.longKey(key.getKey() + ".length"), (long) text.length());
      }
    }
  }

  /** The first 8 bytes of the SHA-256 of the text, in hex. */
  static String shortHash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      char[] out = new char[16];
      for (int i = 0; i < 8; i++) {
        out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
        out[2 * i + 1] = HEX[digest[i] & 0xf];
      }
      return new String(out);
    } catch (Exception e) {
      return "";
    }
  }
}

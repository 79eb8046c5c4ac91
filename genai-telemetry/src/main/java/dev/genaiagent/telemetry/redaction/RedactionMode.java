package dev.genaiagent.telemetry.redaction;

import java.util.Locale;
import javax.annotation.Nullable;

/** What {@link PiiRedactor} does with what it detects. */
public enum RedactionMode {
  /** Each detected value becomes a typed placeholder: {@code <EMAIL>}, {@code <CREDIT_CARD>}, … */
  REPLACE,
  /**
   * Each detected value becomes its type and a keyed hash, {@code <EMAIL:9f86d081>}: equal values stay
   * correlatable across spans, but cannot be read back without the key.
   */
  HASH,
  /** The whole field is dropped as soon as anything is detected in it. */
  DROP;

  /** The configuration spelling: {@code replace}, {@code hash}, {@code drop}. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** From its configuration spelling, case-insensitively; null when it is none of them. */
  @Nullable
  public static RedactionMode parse(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (RedactionMode m : values()) {
      if (m.configValue().equals(v)) {
        return m;
      }
    }
    return null;
  }
}

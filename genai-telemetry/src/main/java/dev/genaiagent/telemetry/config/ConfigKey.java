package dev.genaiagent.telemetry.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * One configuration key: its name (upstream naming, usable as a system property or, upper-cased with
 * dots and dashes as underscores, as an environment variable), its default, and how to parse it.
 * Every key is listed in README's configuration reference; a test keeps the two in step.
 */
public final class ConfigKey<T> {

  /** Parses a raw value; returns null when the value is malformed. */
  interface Parser<T> {
    @Nullable
    T parse(String raw);
  }

  private final String name;
  private final T defaultValue;
  private final String expected;
  private final String description;
  private final Parser<T> parser;
  private final String defaultText;

  private ConfigKey(String name, T defaultValue, String expected, String description, Parser<T> parser) {
    this(name, defaultValue, String.valueOf(defaultValue), expected, description, parser);
  }

  private ConfigKey(String name, T defaultValue, String defaultText, String expected, String description,
      Parser<T> parser) {
    this.name = name;
    this.defaultValue = defaultValue;
    this.defaultText = defaultText;
    this.expected = expected;
    this.description = description;
    this.parser = parser;
  }

  public static ConfigKey<Boolean> bool(String name, boolean defaultValue, String description) {
    return new ConfigKey<>(name, defaultValue, "true or false", description, raw -> {
      String v = raw.trim().toLowerCase(Locale.ROOT);
      return "true".equals(v) ? Boolean.TRUE : "false".equals(v) ? Boolean.FALSE : null;
    });
  }

  public static ConfigKey<Integer> positiveInt(String name, int defaultValue, String description) {
    return new ConfigKey<>(name, defaultValue, "a positive integer", description, raw -> {
      try {
        int v = Integer.parseInt(raw.trim());
        return v > 0 ? v : null;
      } catch (NumberFormatException e) {
        return null;
      }
    });
  }

  /** Zero allowed (for "off"). */
  public static ConfigKey<Integer> nonNegativeInt(String name, int defaultValue, String description) {
    return new ConfigKey<>(name, defaultValue, "a non-negative integer", description, raw -> {
      try {
        int v = Integer.parseInt(raw.trim());
        return v >= 0 ? v : null;
      } catch (NumberFormatException e) {
        return null;
      }
    });
  }

  /** A number from 0 to 1. */
  public static ConfigKey<Double> ratio(String name, double defaultValue, String description) {
    return new ConfigKey<>(name, defaultValue, "a number from 0 to 1", description, raw -> {
      try {
        double v = Double.parseDouble(raw.trim());
        return v >= 0 && v <= 1 ? v : null;
      } catch (NumberFormatException e) {
        return null;
      }
    });
  }

  /** Free text, trimmed; the default is usually empty. */
  public static ConfigKey<String> string(String name, String defaultValue, String description) {
    return new ConfigKey<>(name, defaultValue, "text", description, String::trim);
  }

  /** A comma-separated list; blanks are dropped. The default is written the same way. */
  public static ConfigKey<List<String>> list(String name, String defaultValue, String description) {
    return new ConfigKey<>(name, splitList(defaultValue), defaultValue, "a comma-separated list", description,
        ConfigKey::splitList);
  }

  private static List<String> splitList(String raw) {
    List<String> items = new ArrayList<>();
    for (String item : raw.split(",")) {
      if (!item.trim().isEmpty()) {
        items.add(item.trim());
      }
    }
    return Collections.unmodifiableList(items);
  }

  /** A value from a fixed set, compared case-insensitively; the result is lower case. */
  public static ConfigKey<String> oneOf(String name, String defaultValue, String description, String... allowed) {
    return new ConfigKey<>(name, defaultValue, "one of " + String.join(", ", allowed), description, raw -> {
      String v = raw.trim().toLowerCase(Locale.ROOT);
      for (String a : allowed) {
        if (a.equals(v)) {
          return a;
        }
      }
      return null;
    });
  }

  public String name() {
    return name;
  }

  public T defaultValue() {
    return defaultValue;
  }

  /** The default as a user writes it (the configuration reference shows this). */
  public String defaultText() {
    return defaultText;
  }

  public String description() {
    return description;
  }

  /** What a valid value looks like, for the warning and the reference. */
  public String expected() {
    return expected;
  }

  /** The environment variable spelling: {@code OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT}. */
  public String envName() {
    return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  @Nullable
  T parse(String raw) {
    return parser.parse(raw);
  }

  @Override
  public String toString() {
    return name;
  }
}

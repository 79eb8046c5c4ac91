package dev.genaiagent.telemetry.redaction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * Settings of the PII and secret redaction policy ({@link PiiRedactor}). Immutable; built with
 * {@link #builder()} or read from flat configuration properties with {@link #fromProperties(Map)}.
 * Nothing is validated here: {@link PiiRedactor#create(RedactionSettings)} reports what it cannot use.
 *
 * <p>{@link #toString()} never shows the hash key.
 */
public final class RedactionSettings {
  private static final Logger logger = Logger.getLogger(RedactionSettings.class.getName());

  /** {@code true} (default) or {@code false}: redaction applies whenever content capture is on. */
  public static final String ENABLED_KEY = "otel.instrumentation.genai.redaction.enabled";
  /** {@code replace} (default), {@code hash} or {@code drop}; see {@link RedactionMode}. */
  public static final String MODE_KEY = "otel.instrumentation.genai.redaction.mode";
  /** The HMAC-SHA256 key of {@code hash} mode (default empty: {@code hash} then falls back to {@code replace}). */
  public static final String HASH_KEY_KEY = "otel.instrumentation.genai.redaction.hash-key";
  /** Comma-separated built-in detector names to switch off (default empty), from {@link #BUILT_IN_DETECTORS}. */
  public static final String DISABLED_DETECTORS_KEY = "otel.instrumentation.genai.redaction.disabled-detectors";
  /**
   * Prefix of custom patterns: {@code otel.instrumentation.genai.redaction.pattern.<name>=<regex>} (Java
   * regular expression syntax); matches become {@code <NAME>}, the name upper-cased.
   */
  public static final String PATTERN_KEY_PREFIX = "otel.instrumentation.genai.redaction.pattern.";

  /** Names of the built-in detectors, as {@link #DISABLED_DETECTORS_KEY} takes them. */
  public static final List<String> BUILT_IN_DETECTORS;

  static {
    List<String> names = new ArrayList<>();
    for (Detector d : Detector.ALL) {
      names.add(d.configName);
    }
    BUILT_IN_DETECTORS = Collections.unmodifiableList(names);
  }

  private static final RedactionSettings DEFAULTS = builder().build();

  private final boolean enabled;
  private final RedactionMode mode;
  private final String hashKey;
  private final Set<String> disabledDetectors;
  private final Map<String, String> customPatterns;

  private RedactionSettings(Builder b) {
    this.enabled = b.enabled;
    this.mode = b.mode;
    this.hashKey = b.hashKey;
    this.disabledDetectors = Collections.unmodifiableSet(new LinkedHashSet<>(b.disabledDetectors));
    this.customPatterns = Collections.unmodifiableMap(new LinkedHashMap<>(b.customPatterns));
  }

  /** Enabled, {@code replace} mode, every built-in detector, no custom pattern. */
  public static RedactionSettings defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the keys above from flat properties (system properties, the agent configuration file, or any
   * merged view of them). A malformed {@link #ENABLED_KEY} or {@link #MODE_KEY} logs one warning naming
   * the key and its default applies; blank values count as unset.
   */
  public static RedactionSettings fromProperties(Map<String, String> properties) {
    Builder b = builder();
    String enabled = trimmed(properties.get(ENABLED_KEY));
    if (enabled != null) {
      if ("true".equalsIgnoreCase(enabled) || "false".equalsIgnoreCase(enabled)) {
        b.enabled(Boolean.parseBoolean(enabled.toLowerCase(Locale.ROOT)));
      } else {
        logger.warning("Invalid value '" + enabled + "' for " + ENABLED_KEY + " (expected true or false); using true");
      }
    }
    String mode = trimmed(properties.get(MODE_KEY));
    if (mode != null) {
      RedactionMode parsed = RedactionMode.parse(mode);
      if (parsed != null) {
        b.mode(parsed);
      } else {
        logger.warning("Invalid value '" + mode + "' for " + MODE_KEY + " (expected replace, hash or drop); using replace");
      }
    }
    String key = properties.get(HASH_KEY_KEY);
    if (key != null) {
      b.hashKey(key);
    }
    String disabled = properties.get(DISABLED_DETECTORS_KEY);
    if (disabled != null) {
      for (String name : disabled.split(",")) {
        if (!name.trim().isEmpty()) {
          b.disableDetector(name.trim());
        }
      }
    }
    for (Map.Entry<String, String> e : properties.entrySet()) {
      String k = e.getKey();
      if (k != null && k.startsWith(PATTERN_KEY_PREFIX) && e.getValue() != null) {
        b.customPattern(k.substring(PATTERN_KEY_PREFIX.length()), e.getValue());
      }
    }
    return b.build();
  }

  @Nullable
  private static String trimmed(@Nullable String value) {
    if (value == null || value.trim().isEmpty()) {
      return null;
    }
    return value.trim();
  }

  public boolean enabled() {
    return enabled;
  }

  public RedactionMode mode() {
    return mode;
  }

  /** Whether a non-empty hash key is set (the key itself is not readable outside this package). */
  public boolean hasHashKey() {
    return !hashKey.isEmpty();
  }

  String hashKey() {
    return hashKey;
  }

  /** As given, before validation. */
  public Set<String> disabledDetectors() {
    return disabledDetectors;
  }

  /** Name to regular expression, in the order given. */
  public Map<String, String> customPatterns() {
    return customPatterns;
  }

  @Override
  public String toString() {
    return "RedactionSettings{enabled=" + enabled + ", mode=" + mode.configValue()
        + ", hashKey=" + (hashKey.isEmpty() ? "(none)" : "(set)")
        + ", disabledDetectors=" + disabledDetectors + ", customPatterns=" + customPatterns.keySet() + '}';
  }

  /** Builder of {@link RedactionSettings}; not thread-safe. */
  public static final class Builder {
    private boolean enabled = true;
    private RedactionMode mode = RedactionMode.REPLACE;
    private String hashKey = "";
    private final Set<String> disabledDetectors = new LinkedHashSet<>();
    private final Map<String, String> customPatterns = new LinkedHashMap<>();

    private Builder() {}

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder mode(RedactionMode mode) {
      this.mode = mode == null ? RedactionMode.REPLACE : mode;
      return this;
    }

    /** The HMAC key of {@link RedactionMode#HASH}; null or empty means none. */
    public Builder hashKey(@Nullable String hashKey) {
      this.hashKey = hashKey == null ? "" : hashKey;
      return this;
    }

    /** A built-in detector name from {@link #BUILT_IN_DETECTORS}; unknown names are reported by the factory. */
    public Builder disableDetector(String name) {
      if (name != null) {
        disabledDetectors.add(name);
      }
      return this;
    }

    public Builder disabledDetectors(Iterable<String> names) {
      for (String name : names) {
        disableDetector(name);
      }
      return this;
    }

    /** A custom pattern (Java regex); its matches become {@code <NAME>}. A later one with the same name wins. */
    public Builder customPattern(String name, String regex) {
      if (name != null) {
        customPatterns.put(name, regex);
      }
      return this;
    }

    public RedactionSettings build() {
      return new RedactionSettings(this);
    }
  }
}

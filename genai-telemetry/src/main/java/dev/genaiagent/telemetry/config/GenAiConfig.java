package dev.genaiagent.telemetry.config;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * Configuration of the GenAI core, read like the upstream agent reads its own: a system property
 * wins over the environment variable, which wins over the agent configuration file
 * ({@code otel.javaagent.configuration-file}). A malformed value logs one warning naming the key and
 * the value, and the default applies.
 */
public final class GenAiConfig {
  private static final Logger logger = Logger.getLogger(GenAiConfig.class.getName());
  private static final Set<String> warned = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

  public static final ConfigKey<Boolean> CAPTURE_MESSAGE_CONTENT = ConfigKey.bool(
      "otel.instrumentation.genai.capture-message-content", false,
      "Record prompts, completions, system instructions, tool definitions, tool arguments and results"
          + " on GenAI spans (the same key the upstream agent uses).");
  public static final ConfigKey<Integer> CONTENT_MAX_LENGTH = ConfigKey.positiveInt(
      "otel.instrumentation.genai.content.max-length", 16384,
      "Maximum length, in characters, of each captured content attribute; longer content is shortened"
          + " and stays valid JSON.");

  public static final ConfigKey<Integer> STREAM_TIMEOUT_SECONDS = ConfigKey.positiveInt(
      "otel.instrumentation.genai.stream.timeout-seconds", 1800,
      "A streamed model call still open this long after it started is ended with"
          + " error.type=stream_timeout (a stream the application stops reading but keeps referenced).");

  public static final ConfigKey<Double> CONTENT_SAMPLE_RATIO = ConfigKey.ratio(
      "otel.instrumentation.genai.content.sample-ratio", 1.0,
      "Share of traces whose calls keep their full captured content; the others keep only a hash and the"
          + " length of each content attribute. Decided from the trace id: a trace is all or nothing.");
  public static final ConfigKey<Integer> CONTENT_KEEP_SLOWER_THAN_MS = ConfigKey.nonNegativeInt(
      "otel.instrumentation.genai.content.keep-slower-than-ms", 0,
      "Calls slower than this keep their full content whatever the sample ratio; 0 turns this off.");

  public static final ConfigKey<Boolean> REDACTION_ENABLED = ConfigKey.bool(
      "otel.instrumentation.genai.redaction.enabled", true,
      "Redact personal data and secrets from every captured text before it is recorded.");
  public static final ConfigKey<String> REDACTION_MODE = ConfigKey.oneOf(
      "otel.instrumentation.genai.redaction.mode", "replace",
      "How a detected value is redacted.", "replace", "hash", "drop");
  public static final ConfigKey<String> REDACTION_HASH_KEY = ConfigKey.string(
      "otel.instrumentation.genai.redaction.hash-key", "",
      "Secret key of the keyed hash in hash mode.");
  public static final ConfigKey<List<String>> REDACTION_DISABLED_DETECTORS = ConfigKey.list(
      "otel.instrumentation.genai.redaction.disabled-detectors", "",
      "Built-in detectors to turn off.");
  /** {@code otel.instrumentation.genai.redaction.pattern.<name>=<regex>}: patterns of the user's own. */
  public static final String REDACTION_PATTERN_PREFIX = "otel.instrumentation.genai.redaction.pattern.";

  public static final ConfigKey<Boolean> COST_ENABLED = ConfigKey.bool(
      "otel.instrumentation.genai.cost.enabled", true,
      "Record gen_ai.usage.cost (USD) and the cost metric from the bundled pricing table.");
  public static final ConfigKey<String> COST_PRICING_FILE = ConfigKey.string(
      "otel.instrumentation.genai.cost.pricing-file", "",
      "A pricing file whose rows override or extend the bundled table.");

  public static final ConfigKey<List<String>> ATTRIBUTION_BAGGAGE_KEYS = ConfigKey.list(
      "otel.instrumentation.genai.attribution.baggage-keys", "",
      "W3C baggage entries copied onto GenAI spans as attributes of the same name.");
  public static final ConfigKey<List<String>> ATTRIBUTION_METRIC_KEYS = ConfigKey.list(
      "otel.instrumentation.genai.attribution.metric-baggage-keys", "",
      "Baggage entries also added to GenAI metrics.");
  public static final ConfigKey<Integer> ATTRIBUTION_METRIC_MAX_VALUES = ConfigKey.positiveInt(
      "otel.instrumentation.genai.attribution.metric-max-values", 100,
      "Distinct values per baggage key on metrics; later values are recorded as _OTHER.");

  /** Every key of the core, for the configuration reference. */
  public static final List<ConfigKey<?>> KEYS = Collections.unmodifiableList(
      Arrays.<ConfigKey<?>>asList(CAPTURE_MESSAGE_CONTENT, CONTENT_MAX_LENGTH, STREAM_TIMEOUT_SECONDS,
          CONTENT_SAMPLE_RATIO, CONTENT_KEEP_SLOWER_THAN_MS, REDACTION_ENABLED, REDACTION_MODE,
          REDACTION_HASH_KEY, REDACTION_DISABLED_DETECTORS, COST_ENABLED, COST_PRICING_FILE,
          ATTRIBUTION_BAGGAGE_KEYS, ATTRIBUTION_METRIC_KEYS, ATTRIBUTION_METRIC_MAX_VALUES));

  /** Where raw values come from. */
  public interface Source {
    @Nullable
    String get(ConfigKey<?> key);

    /**
     * Every entry whose name starts with {@code prefix}, keyed by the rest of the name (environment
     * variables: lower case, as they cannot spell dots).
     */
    default Map<String, String> withPrefix(String prefix) {
      return Collections.emptyMap();
    }
  }

  private final Source source;
  private final boolean warn;

  private GenAiConfig(Source source, boolean warn) {
    this.source = source;
    this.warn = warn;
  }

  /** System properties, then environment variables, then the agent configuration file. */
  public static GenAiConfig fromEnvironment() {
    return fromEnvironment(true);
  }

  /**
   * As {@link #fromEnvironment()}, without warnings: for instrumentations running under the agent,
   * whose startup already reported every malformed value once (each application class loader gets
   * its own copy of this class, so warning here would repeat it).
   */
  public static GenAiConfig fromEnvironmentQuietly() {
    return fromEnvironment(false);
  }

  private static GenAiConfig fromEnvironment(boolean warn) {
    Properties file = configurationFile();
    return new GenAiConfig(new Source() {
      @Override
      public String get(ConfigKey<?> key) {
        String v = System.getProperty(key.name());
        if (v == null) {
          v = System.getenv(key.envName());
        }
        if (v == null) {
          v = file.getProperty(key.name());
        }
        return v;
      }

      @Override
      public Map<String, String> withPrefix(String prefix) {
        // Lowest precedence first: the file, then the environment, then system properties.
        Map<String, String> found = new TreeMap<>(prefixed(file, prefix));
        String envPrefix = prefix.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
          if (e.getKey().startsWith(envPrefix) && e.getKey().length() > envPrefix.length()) {
            found.put(e.getKey().substring(envPrefix.length()).toLowerCase(Locale.ROOT), e.getValue());
          }
        }
        found.putAll(prefixed(System.getProperties(), prefix));
        return found;
      }
    }, warn);
  }

  private static Map<String, String> prefixed(Properties props, String prefix) {
    Map<String, String> found = new TreeMap<>();
    for (String name : props.stringPropertyNames()) {
      if (name.startsWith(prefix) && name.length() > prefix.length()) {
        found.put(name.substring(prefix.length()), props.getProperty(name));
      }
    }
    return found;
  }

  public static GenAiConfig fromMap(Map<String, String> values) {
    return new GenAiConfig(new Source() {
      @Override
      public String get(ConfigKey<?> key) {
        return values.get(key.name());
      }

      @Override
      public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
          if (e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length()) {
            found.put(e.getKey().substring(prefix.length()), e.getValue());
          }
        }
        return found;
      }
    }, true);
  }

  public static GenAiConfig from(Source source) {
    return new GenAiConfig(source, true);
  }

  /** Entries named {@code prefix<name>}, by name (see {@link Source#withPrefix}). */
  public Map<String, String> withPrefix(String prefix) {
    try {
      return source.withPrefix(prefix);
    } catch (RuntimeException e) {
      return Collections.emptyMap();
    }
  }

  /** Whether warnings are reported (the agent's startup copy) or not (in-application copies). */
  public boolean warns() {
    return warn;
  }

  public <T> T get(ConfigKey<T> key) {
    String raw;
    try {
      raw = source.get(key);
    } catch (RuntimeException e) {
      raw = null; // a SecurityManager may refuse: defaults apply
    }
    if (raw == null || raw.trim().isEmpty()) {
      return key.defaultValue();
    }
    T value = key.parse(raw);
    if (value == null) {
      if (warn && warned.add(key.name() + '=' + raw)) {
        logger.warning("Invalid value '" + raw + "' for " + key.name() + " (expected " + key.expected()
            + "); using the default " + key.defaultValue());
      }
      return key.defaultValue();
    }
    return value;
  }

  private static Properties configurationFile() {
    Properties props = new Properties();
    String path = System.getProperty("otel.javaagent.configuration-file");
    if (path == null) {
      path = System.getenv("OTEL_JAVAAGENT_CONFIGURATION_FILE");
    }
    if (path != null && !path.trim().isEmpty()) {
      try (InputStream in = new FileInputStream(path.trim())) {
        props.load(in);
      } catch (IOException | RuntimeException e) {
        // The upstream agent already reports an unreadable configuration file; do not repeat it.
      }
    }
    return props;
  }
}

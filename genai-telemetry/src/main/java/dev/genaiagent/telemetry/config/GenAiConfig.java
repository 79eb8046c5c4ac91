package dev.genaiagent.telemetry.config;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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

  /** Every key of the core, for the configuration reference. */
  public static final List<ConfigKey<?>> KEYS = Collections.unmodifiableList(
      Arrays.<ConfigKey<?>>asList(CAPTURE_MESSAGE_CONTENT, CONTENT_MAX_LENGTH, STREAM_TIMEOUT_SECONDS));

  /** Where raw values come from. */
  public interface Source {
    @Nullable
    String get(ConfigKey<?> key);
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
    return new GenAiConfig(key -> {
      String v = System.getProperty(key.name());
      if (v == null) {
        v = System.getenv(key.envName());
      }
      if (v == null) {
        v = file.getProperty(key.name());
      }
      return v;
    }, warn);
  }

  public static GenAiConfig fromMap(Map<String, String> values) {
    return new GenAiConfig(key -> values.get(key.name()), true);
  }

  public static GenAiConfig from(Source source) {
    return new GenAiConfig(source, true);
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

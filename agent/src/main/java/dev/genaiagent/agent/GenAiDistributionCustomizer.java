package dev.genaiagent.agent;

import dev.genaiagent.telemetry.config.ConfigKey;
import dev.genaiagent.telemetry.GenAiTelemetry;
import dev.genaiagent.telemetry.config.GenAiConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The distribution's defaults, supplied through the extension API so that every one of them can be
 * overridden by the user like any other setting ({@code -D}, environment, configuration file).
 */
public final class GenAiDistributionCustomizer implements AutoConfigurationCustomizerProvider {

  static final String DISTRO_NAME = "genai-javaagent";
  static final AttributeKey<String> TELEMETRY_DISTRO_NAME = AttributeKey.stringKey("telemetry.distro.name");
  static final AttributeKey<String> TELEMETRY_DISTRO_VERSION = AttributeKey.stringKey("telemetry.distro.version");

  /**
   * Upstream keys whose default we change. Listed in README ("Defaults this distribution changes"); a
   * test keeps the two in step.
   */
  public static final Map<String, String> DEFAULT_PROPERTIES;

  static {
    Map<String, String> defaults = new LinkedHashMap<>();
    // Upstream GenAI instrumentations (openai-java, AWS Bedrock) emit the same latest experimental
    // GenAI conventions as ours (gen_ai.provider.name, not the deprecated gen_ai.system).
    defaults.put("otel.semconv-stability.opt-in", "gen_ai_latest_experimental");
    // Our genai-openai instrumentation covers every client of the OpenAI SDK; upstream's would make a
    // second span for the same call.
    defaults.put("otel.instrumentation.openai-java.enabled", "false");
    DEFAULT_PROPERTIES = Collections.unmodifiableMap(defaults);
  }

  @Override
  public void customize(AutoConfigurationCustomizer customizer) {
    customizer.addPropertiesSupplier(() -> DEFAULT_PROPERTIES);
    customizer.addResourceCustomizer(GenAiDistributionCustomizer::identifyDistribution);
    customizer.addPropertiesCustomizer(config -> {
      validate(config);
      return Collections.emptyMap();
    });
  }

  /** Names this distribution in the resource, unless the user set these attributes themselves. */
  static Resource identifyDistribution(Resource resource, ConfigProperties config) {
    Map<String, String> userAttributes = config.getMap("otel.resource.attributes");
    AttributesBuilder distro = Attributes.builder();
    if (!userAttributes.containsKey(TELEMETRY_DISTRO_NAME.getKey())) {
      distro.put(TELEMETRY_DISTRO_NAME, DISTRO_NAME);
    }
    if (!userAttributes.containsKey(TELEMETRY_DISTRO_VERSION.getKey())) {
      distro.put(TELEMETRY_DISTRO_VERSION, DistributionVersion.get());
    }
    return resource.merge(Resource.create(distro.build()));
  }

  /**
   * Reads every GenAI key once at startup, so a malformed value is reported when the application
   * starts, not at its first model call.
   */
  private static void validate(ConfigProperties config) {
    GenAiConfig genAi = GenAiConfig.from(new GenAiConfig.Source() {
      @Override
      public String get(ConfigKey<?> key) {
        return config.getString(key.name());
      }

      @Override
      public java.util.Map<String, String> withPrefix(String prefix) {
        // Autoconfigure's view cannot list names: prefixed entries come from the same sources it reads.
        return GenAiConfig.fromEnvironmentQuietly().withPrefix(prefix);
      }
    });
    for (ConfigKey<?> key : GenAiConfig.KEYS) {
      genAi.get(key);
    }
    if (genAi.get(GenAiConfig.CAPTURE_MESSAGE_CONTENT)) {
      GenAiTelemetry.redactionPolicy(genAi); // reports unusable patterns and settings, once
    }
  }
}

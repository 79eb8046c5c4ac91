package dev.genaiagent.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.internal.AutoConfigureUtil;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our defaults arrive through the extension API (ServiceLoader, as in the agent) and yield to the user. */
class GenAiDistributionCustomizerTest {

  private static AutoConfiguredOpenTelemetrySdk autoConfigure(Map<String, String> userSettings) {
    Map<String, String> settings = new HashMap<>(userSettings);
    settings.put("otel.traces.exporter", "none");
    settings.put("otel.metrics.exporter", "none");
    settings.put("otel.logs.exporter", "none");
    // User settings win over suppliers in the agent because they are read from system properties and
    // the environment; an override of the same precedence here is addPropertiesCustomizer.
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesCustomizer(config -> settings)
        .disableShutdownHook()
        .build();
  }

  @Test
  void suppliesTheDistributionDefaults() {
    AutoConfiguredOpenTelemetrySdk sdk = autoConfigure(Map.of());
    ConfigProperties config = AutoConfigureUtil.getConfig(sdk);
    assertThat(config.getString("otel.semconv-stability.opt-in")).isEqualTo("gen_ai_latest_experimental");
    Resource resource = GenAiDistributionCustomizer.identifyDistribution(Resource.getDefault(), config);
    assertThat(resource.getAttribute(AttributeKey.stringKey("telemetry.distro.name"))).isEqualTo("genai-javaagent");
    assertThat(resource.getAttribute(AttributeKey.stringKey("telemetry.distro.version"))).isNotBlank();
    sdk.getOpenTelemetrySdk().close();
  }

  @Test
  void theUserOverridesEveryDefault() {
    AutoConfiguredOpenTelemetrySdk sdk = autoConfigure(Map.of(
        "otel.semconv-stability.opt-in", "database",
        "otel.resource.attributes", "telemetry.distro.name=my-distro"));
    ConfigProperties config = AutoConfigureUtil.getConfig(sdk);
    assertThat(config.getString("otel.semconv-stability.opt-in")).isEqualTo("database");
    Resource userResource = Resource.getDefault().merge(Resource.create(
        io.opentelemetry.api.common.Attributes.of(AttributeKey.stringKey("telemetry.distro.name"), "my-distro")));
    Resource resource = GenAiDistributionCustomizer.identifyDistribution(userResource, config);
    assertThat(resource.getAttribute(AttributeKey.stringKey("telemetry.distro.name"))).isEqualTo("my-distro");
    sdk.getOpenTelemetrySdk().close();
  }
}

package dev.genaiagent.telemetry.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GenAiConfigTest {
  private final List<LogRecord> warnings = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      warnings.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void capture() {
    Logger.getLogger(GenAiConfig.class.getName()).addHandler(handler);
  }

  @AfterEach
  void release() {
    Logger.getLogger(GenAiConfig.class.getName()).removeHandler(handler);
    System.clearProperty(GenAiConfig.CONTENT_MAX_LENGTH.name());
  }

  @Test
  void defaultsApplyWhenNothingIsSet() {
    GenAiConfig config = GenAiConfig.fromMap(Map.of());
    assertThat(config.get(GenAiConfig.CAPTURE_MESSAGE_CONTENT)).isFalse();
    assertThat(config.get(GenAiConfig.CONTENT_MAX_LENGTH)).isEqualTo(16384);
    assertThat(warnings).isEmpty();
  }

  @Test
  void validValuesAreParsed() {
    GenAiConfig config = GenAiConfig.fromMap(Map.of(
        "otel.instrumentation.genai.capture-message-content", " TRUE ",
        "otel.instrumentation.genai.content.max-length", "2048"));
    assertThat(config.get(GenAiConfig.CAPTURE_MESSAGE_CONTENT)).isTrue();
    assertThat(config.get(GenAiConfig.CONTENT_MAX_LENGTH)).isEqualTo(2048);
  }

  @Test
  void aMalformedValueWarnsOnceNamingKeyAndValueAndTheDefaultApplies() {
    GenAiConfig config = GenAiConfig.fromMap(Map.of("otel.instrumentation.genai.content.max-length", "-5kb"));
    assertThat(config.get(GenAiConfig.CONTENT_MAX_LENGTH)).isEqualTo(16384);
    assertThat(config.get(GenAiConfig.CONTENT_MAX_LENGTH)).isEqualTo(16384);
    assertThat(warnings).singleElement().satisfies(r -> assertThat(r.getMessage())
        .contains("otel.instrumentation.genai.content.max-length").contains("'-5kb'").contains("16384"));
  }

  @Test
  void systemPropertiesAreRead() {
    System.setProperty(GenAiConfig.CONTENT_MAX_LENGTH.name(), "777");
    assertThat(GenAiConfig.fromEnvironment().get(GenAiConfig.CONTENT_MAX_LENGTH)).isEqualTo(777);
  }

  @Test
  void quietReadingAppliesTheDefaultWithoutWarning() {
    System.setProperty(GenAiConfig.CONTENT_MAX_LENGTH.name(), "many");
    assertThat(GenAiConfig.fromEnvironmentQuietly().get(GenAiConfig.CONTENT_MAX_LENGTH)).isEqualTo(16384);
    assertThat(warnings).isEmpty();
  }

  @Test
  void environmentNamesFollowTheUpstreamConvention() {
    assertThat(GenAiConfig.CAPTURE_MESSAGE_CONTENT.envName())
        .isEqualTo("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT");
    assertThat(GenAiConfig.CONTENT_MAX_LENGTH.envName()).isEqualTo("OTEL_INSTRUMENTATION_GENAI_CONTENT_MAX_LENGTH");
  }

  @Test
  void oneOfKeysAcceptOnlyTheirValues() {
    ConfigKey<String> key = ConfigKey.oneOf("x.mode", "a", "test", "a", "b");
    assertThat(GenAiConfig.fromMap(Map.of("x.mode", "B")).get(key)).isEqualTo("b");
    assertThat(GenAiConfig.fromMap(Map.of("x.mode", "c")).get(key)).isEqualTo("a");
    assertThat(warnings).singleElement().satisfies(r -> assertThat(r.getMessage()).contains("one of a, b"));
  }

  @Test
  void ratiosListsAndTextAreParsedAndMalformedRatiosFallBack() {
    GenAiConfig config = GenAiConfig.fromMap(Map.of(
        "otel.instrumentation.genai.content.sample-ratio", "0.25",
        "otel.instrumentation.genai.attribution.baggage-keys", " user.id, ,feature ",
        "otel.instrumentation.genai.redaction.hash-key", "  k3y "));
    assertThat(config.get(GenAiConfig.CONTENT_SAMPLE_RATIO)).isEqualTo(0.25);
    assertThat(config.get(GenAiConfig.ATTRIBUTION_BAGGAGE_KEYS)).containsExactly("user.id", "feature");
    assertThat(config.get(GenAiConfig.REDACTION_HASH_KEY)).isEqualTo("k3y");
    assertThat(config.get(GenAiConfig.ATTRIBUTION_METRIC_KEYS)).isEmpty();
    assertThat(GenAiConfig.ATTRIBUTION_METRIC_KEYS.defaultText()).isEmpty();
    assertThat(GenAiConfig.fromMap(Map.of("otel.instrumentation.genai.content.sample-ratio", "1.5"))
        .get(GenAiConfig.CONTENT_SAMPLE_RATIO)).isEqualTo(1.0);
    assertThat(GenAiConfig.fromMap(Map.of("otel.instrumentation.genai.content.keep-slower-than-ms", "0"))
        .get(GenAiConfig.CONTENT_KEEP_SLOWER_THAN_MS)).isZero();
  }

  @Test
  void prefixedEntriesComeFromPropertiesAndTheMap() {
    assertThat(GenAiConfig.fromMap(Map.of(GenAiConfig.REDACTION_PATTERN_PREFIX + "order_id", "ORD-\\d{8}",
        "other.key", "x")).withPrefix(GenAiConfig.REDACTION_PATTERN_PREFIX))
        .containsExactly(Map.entry("order_id", "ORD-\\d{8}"));
    System.setProperty(GenAiConfig.REDACTION_PATTERN_PREFIX + "badge", "B-[0-9]{4}");
    try {
      assertThat(GenAiConfig.fromEnvironment().withPrefix(GenAiConfig.REDACTION_PATTERN_PREFIX))
          .containsEntry("badge", "B-[0-9]{4}");
    } finally {
      System.clearProperty(GenAiConfig.REDACTION_PATTERN_PREFIX + "badge");
    }
  }
}

package dev.genaiagent.telemetry;

import dev.genaiagent.telemetry.config.GenAiConfig;
import dev.genaiagent.telemetry.content.ContentCapture;
import dev.genaiagent.telemetry.content.ContentPolicy;
import dev.genaiagent.telemetry.cost.PricingTable;
import dev.genaiagent.telemetry.redaction.PiiRedactor;
import dev.genaiagent.telemetry.redaction.RedactionMode;
import dev.genaiagent.telemetry.redaction.RedactionSettings;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * The shared GenAI telemetry core for one instrumentation: its tracer, the contract's metrics, the
 * content capture pipeline and the configuration. Instrumentations build one in their
 * {@code *Singletons} class and create an {@link GenAiInstrumenter} per kind of library call.
 */
public final class GenAiTelemetry {
  final Tracer tracer;
  private final Meter meter;
  final GenAiMetrics metrics;
  final ContentCapture content;
  final NanoClock clock;
  final BaggageAttribution attribution;
  final ContentSampling contentSampling;
  /** Null when cost is turned off; the table is read at the first cost, once the agent made it visible. */
  @Nullable private final String pricingFile;
  @Nullable private volatile PricingTable pricing;
  private final long streamTimeoutNanos;

  private GenAiTelemetry(Builder b) {
    this.tracer = b.openTelemetry.getTracer(b.instrumentationName, b.instrumentationVersion);
    this.meter = b.openTelemetry.getMeterProvider().meterBuilder(b.instrumentationName)
        .setInstrumentationVersion(b.instrumentationVersion)
        .build();
    this.metrics = new GenAiMetrics(meter);
    this.content = b.config.get(GenAiConfig.CAPTURE_MESSAGE_CONTENT)
        ? ContentCapture.enabled(b.config.get(GenAiConfig.CONTENT_MAX_LENGTH), policies(b))
        : ContentCapture.disabled();
    this.clock = b.clock;
    this.attribution = new BaggageAttribution(b.config.get(GenAiConfig.ATTRIBUTION_BAGGAGE_KEYS),
        b.config.get(GenAiConfig.ATTRIBUTION_METRIC_KEYS), b.config.get(GenAiConfig.ATTRIBUTION_METRIC_MAX_VALUES));
    this.pricingFile = b.config.get(GenAiConfig.COST_ENABLED) ? b.config.get(GenAiConfig.COST_PRICING_FILE) : null;
    this.contentSampling = new ContentSampling(b.config.get(GenAiConfig.CONTENT_SAMPLE_RATIO),
        b.config.get(GenAiConfig.CONTENT_KEEP_SLOWER_THAN_MS));
    this.streamTimeoutNanos = b.config.get(GenAiConfig.STREAM_TIMEOUT_SECONDS) * 1_000_000_000L;
  }

  @Nullable
  PricingTable pricing() {
    if (pricingFile == null) {
      return null;
    }
    PricingTable table = pricing;
    if (table == null) {
      table = PricingTable.load(pricingFile);
      pricing = table;
    }
    return table;
  }

  /**
   * The instrumentation's tracer and meter, for what an instrumentation records beside the GenAI
   * operations (e.g. LangChain4j guardrails): the same scope as its GenAI spans and metrics.
   */
  public Tracer tracer() {
    return tracer;
  }

  public Meter meter() {
    return meter;
  }

  /** How long a stream may stay open before {@link StreamWatch} ends its call. */
  public long streamTimeoutNanos() {
    return streamTimeoutNanos;
  }

  /** Redaction first (on unless turned off), then the instrumentation's own policies. */
  private static List<ContentPolicy> policies(Builder b) {
    List<ContentPolicy> policies = new ArrayList<>();
    PiiRedactor redactor = redactionPolicy(b.config);
    if (redactor.isEnabled()) {
      policies.add(redactor);
    }
    policies.addAll(b.policies);
    return policies;
  }

  /**
   * The redaction policy the configuration asks for. Configuration problems (a custom pattern that
   * does not compile, an unknown detector, hash mode without a key) are reported once, by the agent at
   * startup; they never weaken redaction.
   */
  public static PiiRedactor redactionPolicy(GenAiConfig config) {
    RedactionSettings.Builder settings = RedactionSettings.builder()
        .enabled(config.get(GenAiConfig.REDACTION_ENABLED))
        .hashKey(config.get(GenAiConfig.REDACTION_HASH_KEY))
        .disabledDetectors(config.get(GenAiConfig.REDACTION_DISABLED_DETECTORS));
    RedactionMode mode = RedactionMode.parse(config.get(GenAiConfig.REDACTION_MODE));
    if (mode != null) {
      settings.mode(mode);
    }
    for (Map.Entry<String, String> pattern : config.withPrefix(GenAiConfig.REDACTION_PATTERN_PREFIX).entrySet()) {
      settings.customPattern(pattern.getKey(), pattern.getValue());
    }
    return config.warns() ? PiiRedactor.create(settings.build()) : PiiRedactor.createQuietly(settings.build());
  }

  public static Builder builder(OpenTelemetry openTelemetry, String instrumentationName) {
    return new Builder(openTelemetry, instrumentationName);
  }

  public <REQUEST, RESPONSE> GenAiInstrumenter<REQUEST, RESPONSE> instrumenter(
      GenAiAttributesGetter<REQUEST, RESPONSE> getter) {
    return new GenAiInstrumenter<>(this, getter);
  }

  public ContentCapture content() {
    return content;
  }

  public static final class Builder {
    private final OpenTelemetry openTelemetry;
    private final String instrumentationName;
    private String instrumentationVersion = GenAiTelemetry.class.getPackage().getImplementationVersion() == null
        ? "unknown" : GenAiTelemetry.class.getPackage().getImplementationVersion();
    private GenAiConfig config = GenAiConfig.fromEnvironment();
    private NanoClock clock = NanoClock.SYSTEM;
    private final List<ContentPolicy> policies = new ArrayList<>();

    private Builder(OpenTelemetry openTelemetry, String instrumentationName) {
      this.openTelemetry = openTelemetry;
      this.instrumentationName = instrumentationName;
    }

    public Builder setInstrumentationVersion(String version) {
      this.instrumentationVersion = version;
      return this;
    }

    public Builder setConfig(GenAiConfig config) {
      this.config = config;
      return this;
    }

    public Builder setClock(NanoClock clock) {
      this.clock = clock;
      return this;
    }

    /** Adds a policy every captured text passes through, in the order added. */
    public Builder addContentPolicy(ContentPolicy policy) {
      policies.add(policy);
      return this;
    }

    public GenAiTelemetry build() {
      return new GenAiTelemetry(this);
    }
  }
}

package dev.genaiagent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.telemetry.TestChat.Getter;
import dev.genaiagent.telemetry.TestChat.Request;
import dev.genaiagent.telemetry.TestChat.Response;
import dev.genaiagent.telemetry.config.GenAiConfig;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attribution from baggage, metric cardinality caps, prompt fingerprints and content sampling. */
class PoliciesTest {
  private static final AttributeKey<String> USER = AttributeKey.stringKey("user.id");
  private static final AttributeKey<String> FEATURE = AttributeKey.stringKey("feature");

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private OpenTelemetrySdk sdk;

  @BeforeEach
  void setUp() {
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
        .build();
  }

  @AfterEach
  void tearDown() {
    sdk.close();
  }

  private GenAiInstrumenter<Request, Response> instrumenter(Map<String, String> config) {
    return GenAiTelemetry.builder(sdk, "test-genai").setConfig(GenAiConfig.fromMap(config)).setClock(nanos::get)
        .build().instrumenter(new Getter());
  }

  private static Context withBaggage(String user, String feature) {
    return Context.root().with(Baggage.builder().put("user.id", user).put("feature", feature)
        .put("secret.token", "never-copied").build());
  }

  private void call(GenAiInstrumenter<Request, Response> inst, Context parent, Throwable error, long millis) {
    Request request = Request.chat("gpt-4o-mini");
    GenAiCall c = inst.start(parent, request);
    inst.captureRequestContent(c, request);
    nanos.addAndGet(millis * 1_000_000L);
    inst.end(c, request, error == null ? new Response("id", "gpt-4o-mini", List.of("stop"), 10L, 5L) : null, error);
  }

  @Test
  void configuredBaggageEntriesGoOnSpansAndOnlyAllowedOnesOnMetricsCapped() {
    GenAiInstrumenter<Request, Response> inst = instrumenter(Map.of(
        "otel.instrumentation.genai.attribution.baggage-keys", "user.id, feature",
        "otel.instrumentation.genai.attribution.metric-baggage-keys", "user.id",
        "otel.instrumentation.genai.attribution.metric-max-values", "2"));
    for (String user : List.of("alice", "bob", "carol", "dave", "alice")) {
      call(inst, withBaggage(user, "search"), null, 10);
    }
    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).extracting(s -> s.getAttributes().get(USER))
        .containsExactly("alice", "bob", "carol", "dave", "alice");
    assertThat(finished).allSatisfy(s -> {
      assertThat(s.getAttributes().get(FEATURE)).isEqualTo("search");
      assertThat(s.getAttributes().get(AttributeKey.stringKey("secret.token"))).isNull();
    });

    MetricData duration = metrics.collectAllMetrics().stream()
        .filter(m -> m.getName().equals("gen_ai.client.operation.duration")).findFirst().orElseThrow();
    Map<String, Long> countByUser = duration.getHistogramData().getPoints().stream()
        .collect(Collectors.toMap(p -> p.getAttributes().get(USER), HistogramPointData::getCount));
    // Two distinct users admitted, the rest is _OTHER; "feature" was not allowed on metrics.
    assertThat(countByUser).containsOnly(Map.entry("alice", 2L), Map.entry("bob", 1L), Map.entry("_OTHER", 2L));
    assertThat(duration.getHistogramData().getPoints())
        .allSatisfy(p -> assertThat(p.getAttributes().get(FEATURE)).isNull());
  }

  @Test
  void costIsRecordedForKnownModelsOnlyAndCanBeTurnedOff() {
    call(instrumenter(Map.of()), Context.root(), null, 10);
    // gpt-4o-mini: 10 input x $0.15 + 5 output x $0.60 per million tokens.
    assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(GenAiAttributes.USAGE_COST))
        .isCloseTo(0.0000045, org.assertj.core.data.Offset.offset(1e-15));
    spans.reset();
    GenAiInstrumenter<Request, Response> inst = instrumenter(Map.of());
    Request unknown = Request.chat("my-finetune");
    inst.end(inst.start(Context.root(), unknown), unknown, new Response("id", "my-finetune-v3", null, 10L, 5L), null);
    assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(GenAiAttributes.USAGE_COST))
        .as("unknown model: no cost, never a made-up zero").isNull();
    spans.reset();
    call(instrumenter(Map.of("otel.instrumentation.genai.cost.enabled", "false")), Context.root(), null, 10);
    assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(GenAiAttributes.USAGE_COST)).isNull();
  }

  @Test
  void noAttributionWithoutConfiguration() {
    call(instrumenter(Map.of()), withBaggage("alice", "search"), null, 10);
    assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(USER)).isNull();
  }

  @Test
  void promptFingerprintIsStableAndFollowsTheText() {
    String a = PromptFingerprint.of(List.of(GenAiMessage("You are terse.")));
    assertThat(a).isEqualTo("1dd3c7ff42c32f11").isEqualTo(PromptFingerprint.of(List.of(GenAiMessage("You are terse."))));
    assertThat(PromptFingerprint.of(List.of(GenAiMessage("You are verbose.")))).isNotEqualTo(a).hasSize(16);
    assertThat(PromptFingerprint.of(List.of(GenAiMessage("a"), GenAiMessage("b"))))
        .isNotEqualTo(PromptFingerprint.of(List.of(GenAiMessage("ab"))));
    assertThat(PromptFingerprint.of(List.of())).isNull();
    assertThat(PromptFingerprint.of((List<dev.genaiagent.telemetry.content.GenAiMessage.Part>) null)).isNull();
    assertThat(PromptFingerprint.of("You are terse.")).isEqualTo("1dd3c7ff42c32f11");
  }

  private static dev.genaiagent.telemetry.content.GenAiMessage.Part GenAiMessage(String text) {
    return dev.genaiagent.telemetry.content.GenAiMessage.Part.text(text);
  }

  @Test
  void sampledOutCallsKeepOnlyHashAndLengthExceptFailedAndSlowOnes() {
    GenAiInstrumenter<Request, Response> inst = instrumenter(Map.of(
        "otel.instrumentation.genai.capture-message-content", "true",
        "otel.instrumentation.genai.content.sample-ratio", "0",
        "otel.instrumentation.genai.content.keep-slower-than-ms", "500"));
    call(inst, Context.root(), null, 10);
    call(inst, Context.root(), new RuntimeException("boom"), 10);
    call(inst, Context.root(), null, 900);
    List<SpanData> finished = spans.getFinishedSpanItems();

    SpanData sampledOut = finished.get(0);
    assertThat(sampledOut.getAttributes().get(GenAiAttributes.INPUT_MESSAGES)).isNull();
    assertThat(sampledOut.getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES)).isNull();
    String full = finished.get(1).getAttributes().get(GenAiAttributes.INPUT_MESSAGES);
    assertThat(full).contains("Paris");
    assertThat(sampledOut.getAttributes().get(AttributeKey.stringKey("gen_ai.input.messages.hash")))
        .isEqualTo(ContentSampling.shortHash(full)).hasSize(16);
    assertThat(sampledOut.getAttributes().get(AttributeKey.longKey("gen_ai.input.messages.length")))
        .isEqualTo((long) full.length());
    assertThat(sampledOut.getAttributes().get(AttributeKey.stringKey("gen_ai.output.messages.hash"))).isNotNull();
    assertThat(finished.get(2).getAttributes().get(GenAiAttributes.INPUT_MESSAGES)).as("slow call").isEqualTo(full);
  }

  @Test
  void theTraceIdDecidesSoATraceIsAllOrNothing() {
    ContentSampling half = new ContentSampling(0.5, 0);
    Map<Boolean, Integer> decisions = new HashMap<>();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 4000; i++) {
      String traceId = String.format("%016x%016x", random.nextLong(), random.nextLong());
      SpanContext first = SpanContext.create(traceId, "0000000000000001", TraceFlags.getSampled(), TraceState.getDefault());
      SpanContext second = SpanContext.create(traceId, "0000000000000002", TraceFlags.getSampled(), TraceState.getDefault());
      boolean keep = half.keep(first, 1, false);
      assertThat(half.keep(second, 1, false)).isEqualTo(keep);
      decisions.merge(keep, 1, Integer::sum);
    }
    assertThat(decisions.get(true)).isBetween(1800, 2200);
    assertThat(new ContentSampling(1.0, 0).keepsEverything()).isTrue();
    assertThat(Set.of(new ContentSampling(0.0, 0).keep(SpanContext.getInvalid(), 1, false))).containsOnly(false);
  }
}

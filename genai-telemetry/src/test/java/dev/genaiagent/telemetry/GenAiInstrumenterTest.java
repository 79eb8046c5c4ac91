package dev.genaiagent.telemetry;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.telemetry.TestChat.Getter;
import dev.genaiagent.telemetry.TestChat.ProviderException;
import dev.genaiagent.telemetry.TestChat.Request;
import dev.genaiagent.telemetry.TestChat.Response;
import dev.genaiagent.telemetry.config.GenAiConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GenAiInstrumenterTest {
  private static final List<Double> DURATION_BUCKETS = List.of(
      0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
  private static final List<Double> TOKEN_BUCKETS = List.of(1d, 4d, 16d, 64d, 256d, 1024d, 4096d, 16384d,
      65536d, 262144d, 1048576d, 4194304d, 16777216d, 67108864d);

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private OpenTelemetrySdk sdk;
  private Getter getter;

  @BeforeEach
  void setUp() {
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
        .build();
    getter = new Getter();
  }

  @AfterEach
  void tearDown() {
    sdk.close();
  }

  private GenAiInstrumenter<Request, Response> instrumenter(Map<String, String> config) {
    return GenAiTelemetry.builder(sdk, "test-genai")
        .setConfig(GenAiConfig.fromMap(config))
        .setClock(nanos::get)
        .build()
        .instrumenter(getter);
  }

  private GenAiInstrumenter<Request, Response> instrumenter() {
    return instrumenter(Map.of());
  }

  private void advanceMillis(long ms) {
    nanos.addAndGet(ms * 1_000_000L);
  }

  @Test
  void chatCallMakesOneClientSpanWithEveryAttribute() {
    GenAiInstrumenter<Request, Response> inst = instrumenter();
    Request request = Request.chat("gpt-4o");
    GenAiCall call = inst.start(Context.root(), request);
    advanceMillis(300);
    inst.end(call, request, new Response("chatcmpl-1", "gpt-4o-2024-08-06", List.of("stop"), 12L, 40L), null);

    assertThat(spans.getFinishedSpanItems()).singleElement().satisfies(span -> assertThat(span)
        .hasName("chat gpt-4o")
        .hasKind(SpanKind.CLIENT)
        .hasStatus(io.opentelemetry.sdk.trace.data.StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(GenAiAttributes.OPERATION_NAME, "chat"),
            equalTo(GenAiAttributes.PROVIDER_NAME, "openai"),
            equalTo(GenAiAttributes.REQUEST_MODEL, "gpt-4o"),
            equalTo(GenAiAttributes.SERVER_ADDRESS, "api.example.test"),
            equalTo(GenAiAttributes.SERVER_PORT, 443L),
            equalTo(GenAiAttributes.REQUEST_TEMPERATURE, 0.2),
            equalTo(GenAiAttributes.REQUEST_MAX_TOKENS, 100L),
            // FNV-1a 64 of "You are terse.": the same in every process and release.
            equalTo(GenAiAttributes.SYSTEM_INSTRUCTIONS_HASH, "1dd3c7ff42c32f11"),
            equalTo(GenAiAttributes.RESPONSE_ID, "chatcmpl-1"),
            equalTo(GenAiAttributes.RESPONSE_MODEL, "gpt-4o-2024-08-06"),
            equalTo(GenAiAttributes.RESPONSE_FINISH_REASONS, List.of("stop")),
            equalTo(GenAiAttributes.USAGE_INPUT_TOKENS, 12L),
            equalTo(GenAiAttributes.USAGE_OUTPUT_TOKENS, 40L),
            // gpt-4o-2024-08-06 at gpt-4o's price: 12 x $2.50 + 40 x $10.00 per million tokens.
            satisfies(GenAiAttributes.USAGE_COST, c -> c.isCloseTo(0.00043, org.assertj.core.data.Offset.offset(1e-12)))));

    Attributes common = Attributes.builder()
        .put(GenAiAttributes.OPERATION_NAME, "chat")
        .put(GenAiAttributes.PROVIDER_NAME, "openai")
        .put(GenAiAttributes.REQUEST_MODEL, "gpt-4o")
        .put(GenAiAttributes.RESPONSE_MODEL, "gpt-4o-2024-08-06")
        .put(GenAiAttributes.SERVER_ADDRESS, "api.example.test")
        .put(GenAiAttributes.SERVER_PORT, 443L)
        .build();
    Map<String, MetricData> byName = metricsByName();
    assertThat(byName).containsOnlyKeys("gen_ai.client.operation.duration", "gen_ai.client.token.usage",
        "gen_ai.client.usage.cost");
    HistogramPointData cost = single(byName.get("gen_ai.client.usage.cost"));
    assertThat(cost.getAttributes()).isEqualTo(common);
    assertThat(cost.getSum()).isCloseTo(0.00043, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(byName.get("gen_ai.client.usage.cost").getUnit()).isEqualTo("USD");

    MetricData duration = byName.get("gen_ai.client.operation.duration");
    assertThat(duration.getUnit()).isEqualTo("s");
    HistogramPointData d = single(duration);
    assertThat(d.getAttributes()).isEqualTo(common);
    assertThat(d.getSum()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(d.getBoundaries()).isEqualTo(DURATION_BUCKETS);

    MetricData tokens = byName.get("gen_ai.client.token.usage");
    assertThat(tokens.getUnit()).isEqualTo("{token}");
    assertThat(tokens.getHistogramData().getPoints()).hasSize(2).allSatisfy(p -> {
      assertThat(p.getBoundaries()).isEqualTo(TOKEN_BUCKETS);
      assertThat(p.getCount()).isEqualTo(1);
    });
    assertThat(tokenSum("input")).isEqualTo(12.0);
    assertThat(tokenSum("output")).isEqualTo(40.0);
    HistogramPointData input = tokens.getHistogramData().getPoints().stream()
        .filter(p -> "input".equals(p.getAttributes().get(GenAiAttributes.TOKEN_TYPE))).findFirst().orElseThrow();
    assertThat(input.getAttributes()).isEqualTo(common.toBuilder().put(GenAiAttributes.TOKEN_TYPE, "input").build());
  }

  @Test
  void noTokensReportedMeansNoTokenMetric() {
    GenAiInstrumenter<Request, Response> inst = instrumenter();
    Request request = Request.chat("m");
    inst.end(inst.start(Context.root(), request), request, new Response("id", "m", null, null, null), null);
    assertThat(metricsByName()).containsOnlyKeys("gen_ai.client.operation.duration");
    assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(GenAiAttributes.USAGE_INPUT_TOKENS)).isNull();
  }

  @Test
  void providerErrorCodeBecomesErrorTypeOnSpanAndDuration() {
    GenAiInstrumenter<Request, Response> inst = instrumenter();
    Request request = Request.chat("gpt-4o");
    GenAiCall call = inst.start(Context.root(), request);
    ProviderException error = new ProviderException("rate_limit_exceeded");
    inst.end(call, request, null, error);

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span).hasStatus(io.opentelemetry.sdk.trace.data.StatusData.error())
        .hasAttribute(GenAiAttributes.ERROR_TYPE, "rate_limit_exceeded");
    assertThat(span.getEvents()).singleElement().satisfies(e -> assertThat(e.getName()).isEqualTo("exception"));
    HistogramPointData d = single(metricsByName().get("gen_ai.client.operation.duration"));
    assertThat(d.getAttributes().get(GenAiAttributes.ERROR_TYPE)).isEqualTo("rate_limit_exceeded");
  }

  @Test
  void errorWithoutProviderCodeFallsBackToClassName() {
    GenAiInstrumenter<Request, Response> inst = instrumenter();
    Request request = Request.chat("m");
    inst.end(inst.start(Context.root(), request), request, null, new java.net.SocketTimeoutException("slow"));
    assertThat(spans.getFinishedSpanItems().get(0))
        .hasAttribute(GenAiAttributes.ERROR_TYPE, "java.net.SocketTimeoutException");
  }

  @Test
  void failureWithoutExceptionIsOther() {
    GenAiInstrumenter<Request, Response> inst = instrumenter();
    Request request = Request.chat("m");
    inst.fail(inst.start(Context.root(), request), null, null);
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span).hasAttribute(GenAiAttributes.ERROR_TYPE, "_OTHER");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getEvents()).isEmpty();
  }

  @Test
  void endingTwiceRecordsOnce() {
    GenAiInstrumenter<Request, Response> inst = instrumenter();
    Request request = Request.chat("m");
    GenAiCall call = inst.start(Context.root(), request);
    inst.end(call, request, new Response("a", "m", null, 1L, 1L), null);
    inst.end(call, request, null, new RuntimeException("close after end"));
    inst.fail(call, null, "abandoned");
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    assertThat(spans.getFinishedSpanItems().get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(single(metricsByName().get("gen_ai.client.operation.duration")).getCount()).isEqualTo(1);
  }

  @Test
  void streamTimingUsesTheMonotonicClock() {
    GenAiInstrumenter<Request, Response> inst = instrumenter();
    Request request = Request.chat("m");
    GenAiCall call = inst.start(Context.root(), request);
    advanceMillis(300);
    call.onChunk();
    for (int i = 0; i < 4; i++) {
      advanceMillis(20);
      call.onChunk();
    }
    inst.end(call, request, new Response("a", "m", List.of("stop"), 5L, 5L), null);

    assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(GenAiAttributes.RESPONSE_TIME_TO_FIRST_CHUNK))
        .isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
    HistogramPointData ttfc = single(metricsByName().get("gen_ai.client.operation.time_to_first_chunk"));
    assertThat(ttfc.getCount()).isEqualTo(1);
    assertThat(ttfc.getSum()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ttfc.getBoundaries()).isEqualTo(DURATION_BUCKETS);
    HistogramPointData perChunk = single(metricsByName().get("gen_ai.client.operation.time_per_output_chunk"));
    assertThat(perChunk.getCount()).isEqualTo(4);
    assertThat(perChunk.getSum()).isCloseTo(0.08, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(perChunk.getBoundaries()).isEqualTo(DURATION_BUCKETS);
  }

  @Test
  void longStreamsKeepBoundedBuffersAndLoseNoInterval() {
    GenAiInstrumenter<Request, Response> inst = instrumenter();
    Request request = Request.chat("m");
    GenAiCall call = inst.start(Context.root(), request);
    int chunks = 10_001;
    for (int i = 0; i < chunks; i++) {
      advanceMillis(1);
      call.onChunk();
    }
    inst.end(call, request, null, null);
    HistogramPointData perChunk = single(metricsByName().get("gen_ai.client.operation.time_per_output_chunk"));
    assertThat(perChunk.getCount()).isEqualTo(chunks - 1);
  }

  @Test
  void nestedLayerOfTheSameCallMakesOneSpanAndOneSetOfTokens() {
    GenAiInstrumenter<Request, Response> framework = instrumenter();
    GenAiInstrumenter<Request, Response> sdkLayer = instrumenter();
    Request outerRequest = new Request(GenAiOperation.CHAT, "openai", "gpt-4o", null, null, false, null, null, null);
    GenAiCall outer = framework.start(Context.root(), outerRequest);
    GenAiCall inner;
    try (Scope ignored = outer.makeCurrent()) {
      Request innerRequest = Request.chat("gpt-4o-inner-name");
      inner = sdkLayer.start(Context.current(), innerRequest);
      assertThat(inner.isOwner()).isFalse();
      assertThat(inner.context()).isSameAs(Context.current());
      inner.onChunk();
      outer.onChunk(); // the framework sees the same chunk: must not count twice
      inner.onChunk();
      outer.onChunk();
      sdkLayer.end(inner, innerRequest, new Response("chatcmpl-9", "gpt-4o-2024", List.of("stop"), 7L, 9L), null);
    }
    framework.end(outer, outerRequest, new Response(null, "framework-model", null, 70L, 90L), null);

    assertThat(spans.getFinishedSpanItems()).singleElement().satisfies(span -> {
      assertThat(span).hasName("chat gpt-4o")
          .hasAttribute(GenAiAttributes.REQUEST_MODEL, "gpt-4o") // the owner's request attributes stay
          .hasAttribute(GenAiAttributes.SERVER_ADDRESS, "api.example.test") // the layer fills gaps
          .hasAttribute(GenAiAttributes.RESPONSE_ID, "chatcmpl-9")
          .hasAttribute(GenAiAttributes.RESPONSE_MODEL, "gpt-4o-2024") // the wire-level answer wins
          .hasAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, 7L);
    });
    Map<String, MetricData> byName = metricsByName();
    assertThat(byName.get("gen_ai.client.token.usage").getHistogramData().getPoints())
        .hasSize(2).allSatisfy(p -> assertThat(p.getCount()).isEqualTo(1));
    assertThat(tokenSum("input")).isEqualTo(7.0);
    assertThat(single(byName.get("gen_ai.client.operation.duration")).getCount()).isEqualTo(1);
    assertThat(single(byName.get("gen_ai.client.operation.time_per_output_chunk")).getCount()).isEqualTo(1);
  }

  @Test
  void innerLayerErrorTypeWinsOnlyWhenTheOwnerFailsToo() {
    GenAiInstrumenter<Request, Response> inst = instrumenter();
    Request request = Request.chat("m");

    GenAiCall outer = inst.start(Context.root(), request);
    GenAiCall inner = inst.start(outer.context(), request);
    inst.end(inner, request, null, new ProviderException("server_error"));
    inst.end(outer, request, null, new IllegalStateException("wrapped"));

    GenAiCall retriedOuter = inst.start(Context.root(), request);
    GenAiCall failedAttempt = inst.start(retriedOuter.context(), request);
    inst.end(failedAttempt, request, null, new ProviderException("server_error"));
    GenAiCall goodAttempt = inst.start(retriedOuter.context(), request);
    inst.end(goodAttempt, request, new Response("ok", "m", List.of("stop"), 1L, 1L), null);
    inst.end(retriedOuter, request, null, null);

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(2);
    assertThat(finished.get(0)).hasAttribute(GenAiAttributes.ERROR_TYPE, "server_error");
    assertThat(finished.get(0).getEvents()).hasSize(1);
    assertThat(finished.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(finished.get(1).getAttributes().get(GenAiAttributes.ERROR_TYPE)).isNull();
    assertThat(finished.get(1)).hasAttribute(GenAiAttributes.RESPONSE_ID, "ok");
  }

  @Test
  void agentsNestAndToolsAndRetrievalsGetTheirOwnSpans() {
    GenAiInstrumenter<Request, Response> inst = instrumenter();
    Request agent = new Request(GenAiOperation.INVOKE_AGENT, "openai", null, null, null, false, null, "Assistant", null);
    Request subAgent = new Request(GenAiOperation.INVOKE_AGENT, "openai", null, null, null, false, null, "Researcher", null);
    Request tool = new Request(GenAiOperation.EXECUTE_TOOL, "openai", null, null, null, false, "get_weather", null, null);
    Request retrieval = new Request(GenAiOperation.RETRIEVAL, "pgvector", null, "127.0.0.1", 5432, false, null, null,
        "postgresql/docs");
    Request embeddings = new Request(GenAiOperation.EMBEDDINGS, "openai", "all-minilm-l6-v2", null, null, true, null,
        null, null);

    GenAiCall a = inst.start(Context.root(), agent);
    GenAiCall sub = inst.start(a.context(), subAgent);
    GenAiCall t = inst.start(sub.context(), tool);
    GenAiCall r = inst.start(t.context(), retrieval);
    GenAiCall e = inst.start(r.context(), embeddings);
    assertThat(sub.isOwner()).isTrue();
    inst.end(e, embeddings, null, null);
    inst.end(r, retrieval, null, null);
    inst.end(t, tool, null, null);
    inst.end(sub, subAgent, null, null);
    inst.end(a, agent, null, null);

    Map<String, SpanData> byName = spans.getFinishedSpanItems().stream()
        .collect(Collectors.toMap(SpanData::getName, s -> s));
    assertThat(byName).containsOnlyKeys("invoke_agent Assistant", "invoke_agent Researcher", "execute_tool get_weather",
        "retrieval postgresql/docs", "embeddings all-minilm-l6-v2");
    assertThat(byName.get("invoke_agent Assistant")).hasKind(SpanKind.INTERNAL);
    assertThat(byName.get("invoke_agent Researcher")).hasKind(SpanKind.INTERNAL)
        .hasParentSpanId(byName.get("invoke_agent Assistant").getSpanId());
    assertThat(byName.get("execute_tool get_weather")).hasKind(SpanKind.INTERNAL)
        .hasAttribute(GenAiAttributes.TOOL_NAME, "get_weather")
        .hasParentSpanId(byName.get("invoke_agent Researcher").getSpanId());
    assertThat(byName.get("retrieval postgresql/docs")).hasKind(SpanKind.CLIENT)
        .hasAttribute(GenAiAttributes.DATA_SOURCE_ID, "postgresql/docs");
    assertThat(byName.get("embeddings all-minilm-l6-v2")).hasKind(SpanKind.INTERNAL)
        .hasParentSpanId(byName.get("retrieval postgresql/docs").getSpanId());
  }

  /** A vector search as the JDBC module reports it: request attributes, then what the rows said. */
  record Search(String dataSource, String metric) {}

  record Rows(long count, double[] scores, Double best) {}

  @Test
  void retrievalRecordsScoresDocumentsAndTheStoresOwnAttributes() {
    GenAiAttributesGetter<Search, Rows> searchGetter = new GenAiAttributesGetter<>() {
      @Override
      public GenAiOperation operation(Search s) {
        return GenAiOperation.RETRIEVAL;
      }

      @Override
      public String providerName(Search s) {
        return "postgresql";
      }

      @Override
      public String dataSourceId(Search s) {
        return s.dataSource();
      }

      @Override
      public String dbSystemName(Search s) {
        return "postgresql";
      }

      @Override
      public String similarityMetric(Search s) {
        return s.metric();
      }

      @Override
      public Attributes additionalAttributes(Search s) {
        return Attributes.of(GenAiAttributes.DB_QUERY_TEXT, "SELECT id FROM docs ORDER BY e <=> ? LIMIT ?",
            GenAiAttributes.DB_SYSTEM_NAME, "must not override the getter");
      }

      @Override
      public Long returnedRows(Rows r) {
        return r.count();
      }

      @Override
      public double[] retrievalScores(Rows r) {
        return r.scores();
      }

      @Override
      public Double bestScore(Rows r) {
        return r.best();
      }
    };
    GenAiInstrumenter<Search, Rows> inst = GenAiTelemetry.builder(sdk, "test-genai").setClock(nanos::get).build()
        .instrumenter(searchGetter);
    Search search = new Search("genai/docs", "cosine");
    GenAiCall call = inst.start(Context.root(), search);
    advanceMillis(30);
    inst.end(call, search, new Rows(3, new double[] {0.1, 0.25, Double.NaN}, 0.1), null);

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span).hasName("retrieval genai/docs").hasKind(SpanKind.CLIENT)
        .hasAttribute(GenAiAttributes.DB_RESPONSE_RETURNED_ROWS, 3L)
        .hasAttribute(GenAiAttributes.RETRIEVAL_BEST_SCORE, 0.1)
        .hasAttribute(GenAiAttributes.DB_SYSTEM_NAME, "postgresql")
        .hasAttribute(GenAiAttributes.DB_QUERY_TEXT, "SELECT id FROM docs ORDER BY e <=> ? LIMIT ?");
    assertThat(span.getAttributes().get(GenAiAttributes.RETRIEVAL_DOCUMENTS)).as("content is opt-in").isNull();

    Map<String, MetricData> byName = metrics.collectAllMetrics().stream()
        .collect(Collectors.toMap(MetricData::getName, m -> m));
    HistogramPointData scores = byName.get("gen_ai.client.retrieval.score").getHistogramData().getPoints()
        .iterator().next();
    assertThat(scores.getCount()).as("NaN is not a score").isEqualTo(2);
    assertThat(scores.getMin()).isEqualTo(0.1);
    assertThat(scores.getAttributes().get(GenAiAttributes.DATA_SOURCE_ID)).isEqualTo("genai/docs");
    assertThat(scores.getAttributes().get(GenAiAttributes.DB_SEARCH_SIMILARITY_METRIC)).isEqualTo("cosine");
    assertThat(scores.getAttributes().get(GenAiAttributes.DB_QUERY_TEXT)).isNull();
    HistogramPointData documents = byName.get("gen_ai.client.retrieval.documents").getHistogramData().getPoints()
        .iterator().next();
    assertThat(documents.getSum()).isEqualTo(3.0);
    assertThat(byName.get("gen_ai.client.operation.duration").getHistogramData().getPoints().iterator().next()
        .getAttributes().get(GenAiAttributes.DATA_SOURCE_ID)).isEqualTo("genai/docs");
    assertThat(byName).doesNotContainKey("gen_ai.client.token.usage");
  }

  @Test
  void aThrowingGetterCostsOnlyItsOwnAttribute() {
    Getter throwing = new Getter() {
      @Override
      public Double temperature(Request r) {
        throw new IllegalStateException("odd object");
      }
    };
    GenAiInstrumenter<Request, Response> inst = GenAiTelemetry.builder(sdk, "t")
        .setConfig(GenAiConfig.fromMap(Map.of())).build().instrumenter(throwing);
    Request request = Request.chat("m");
    inst.end(inst.start(Context.root(), request), request, null, null);
    assertThat(spans.getFinishedSpanItems()).singleElement().satisfies(s -> {
      assertThat(s).hasAttribute(GenAiAttributes.REQUEST_MAX_TOKENS, 100L);
      assertThat(s.getAttributes().get(GenAiAttributes.REQUEST_TEMPERATURE)).isNull();
    });
  }

  @Test
  void contentIsNotReadWhenCaptureIsOff() {
    GenAiInstrumenter<Request, Response> inst = instrumenter();
    Request request = Request.chat("m");
    GenAiCall call = inst.start(Context.root(), request);
    inst.captureRequestContent(call, request);
    inst.end(call, request, new Response("a", "m", null, 1L, 1L), null);
    assertThat(getter.contentCalls).isZero();
    Attributes attributes = spans.getFinishedSpanItems().get(0).getAttributes();
    assertThat(attributes.asMap().keySet()).extracting(AttributeKey::getKey)
        .noneMatch(k -> k.contains("messages") || k.contains("definitions")
            || k.contains("instructions") && !k.equals("gen_ai.system_instructions.hash"));
  }

  @Test
  void contentIsCapturedAsContractJsonWhenOn() {
    GenAiInstrumenter<Request, Response> inst =
        instrumenter(Map.of("otel.instrumentation.genai.capture-message-content", "true"));
    Request request = Request.chat("m");
    GenAiCall call = inst.start(Context.root(), request);
    inst.captureRequestContent(call, request);
    inst.end(call, request, new Response("a", "m", List.of("tool_call"), 1L, 1L), null);
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span)
        .hasAttribute(GenAiAttributes.SYSTEM_INSTRUCTIONS, "[{\"type\":\"text\",\"content\":\"You are terse.\"}]")
        .hasAttribute(GenAiAttributes.INPUT_MESSAGES,
            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"What is the weather in Paris?\"}]}]")
        .hasAttribute(GenAiAttributes.TOOL_DEFINITIONS,
            "[{\"type\":\"function\",\"name\":\"get_weather\",\"description\":\"Weather by city\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]")
        .hasAttribute(GenAiAttributes.OUTPUT_MESSAGES,
            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\",\"name\":\"get_weather\","
                + "\"arguments\":{\"city\":\"Paris\"}}],\"finish_reason\":\"tool_call\"}]");
  }

  @Test
  void malformedConfigFallsBackToDefaults() {
    GenAiInstrumenter<Request, Response> inst =
        instrumenter(Map.of("otel.instrumentation.genai.capture-message-content", "yes please"));
    Request request = Request.chat("m");
    GenAiCall call = inst.start(Context.root(), request);
    inst.captureRequestContent(call, request);
    inst.end(call, request, null, null);
    assertThat(getter.contentCalls).isZero();
  }

  private Map<String, MetricData> metricsByName() {
    Collection<MetricData> all = metrics.collectAllMetrics();
    return all.stream().collect(Collectors.toMap(MetricData::getName, m -> m));
  }

  private double tokenSum(String type) {
    return metricsByName().get("gen_ai.client.token.usage").getHistogramData().getPoints().stream()
        .filter(p -> type.equals(p.getAttributes().get(GenAiAttributes.TOKEN_TYPE)))
        .mapToDouble(HistogramPointData::getSum).sum();
  }

  private static HistogramPointData single(MetricData metric) {
    assertThat(metric).isNotNull();
    assertThat(metric.getHistogramData().getPoints()).hasSize(1);
    return metric.getHistogramData().getPoints().iterator().next();
  }
}

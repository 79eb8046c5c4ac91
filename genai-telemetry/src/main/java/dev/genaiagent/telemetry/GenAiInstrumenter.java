package dev.genaiagent.telemetry;

import static dev.genaiagent.telemetry.GenAiAttributes.*;

import dev.genaiagent.telemetry.content.ContentCapture;
import dev.genaiagent.telemetry.content.ContentField;
import dev.genaiagent.telemetry.cost.PricingTable;
import dev.genaiagent.telemetry.cost.TokenUsage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * Starts and ends GenAI calls of one library call type. The instrumentation supplies a
 * {@link GenAiAttributesGetter}; span names, kinds, attribute keys, metrics, error mapping and content
 * serialization are decided here, per the telemetry contract.
 *
 * <p>Nothing here throws into the application: a getter that throws only loses its own attribute.
 */
public final class GenAiInstrumenter<REQUEST, RESPONSE> {
  private static final Logger logger = Logger.getLogger(GenAiInstrumenter.class.getName());
  private static final double NANOS_PER_SECOND = 1e9;

  private final GenAiTelemetry telemetry;
  private final GenAiAttributesGetter<REQUEST, RESPONSE> getter;
  private final List<Extractor<REQUEST>> requestExtractors = new ArrayList<>();
  private final List<Extractor<RESPONSE>> responseExtractors = new ArrayList<>();

  GenAiInstrumenter(GenAiTelemetry telemetry, GenAiAttributesGetter<REQUEST, RESPONSE> g) {
    this.telemetry = telemetry;
    this.getter = g;
    request(REQUEST_MAX_TOKENS, g::maxTokens);
    request(REQUEST_TEMPERATURE, g::temperature);
    request(REQUEST_TOP_P, g::topP);
    request(REQUEST_TOP_K, g::topK);
    request(REQUEST_STOP_SEQUENCES, g::stopSequences);
    request(REQUEST_FREQUENCY_PENALTY, g::frequencyPenalty);
    request(REQUEST_PRESENCE_PENALTY, g::presencePenalty);
    request(REQUEST_SEED, g::seed);
    request(REQUEST_CHOICE_COUNT, g::choiceCount);
    request(REQUEST_STREAM, g::stream);
    request(REQUEST_ENCODING_FORMATS, g::encodingFormats);
    request(OUTPUT_TYPE, g::outputType);
    request(CONVERSATION_ID, g::conversationId);
    request(OPENAI_REQUEST_SERVICE_TIER, g::requestServiceTier);
    request(TOOL_NAME, g::toolName);
    request(TOOL_CALL_ID, g::toolCallId);
    request(TOOL_DESCRIPTION, g::toolDescription);
    request(TOOL_TYPE, g::toolType);
    request(AGENT_ID, g::agentId);
    request(AGENT_NAME, g::agentName);
    request(AGENT_DESCRIPTION, g::agentDescription);
    request(DATA_SOURCE_ID, g::dataSourceId);
    request(DB_SYSTEM_NAME, g::dbSystemName);
    request(DB_NAMESPACE, g::dbNamespace);
    request(DB_COLLECTION_NAME, g::dbCollectionName);
    request(DB_SEARCH_SIMILARITY_METRIC, g::similarityMetric);
    request(PROMPT_NAME, g::promptName);
    request(PROMPT_VERSION, g::promptVersion);

    response(RESPONSE_ID, g::responseId);
    response(RESPONSE_MODEL, g::responseModel);
    response(RESPONSE_FINISH_REASONS, g::finishReasons);
    response(USAGE_INPUT_TOKENS, g::inputTokens);
    response(USAGE_OUTPUT_TOKENS, g::outputTokens);
    response(USAGE_CACHE_READ_INPUT_TOKENS, g::cacheReadInputTokens);
    response(USAGE_CACHE_CREATION_INPUT_TOKENS, g::cacheCreationInputTokens);
    response(USAGE_REASONING_OUTPUT_TOKENS, g::reasoningOutputTokens);
    response(OPENAI_RESPONSE_SERVICE_TIER, g::responseServiceTier);
    response(OPENAI_RESPONSE_SYSTEM_FINGERPRINT, g::systemFingerprint);
    response(EMBEDDINGS_DIMENSION_COUNT, g::embeddingsDimensionCount);
    response(DB_RESPONSE_RETURNED_ROWS, g::returnedRows);
    response(RETRIEVAL_BEST_SCORE, g::bestScore);
  }

  /**
   * Starts a call in {@code parent}. Never null: when an outer layer of the same call is active the
   * result is a layer of it (see {@link GenAiCall}).
   */
  public GenAiCall start(Context parent, REQUEST request) {
    long startNanos = telemetry.clock.nanoTime();
    GenAiOperation operation = safe(getter::operation, request);
    if (operation == null) {
      operation = GenAiOperation.CHAT;
    }
    GenAiCall outer = GenAiCall.current(parent);
    if (outer != null && operation.isLayerOf(outer.operation)) {
      GenAiCall owner = outer.ownerOrSelf();
      GenAiCall layer = new GenAiCall(operation, owner, parent, startNanos, telemetry.clock);
      Map<AttributeKey<?>, Object> values = requestAttributes(operation, request, parent);
      for (Map.Entry<AttributeKey<?>, Object> e : values.entrySet()) {
        owner.fill(e.getKey(), e.getValue());
      }
      return layer;
    }

    Map<AttributeKey<?>, Object> values = requestAttributes(operation, request, parent);
    SpanBuilder builder = telemetry.tracer.spanBuilder(spanName(operation, values))
        .setSpanKind(spanKind(operation, request))
        .setParent(parent);
    // Set at start: samplers see operation, provider, model and server.
    for (Map.Entry<AttributeKey<?>, Object> e : values.entrySet()) {
      setOnBuilder(builder, e.getKey(), e.getValue());
    }
    Span span = builder.startSpan();
    return new GenAiCall(operation, span, parent, startNanos, telemetry.clock, values, this);
  }

  /** Ends {@code call} with the library's response or error; the first end wins. */
  public void end(GenAiCall call, REQUEST request, @Nullable RESPONSE response, @Nullable Throwable error) {
    complete(call, response, error, error == null ? null : errorType(error), true);
  }

  /**
   * Ends {@code call} as failed without an exception (a stream abandoned by the application, a
   * response that reports an error in its body). {@code errorType} null becomes {@code _OTHER}.
   */
  public void fail(GenAiCall call, @Nullable RESPONSE partialResponse, @Nullable String errorType) {
    complete(call, partialResponse, null, errorType == null ? "_OTHER" : errorType, false);
  }

  /**
   * The one way a call ends: a layer hands its answers and error type to the owner; the owner ends the
   * span and records the metrics. {@code errorType} null means success.
   */
  private void complete(GenAiCall call, @Nullable RESPONSE response, @Nullable Throwable error,
      @Nullable String errorType, boolean captureContent) {
    if (!call.markEnded()) {
      return;
    }
    try {
      GenAiCall owner = call.ownerOrSelf();
      if (response != null) {
        for (Extractor<RESPONSE> x : responseExtractors) {
          owner.fill(x.key, safe(x.getter, response));
        }
        if (captureContent) {
          captureResponseContent(owner, response);
        }
        if (call.operation == GenAiOperation.RETRIEVAL) {
          owner.fillRetrievalScores(safe(getter::retrievalScores, response));
        }
      }
      if (!call.isOwner()) {
        if (errorType != null) {
          owner.noteInnerError(errorType);
        }
        return;
      }
      if (error != null) {
        call.span.recordException(error);
      }
      finish(call, errorType == null ? null : pickErrorType(call, errorType));
    } catch (Throwable t) {
      logger.log(Level.FINE, "GenAI telemetry failed; the call is unaffected", t);
    }
  }

  /** Captures request content when content capture is on; called once, at start, by advice. */
  public void captureRequestContent(GenAiCall call, REQUEST request) {
    ContentCapture content = telemetry.content;
    if (!content.isEnabled()) {
      return;
    }
    try {
      GenAiCall owner = call.ownerOrSelf();
      owner.fill(SYSTEM_INSTRUCTIONS, content.systemInstructions(safe(getter::systemInstructions, request)));
      owner.fill(INPUT_MESSAGES, content.messages(ContentField.INPUT_MESSAGE, safe(getter::inputMessages, request)));
      owner.fill(TOOL_DEFINITIONS, content.toolDefinitions(safe(getter::toolDefinitions, request)));
      owner.fill(TOOL_CALL_ARGUMENTS,
          content.text(ContentField.TOOL_CALL_ARGUMENTS, safe(getter::toolCallArguments, request)));
      owner.fill(RETRIEVAL_QUERY_TEXT,
          content.text(ContentField.RETRIEVAL_QUERY, safe(getter::retrievalQueryText, request)));
      owner.fill(PROMPT_VARIABLES, content.variables(safe(getter::promptVariables, request)));
    } catch (Throwable t) {
      logger.log(Level.FINE, "GenAI content capture failed", t);
    }
  }

  private void captureResponseContent(GenAiCall owner, RESPONSE response) {
    ContentCapture content = telemetry.content;
    if (!content.isEnabled()) {
      return;
    }
    owner.fill(OUTPUT_MESSAGES, content.messages(ContentField.OUTPUT_MESSAGE, safe(getter::outputMessages, response)));
    owner.fill(TOOL_CALL_RESULT, content.text(ContentField.TOOL_CALL_RESULT, safe(getter::toolCallResult, response)));
    owner.fill(RETRIEVAL_DOCUMENTS, content.documents(safe(getter::retrievalDocuments, response)));
  }

  private static String pickErrorType(GenAiCall owner, String ownErrorType) {
    synchronized (owner) {
      // The innermost layer's error is the most specific (provider code over wrapper class).
      return owner.innerErrorType != null ? owner.innerErrorType : ownErrorType;
    }
  }

  private void finish(GenAiCall call, @Nullable String errorType) {
    long endNanos = call.nowNanos();
    Span span = call.span;
    Map<AttributeKey<?>, Object> values;
    long[] intervals;
    long firstChunkNanos;
    double[] scores;
    synchronized (call) {
      values = new LinkedHashMap<>(call.attributes);
      firstChunkNanos = call.firstChunkNanos;
      scores = call.retrievalScores;
    }
    intervals = call.drainChunkIntervals();
    if (!telemetry.contentSampling.keepsEverything()
        && !telemetry.contentSampling.keep(span.getSpanContext(), endNanos - call.startNanos, errorType != null)) {
      ContentSampling.reduce(values);
    }
    Double cost = cost(call.operation, values);
    if (cost != null) {
      values.put(USAGE_COST, cost);
    }
    if (call.enclosingAgent != null
        && (call.operation.isInference() || call.operation == GenAiOperation.INVOKE_AGENT)) {
      call.enclosingAgent.addUsage(usageOf(values));
    }
    Double ttfc = firstChunkNanos < 0 ? null : (firstChunkNanos - call.startNanos) / NANOS_PER_SECOND;
    for (Map.Entry<AttributeKey<?>, Object> e : values.entrySet()) {
      setOnSpan(span, e.getKey(), e.getValue());
    }
    if (ttfc != null) {
      span.setAttribute(RESPONSE_TIME_TO_FIRST_CHUNK, ttfc);
    }
    if (errorType != null) {
      span.setAttribute(ERROR_TYPE, errorType);
      span.setStatus(StatusCode.ERROR);
    }
    span.end();

    Context context = call.context();
    Attributes common = metricAttributes(call.operation, values);
    Attributes durationAttributes = errorType == null ? common : common.toBuilder().put(ERROR_TYPE, errorType).build();
    telemetry.metrics.recordDuration((endNanos - call.startNanos) / NANOS_PER_SECOND, durationAttributes, context);
    if (call.operation.isInference() || call.operation == GenAiOperation.EMBEDDINGS) {
      recordTokens(values.get(USAGE_INPUT_TOKENS), "input", common, context);
      recordTokens(values.get(USAGE_OUTPUT_TOKENS), "output", common, context);
    }
    if (ttfc != null) {
      telemetry.metrics.recordTimeToFirstChunk(ttfc, common, context);
    }
    if (cost != null) {
      telemetry.metrics.recordCost(cost, common, context);
    }
    for (long interval : intervals) {
      telemetry.metrics.recordTimePerOutputChunk(interval / NANOS_PER_SECOND, common, context);
    }
    if (call.operation == GenAiOperation.RETRIEVAL) {
      Object rows = values.get(DB_RESPONSE_RETURNED_ROWS);
      if (rows instanceof Long) {
        telemetry.metrics.recordRetrievalDocuments((Long) rows, common, context);
      }
      if (scores != null) {
        // Only the first score carries the trace context (an exemplar linking the distribution to this
        // trace): offering every row to the exemplar reservoir would cost more than the row itself.
        Context exemplarContext = context;
        for (double score : scores) {
          if (!Double.isNaN(score)) {
            telemetry.metrics.recordRetrievalScore(score, common, exemplarContext);
            exemplarContext = Context.root();
          }
        }
      }
    }
  }

  /**
   * The call's cost from the pricing table, for inference and embeddings whose tokens were reported;
   * null when the model is unknown (never a made-up zero). The response model (a dated snapshot)
   * resolves to its own row or its family's.
   */
  @Nullable
  private Double cost(GenAiOperation operation, Map<AttributeKey<?>, Object> values) {
    PricingTable pricing = telemetry.pricing();
    boolean embeddings = operation == GenAiOperation.EMBEDDINGS;
    if (pricing == null || !(operation.isInference() || embeddings)) {
      return null;
    }
    TokenUsage usage = TokenUsage.builder()
        .inputTokens(asLong(values.get(USAGE_INPUT_TOKENS)))
        .outputTokens(asLong(values.get(USAGE_OUTPUT_TOKENS)))
        .cacheReadInputTokens(asLong(values.get(USAGE_CACHE_READ_INPUT_TOKENS)))
        .cacheCreationInputTokens(asLong(values.get(USAGE_CACHE_CREATION_INPUT_TOKENS)))
        .reasoningOutputTokens(asLong(values.get(USAGE_REASONING_OUTPUT_TOKENS)))
        .embeddings(embeddings)
        .build();
    String provider = (String) values.get(PROVIDER_NAME);
    Object responseModel = values.get(RESPONSE_MODEL);
    Double cost = responseModel == null ? null : pricing.cost(provider, (String) responseModel, usage);
    if (cost == null && values.get(REQUEST_MODEL) != null) {
      cost = pricing.cost(provider, (String) values.get(REQUEST_MODEL), usage);
    }
    return cost;
  }

  private static final AttributeKey<?>[] SUMMED_USAGE = {
    USAGE_INPUT_TOKENS, USAGE_OUTPUT_TOKENS, USAGE_CACHE_READ_INPUT_TOKENS, USAGE_CACHE_CREATION_INPUT_TOKENS,
    USAGE_REASONING_OUTPUT_TOKENS, USAGE_COST,
  };

  private static Map<AttributeKey<?>, Object> usageOf(Map<AttributeKey<?>, Object> values) {
    Map<AttributeKey<?>, Object> usage = new LinkedHashMap<>();
    for (AttributeKey<?> key : SUMMED_USAGE) {
      Object v = values.get(key);
      if (v != null) {
        usage.put(key, v);
      }
    }
    return usage;
  }

  @Nullable
  private static Long asLong(@Nullable Object value) {
    return value instanceof Long ? (Long) value : null;
  }

  /** Called by a stream with more chunks than the buffer holds: records them with what is known so far. */
  void recordChunkIntervals(GenAiCall call, long[] intervals, int count) {
    Attributes common = metricAttributes(call.operation, call.attributes);
    for (int i = 0; i < count; i++) {
      telemetry.metrics.recordTimePerOutputChunk(intervals[i] / NANOS_PER_SECOND, common, call.context());
    }
  }

  private void recordTokens(@Nullable Object tokens, String type, Attributes common, Context context) {
    if (tokens instanceof Long && (Long) tokens >= 0) {
      telemetry.metrics.recordTokens((Long) tokens, common.toBuilder().put(TOKEN_TYPE, type).build(), context);
    }
  }

  private Attributes metricAttributes(GenAiOperation operation, Map<AttributeKey<?>, Object> values) {
    AttributesBuilder b = Attributes.builder();
    copy(b, values, OPERATION_NAME);
    copy(b, values, PROVIDER_NAME);
    copy(b, values, REQUEST_MODEL);
    copy(b, values, RESPONSE_MODEL);
    copy(b, values, SERVER_ADDRESS);
    copy(b, values, SERVER_PORT);
    if (operation == GenAiOperation.RETRIEVAL) {
      // Bounded by the application's tables and collections: retrieval quality per data source.
      copy(b, values, DATA_SOURCE_ID);
      copy(b, values, DB_SYSTEM_NAME);
      copy(b, values, DB_SEARCH_SIMILARITY_METRIC);
    }
    telemetry.attribution.addMetricAttributes(values, b);
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static <T> void copy(AttributesBuilder b, Map<AttributeKey<?>, Object> values, AttributeKey<T> key) {
    Object v = values.get(key);
    if (v != null) {
      b.put(key, (T) v);
    }
  }

  private Map<AttributeKey<?>, Object> requestAttributes(GenAiOperation operation, REQUEST request, Context parent) {
    Map<AttributeKey<?>, Object> values = new LinkedHashMap<>();
    values.put(OPERATION_NAME, operation.value());
    String provider = safe(getter::providerName, request);
    values.put(PROVIDER_NAME, provider == null ? "_OTHER" : provider);
    putIfNotNull(values, REQUEST_MODEL, safe(getter::requestModel, request));
    putIfNotNull(values, SERVER_ADDRESS, safe(getter::serverAddress, request));
    Integer port = safe(getter::serverPort, request);
    if (port != null && port > 0) {
      values.put(SERVER_PORT, port.longValue());
    }
    for (Extractor<REQUEST> x : requestExtractors) {
      putIfNotNull(values, x.key, safe(x.getter, request));
    }
    if (operation.isInference() || operation == GenAiOperation.INVOKE_AGENT) {
      String systemPrompt = safe(getter::systemPromptText, request);
      putIfNotNull(values, SYSTEM_INSTRUCTIONS_HASH, systemPrompt != null
          ? PromptFingerprint.of(systemPrompt) : PromptFingerprint.of(safe(getter::systemInstructions, request)));
    }
    telemetry.attribution.addSpanAttributes(parent, values);
    Attributes additional = safe(getter::additionalAttributes, request);
    if (additional != null) {
      additional.forEach((key, value) -> {
        if (!values.containsKey(key)) {
          values.put(key, value);
        }
      });
    }
    return values;
  }

  private SpanKind spanKind(GenAiOperation operation, REQUEST request) {
    switch (operation) {
      case EXECUTE_TOOL:
      case INVOKE_AGENT:
        return SpanKind.INTERNAL;
      default:
        Boolean inProcess = safe(getter::inProcess, request);
        return Boolean.TRUE.equals(inProcess) ? SpanKind.INTERNAL : SpanKind.CLIENT;
    }
  }

  static String spanName(GenAiOperation operation, Map<AttributeKey<?>, Object> values) {
    Object subject;
    switch (operation) {
      case RETRIEVAL:
        subject = values.get(DATA_SOURCE_ID);
        break;
      case EXECUTE_TOOL:
        subject = values.get(TOOL_NAME);
        break;
      case INVOKE_AGENT:
        subject = values.get(AGENT_NAME);
        break;
      default:
        subject = values.get(REQUEST_MODEL);
    }
    return subject == null ? operation.value() : operation.value() + ' ' + subject;
  }

  private static void putIfNotNull(Map<AttributeKey<?>, Object> values, AttributeKey<?> key, @Nullable Object v) {
    if (v != null) {
      values.put(key, v);
    }
  }

  @SuppressWarnings("unchecked")
  private static void setOnBuilder(SpanBuilder builder, AttributeKey<?> key, Object value) {
    builder.setAttribute((AttributeKey<Object>) key, value);
  }

  @SuppressWarnings("unchecked")
  private static void setOnSpan(Span span, AttributeKey<?> key, Object value) {
    span.setAttribute((AttributeKey<Object>) key, value);
  }

  @Nullable
  private String errorType(Throwable error) {
    String type = safe(getter::errorType, error);
    return type != null ? type : error.getClass().getName();
  }

  /** A getter's answer, or null when it throws: one odd object must not cost the whole span. */
  @Nullable
  private static <A, T> T safe(Getter<A, T> getter, A arg) {
    try {
      return getter.get(arg);
    } catch (Throwable t) {
      logger.log(Level.FINE, "GenAI attribute getter failed", t);
      return null;
    }
  }

  private <T> void request(AttributeKey<T> key, Getter<REQUEST, T> g) {
    requestExtractors.add(new Extractor<>(key, g));
  }

  private <T> void response(AttributeKey<T> key, Getter<RESPONSE, T> g) {
    responseExtractors.add(new Extractor<>(key, g));
  }

  interface Getter<A, T> {
    @Nullable
    T get(A arg);
  }

  private static final class Extractor<A> {
    final AttributeKey<?> key;
    final Getter<A, ?> getter;

    Extractor(AttributeKey<?> key, Getter<A, ?> getter) {
      this.key = key;
      this.getter = getter;
    }
  }
}

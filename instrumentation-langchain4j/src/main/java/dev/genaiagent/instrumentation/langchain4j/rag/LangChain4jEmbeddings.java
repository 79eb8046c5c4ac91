package dev.genaiagent.instrumentation.langchain4j.rag;

import dev.genaiagent.instrumentation.langchain4j.CallDepth;
import dev.genaiagent.instrumentation.langchain4j.LangChain4jTelemetry;
import dev.genaiagent.telemetry.GenAiCall;
import dev.genaiagent.telemetry.GenAiInstrumenter;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import javax.annotation.Nullable;

/**
 * The advice's side of an {@code EmbeddingModel} call. Only the outermost call on a thread has a span:
 * {@code embed(String)} → {@code embedAll}, and in 1.18+ {@code embedAll} → {@code embed(EmbeddingRequest)}
 * → {@code doEmbed} → an old-style model's {@code embedAll}, and wrappers around a model, are one call.
 * Enter always returns an instance, so exit always unwinds the call depth.
 */
public final class LangChain4jEmbeddings {
  static final GenAiInstrumenter<EmbeddingInvocation, EmbeddingResult> EMBEDDINGS =
      LangChain4jTelemetry.TELEMETRY.instrumenter(new EmbeddingsAttributesGetter());

  private static final CallDepth DEPTH = new CallDepth();
  /**
   * The traced call in progress on this thread. In 1.18+ a new-style model's {@code embedAll} (the
   * interface default, outermost) returns the legacy {@code Response}, which has lost the response
   * model: the nested {@code embed(EmbeddingRequest)} hands its {@code EmbeddingResponse} up here.
   */
  private static final ThreadLocal<LangChain4jEmbeddings> TRACED = new ThreadLocal<>();
  /** Nested calls: nothing to end but the depth (and a 1.18+ response to hand up), so shared instances. */
  private static final LangChain4jEmbeddings NESTED = new LangChain4jEmbeddings(null, null, null, false);
  private static final LangChain4jEmbeddings NESTED_REQUEST = new LangChain4jEmbeddings(null, null, null, true);

  @Nullable private final GenAiCall call;
  @Nullable private final EmbeddingInvocation invocation;
  @Nullable private final Scope scope;
  private final boolean requestApi;
  @Nullable private EmbeddingResult inner;

  private LangChain4jEmbeddings(@Nullable GenAiCall call, @Nullable EmbeddingInvocation invocation,
      @Nullable Scope scope, boolean requestApi) {
    this.call = call;
    this.invocation = invocation;
    this.scope = scope;
    this.requestApi = requestApi;
  }

  /** {@code embedAll(List<TextSegment>)}, every version. */
  public static LangChain4jEmbeddings startEmbedAll(Object model) {
    return start(model, null, false);
  }

  /** {@code embed(EmbeddingRequest)}, 1.18+. */
  public static LangChain4jEmbeddings startEmbedRequest(Object model, Object request) {
    return start(model, request, true);
  }

  private static LangChain4jEmbeddings start(Object model, @Nullable Object request, boolean requestApi) {
    if (!DEPTH.enter()) {
      return requestApi ? NESTED_REQUEST : NESTED;
    }
    try {
      EmbeddingInvocation invocation =
          EmbeddingInvocation.of(model, requestApi ? EmbeddingRequests.modelName(request) : null);
      GenAiCall call = EMBEDDINGS.start(Context.current(), invocation);
      LangChain4jEmbeddings traced = new LangChain4jEmbeddings(call, invocation, call.makeCurrent(), requestApi);
      TRACED.set(traced);
      return traced;
    } catch (Throwable t) {
      return NESTED;
    }
  }

  public void end(@Nullable Object response, @Nullable Throwable error) {
    DEPTH.exit();
    if (call == null) {
      if (requestApi && response != null) {
        LangChain4jEmbeddings traced = TRACED.get();
        if (traced != null && traced.inner == null) {
          traced.inner = EmbeddingRequests.result(response);
        }
      }
      return;
    }
    TRACED.remove();
    scope.close();
    EmbeddingResult result = requestApi ? EmbeddingRequests.result(response) : EmbeddingResult.of(response);
    EMBEDDINGS.end(call, invocation, EmbeddingResult.merge(result, inner), error);
  }

  /**
   * {@code dimension()} started: its default (and {@code DimensionAwareEmbeddingModel}'s, once) embeds
   * {@code "test"} to measure the vectors, a probe of the library, not the application's work: no span.
   */
  public static void enterDimension() {
    DEPTH.enter();
  }

  public static void exitDimension() {
    DEPTH.exit();
  }
}

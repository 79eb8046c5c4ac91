package dev.genaiagent.instrumentation.langchain4j.rag;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTelemetry;
import dev.genaiagent.telemetry.GenAiCall;
import dev.genaiagent.telemetry.GenAiInstrumenter;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import javax.annotation.Nullable;

/**
 * The advice's side of {@code EmbeddingStore.search} and {@code ContentRetriever.retrieve}. No call depth:
 * nested retrievals (a retriever's store search, listener wrappers, the JDBC statement a pgvector store
 * runs) are layers of one call in the core, one span whose inner layers fill what the outer lacks.
 */
public final class LangChain4jRetrievals {
  static final GenAiInstrumenter<RetrievalInvocation, RetrievalResult> RETRIEVAL =
      LangChain4jTelemetry.TELEMETRY.instrumenter(new RetrievalAttributesGetter());

  private final GenAiCall call;
  private final RetrievalInvocation invocation;
  private final Scope scope;
  private final boolean search;

  private LangChain4jRetrievals(GenAiCall call, RetrievalInvocation invocation, Scope scope, boolean search) {
    this.call = call;
    this.invocation = invocation;
    this.scope = scope;
    this.search = search;
  }

  /**
   * {@code EmbeddingStore.search(EmbeddingSearchRequest)} or {@code ContentRetriever.retrieve(Query)}, told
   * apart by the argument; null when telemetry could not start.
   */
  @Nullable
  public static LangChain4jRetrievals start(Object target, Object argument) {
    try {
      return argument instanceof EmbeddingSearchRequest
          ? start(RetrievalInvocation.search(target, argument), true)
          : start(RetrievalInvocation.retrieve(target, argument), false);
    } catch (Throwable t) {
      return null;
    }
  }

  private static LangChain4jRetrievals start(RetrievalInvocation invocation, boolean search) {
    GenAiCall call = RETRIEVAL.start(Context.current(), invocation);
    RETRIEVAL.captureRequestContent(call, invocation);
    return new LangChain4jRetrievals(call, invocation, call.makeCurrent(), search);
  }

  public void end(@Nullable Object result, @Nullable Throwable error) {
    scope.close();
    RETRIEVAL.end(call, invocation,
        search ? RetrievalResult.ofSearch(result) : RetrievalResult.ofContents(result), error);
  }
}

package dev.genaiagent.instrumentation.langchain4j.rag;

import dev.genaiagent.instrumentation.langchain4j.Reflection;
import dev.genaiagent.instrumentation.langchain4j.rag.EmbeddingStores.Store;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import javax.annotation.Nullable;

/**
 * One {@code EmbeddingStore.search(EmbeddingSearchRequest)} or {@code ContentRetriever.retrieve(Query)}.
 * A retriever's own settings ({@code maxResults}, {@code minScore}) are functions of the query that may be
 * the application's code, so they are not called: the store search the retriever runs is a layer of the
 * same retrieval and reports them from its request.
 */
final class RetrievalInvocation {
  private static final String LISTENING_RETRIEVER = "dev.langchain4j.rag.content.retriever.ListeningContentRetriever";
  /** {@code EmbeddingStoreContentRetriever.DEFAULT_DISPLAY_NAME}: not a name the user gave. */
  private static final String DEFAULT_DISPLAY_NAME = "Default";

  final String provider;
  @Nullable final String dataSourceId;
  @Nullable final Store store;
  @Nullable final Integer topK;
  @Nullable final Double minScore;
  /** The query or search request, read for its text only when content is captured, during the call. */
  @Nullable final Object query;

  private RetrievalInvocation(String provider, @Nullable String dataSourceId, @Nullable Store store,
      @Nullable Integer topK, @Nullable Double minScore, @Nullable Object query) {
    this.provider = provider;
    this.dataSourceId = dataSourceId;
    this.store = store;
    this.topK = topK;
    this.minScore = minScore;
    this.query = query;
  }

  static RetrievalInvocation search(Object store, Object request) {
    Store s = EmbeddingStores.describe(store);
    EmbeddingSearchRequest r = request instanceof EmbeddingSearchRequest ? (EmbeddingSearchRequest) request : null;
    return new RetrievalInvocation(s.provider, s.dataSourceId, s, r == null ? null : r.maxResults(),
        r == null ? null : r.minScore(), r);
  }

  static RetrievalInvocation retrieve(Object retriever, Object query) {
    retriever = unwrap(retriever);
    Object store = Reflection.field(retriever, "embeddingStore"); // EmbeddingStoreContentRetriever and look-alikes
    if (store != null) {
      Store s = EmbeddingStores.describe(store);
      Object displayName = Reflection.field(retriever, "displayName");
      String id = displayName instanceof String && !((String) displayName).isEmpty()
          && !DEFAULT_DISPLAY_NAME.equals(displayName) ? (String) displayName : s.dataSourceId;
      return new RetrievalInvocation(s.provider, id, s, null, null, query);
    }
    Object engine = Reflection.field(retriever, "webSearchEngine"); // WebSearchContentRetriever
    if (engine != null) {
      Long maxResults = Reflection.asLong(Reflection.field(retriever, "maxResults"));
      return new RetrievalInvocation(EmbeddingStores.FRAMEWORK, className(engine.getClass()), null,
          maxResults == null ? null : maxResults.intValue(), null, query);
    }
    return new RetrievalInvocation(EmbeddingStores.FRAMEWORK, className(retriever.getClass()), null, null, null,
        query);
  }

  @Nullable
  String queryText() {
    if (query instanceof Query) {
      return ((Query) query).text();
    }
    Object text = Reflection.call(query, "query"); // EmbeddingSearchRequest.query(), 1.10+
    return text instanceof String ? (String) text : null;
  }

  /** A class's simple name; null for a lambda or anonymous class (its name would only add noise). */
  @Nullable
  private static String className(Class<?> type) {
    String name = type.getSimpleName();
    return name.isEmpty() || name.contains("$$Lambda") ? null : name;
  }

  private static Object unwrap(Object retriever) {
    for (int i = 0; i < 4 && retriever.getClass().getName().equals(LISTENING_RETRIEVER); i++) {
      Object delegate = Reflection.field(retriever, "delegate");
      if (delegate == null) {
        break;
      }
      retriever = delegate;
    }
    return retriever;
  }
}

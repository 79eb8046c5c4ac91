package dev.genaiagent.benchmarks.jmh;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Retrieval-augmented generation's retrieval step with LangChain4j's own classes:
 * {@code EmbeddingStoreContentRetriever.retrieve(Query)} (the query embedded by the model, then the store
 * searched; top {@value #MAX_RESULTS}) over an {@code InMemoryEmbeddingStore} of {@value #SEGMENTS} text
 * segments, and the store's {@code search(EmbeddingSearchRequest)} alone with a ready query embedding.
 * The embedding model is an in-process fake returning small fixed vectors ({@value #DIMENSIONS}
 * dimensions, derived from the text), so that neither a network call nor a real model's inference
 * dwarfs the figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class LangChain4jRetrievalBenchmarks {
  static final int SEGMENTS = 100;
  static final int DIMENSIONS = 16;
  static final int MAX_RESULTS = 3;

  /** An embedding model without a model: a deterministic unit vector per text. */
  public static final class FixedVectorEmbeddingModel implements EmbeddingModel {
    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> textSegments) {
      List<Embedding> embeddings = new ArrayList<>(textSegments.size());
      for (TextSegment segment : textSegments) {
        embeddings.add(Embedding.from(vector(segment.text())));
      }
      return Response.from(embeddings);
    }

    @Override
    public int dimension() {
      return DIMENSIONS;
    }

    @Override
    public String modelName() {
      return "fixed-vector-16";
    }

    static float[] vector(String text) {
      float[] v = new float[DIMENSIONS];
      long seed = text.hashCode();
      double norm = 0;
      for (int i = 0; i < DIMENSIONS; i++) {
        seed = seed * 6364136223846793005L + 1442695040888963407L;
        v[i] = (float) ((seed >>> 11) / (double) (1L << 53) - 0.5);
        norm += v[i] * v[i];
      }
      float inverse = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < DIMENSIONS; i++) {
        v[i] *= inverse;
      }
      return v;
    }
  }

  private EmbeddingStoreContentRetriever retriever;
  private InMemoryEmbeddingStore<TextSegment> store;
  private Query query;
  private EmbeddingSearchRequest searchRequest;

  @Setup(Level.Trial)
  public void setUp() {
    EmbeddingModel model = new FixedVectorEmbeddingModel();
    store = new InMemoryEmbeddingStore<>();
    List<TextSegment> segments = new ArrayList<>(SEGMENTS);
    for (int i = 0; i < SEGMENTS; i++) {
      segments.add(TextSegment.from("Travel note " + i + ": " + Canned.prompt(80 + (i % 5) * 40).substring(0, 80)));
    }
    List<Embedding> embeddings = new ArrayList<>(SEGMENTS);
    for (TextSegment segment : segments) {
      embeddings.add(Embedding.from(FixedVectorEmbeddingModel.vector(segment.text())));
    }
    List<String> ids = new ArrayList<>(SEGMENTS);
    for (int i = 0; i < SEGMENTS; i++) {
      ids.add("segment-" + i);
    }
    store.addAll(ids, embeddings, segments);
    retriever = EmbeddingStoreContentRetriever.builder()
        .embeddingStore(store)
        .embeddingModel(model)
        .maxResults(MAX_RESULTS)
        .build();
    query = Query.from(Canned.SHORT_PROMPT);
    searchRequest = EmbeddingSearchRequest.builder()
        .queryEmbedding(Embedding.from(FixedVectorEmbeddingModel.vector(Canned.SHORT_PROMPT)))
        .maxResults(MAX_RESULTS)
        .build();

    int retrieved = retrieve().size();
    int found = search().matches().size();
    if (retrieved != MAX_RESULTS || found != MAX_RESULTS) {
      throw new IllegalStateException("expected " + MAX_RESULTS + " results, retrieved " + retrieved
          + ", found " + found);
    }
  }

  /** {@code retriever.retrieve(query)}: embed the query, search the store, map the matches to contents. */
  @Benchmark
  public List<Content> retrieve() {
    return retriever.retrieve(query);
  }

  /** {@code store.search(request)} alone, the query embedding given. */
  @Benchmark
  public EmbeddingSearchResult<TextSegment> search() {
    return store.search(searchRequest);
  }
}

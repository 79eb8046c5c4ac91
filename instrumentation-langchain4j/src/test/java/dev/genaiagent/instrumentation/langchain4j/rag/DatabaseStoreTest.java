package dev.genaiagent.instrumentation.langchain4j.rag;

import static dev.genaiagent.instrumentation.langchain4j.rag.RagFixture.inRoot;
import static dev.genaiagent.instrumentation.langchain4j.rag.RagFixture.operation;
import static dev.genaiagent.instrumentation.langchain4j.rag.RagFixture.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.instrumentation.langchain4j.AgentTelemetry;
import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.ReceivedSpan;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A store backed by a database, described from its class and fields the way LangChain4j's pgvector store
 * is (its module resolves only on the 1.11 line; the real store over PostgreSQL is proven there): a
 * stand-in with pgvector's class name and its {@code datasource} and {@code table} fields.
 */
class DatabaseStoreTest {
  static final OtlpReceiver receiver = AgentTelemetry.RECEIVER;

  /** pgJDBC's PGSimpleDataSource as pgvector builds it: host, port and database set. */
  public static final class SimpleDataSource {
    public String getDatabaseName() {
      return "shop";
    }

    public String[] getServerNames() {
      return new String[] {"db.internal"};
    }

    public int[] getPortNumbers() {
      return new int[] {5433};
    }
  }

  /** Same simple name and fields as {@code dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore}. */
  static final class PgVectorEmbeddingStore implements EmbeddingStore<TextSegment> {
    protected final Object datasource = new SimpleDataSource();
    protected final String table = "faq_chunks";
    private final InMemoryEmbeddingStore<TextSegment> rows = new InMemoryEmbeddingStore<>();

    @Override
    public String add(Embedding embedding) {
      return rows.add(embedding);
    }

    @Override
    public void add(String id, Embedding embedding) {
      rows.add(id, embedding);
    }

    @Override
    public String add(Embedding embedding, TextSegment segment) {
      return rows.add(embedding, segment);
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
      return rows.addAll(embeddings);
    }

    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
      return rows.search(request);
    }
  }

  @Test
  void databaseStoreGivesDbAttributesServerAndAClientSpan() {
    RagFixture rag = new RagFixture();
    PgVectorEmbeddingStore store = new PgVectorEmbeddingStore();
    for (String text : RagFixture.TEXTS) {
      store.add(rag.model.embed(text).content(), TextSegment.from(text));
    }
    receiver.reset();
    EmbeddingStoreContentRetriever retriever = EmbeddingStoreContentRetriever.builder()
        .embeddingStore(store).embeddingModel(rag.model).maxResults(2).build();
    List<Content> contents = inRoot("rag-db", () -> retriever.retrieve(Query.from("opening hours")));
    assertThat(contents).hasSize(2);

    List<ReceivedSpan> spans = trace(receiver, "rag-db", s -> !operation(s, "retrieval").isEmpty());
    // The retriever, the stand-in's search and the in-memory search it delegates to: one retrieval.
    assertThat(operation(spans, "retrieval")).hasSize(1);
    ReceivedSpan retrieval = operation(spans, "retrieval").get(0);
    assertThat(retrieval.name()).isEqualTo("retrieval shop/faq_chunks");
    assertThat(retrieval.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
    assertThat(retrieval.attributes())
        .containsEntry("gen_ai.provider.name", "postgresql")
        .containsEntry("gen_ai.data_source.id", "shop/faq_chunks")
        .containsEntry("db.system.name", "postgresql")
        .containsEntry("db.namespace", "shop")
        .containsEntry("db.collection.name", "faq_chunks")
        .containsEntry("db.search.similarity_metric", "cosine")
        .containsEntry("server.address", "db.internal")
        .containsEntry("server.port", 5433L)
        .containsEntry("gen_ai.request.top_k", 2.0)
        .containsEntry("db.response.returned_rows", 2L);
  }
}

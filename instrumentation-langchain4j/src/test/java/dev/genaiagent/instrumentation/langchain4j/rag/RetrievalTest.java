package dev.genaiagent.instrumentation.langchain4j.rag;

import static dev.genaiagent.instrumentation.langchain4j.rag.RagFixture.TIMEOUT;
import static dev.genaiagent.instrumentation.langchain4j.rag.RagFixture.inRoot;
import static dev.genaiagent.instrumentation.langchain4j.rag.RagFixture.named;
import static dev.genaiagent.instrumentation.langchain4j.rag.RagFixture.operation;
import static dev.genaiagent.instrumentation.langchain4j.rag.RagFixture.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.instrumentation.langchain4j.AgentTelemetry;
import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.ReceivedMetric;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.TelemetryAssertions;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retrieval over LangChain4j's in-memory store, directly and through an embedding-store content retriever. */
class RetrievalTest {
  static final OtlpReceiver receiver = AgentTelemetry.RECEIVER;
  static final RagFixture rag = new RagFixture();

  @BeforeEach
  void reset() {
    receiver.reset();
  }

  @Test
  void retrieverAndItsStoreSearchAreOneRetrievalSpanAboveTheQueryEmbedding() {
    EmbeddingStoreContentRetriever retriever = EmbeddingStoreContentRetriever.builder()
        .embeddingStore(rag.store).embeddingModel(rag.model).maxResults(2).minScore(0.3).build();
    List<Content> contents = inRoot("rag-retriever", () -> retriever.retrieve(Query.from("When do orders ship?")));
    assertThat(contents).isNotEmpty().hasSizeLessThanOrEqualTo(2);
    double best = contents.stream().mapToDouble(c -> (Double) c.metadata().get(ContentMetadata.SCORE)).max()
        .orElseThrow();

    List<ReceivedSpan> spans = trace(receiver, "rag-retriever",
        s -> !operation(s, "retrieval").isEmpty() && !operation(s, "embeddings").isEmpty());
    ReceivedSpan root = named(spans, "rag-retriever");
    assertThat(operation(spans, "retrieval")).as("retriever and store search: one span").hasSize(1);
    ReceivedSpan retrieval = operation(spans, "retrieval").get(0);
    assertThat(retrieval.name()).isEqualTo("retrieval in-memory");
    // No database, no server: the search runs in this JVM.
    assertThat(retrieval.kind()).isEqualTo(ReceivedSpan.Kind.INTERNAL);
    TelemetryAssertions.assertChildOf(retrieval, root);
    assertThat(retrieval.attributes())
        .containsEntry("gen_ai.provider.name", "langchain4j")
        .containsEntry("gen_ai.data_source.id", "in-memory")
        .containsEntry("gen_ai.request.top_k", 2.0)
        .containsEntry("db.vector.query.top_k", 2L)
        .containsEntry("db.vector.query.similarity_threshold", 0.3)
        .containsEntry("db.search.similarity_metric", "cosine")
        .containsEntry("db.response.returned_rows", (long) contents.size())
        .containsEntry("gen_ai.retrieval.best_score", best)
        .doesNotContainKey("db.system.name")
        .doesNotContainKey("server.address")
        .doesNotContainKey("gen_ai.retrieval.query.text")
        .doesNotContainKey("gen_ai.retrieval.documents");

    ReceivedSpan queryEmbedding = operation(spans, "embeddings").get(0);
    assertThat(operation(spans, "embeddings")).hasSize(1);
    TelemetryAssertions.assertChildOf(queryEmbedding, retrieval);
    assertThat(queryEmbedding.name()).isEqualTo("embeddings all-minilm-l6-v2");

    // Every score goes into the drift distribution, per data source.
    ReceivedMetric scores = receiver.awaitMetrics(m -> m.stream().anyMatch(x -> x.name().equals(
        "gen_ai.client.retrieval.score") && x.histogramPoints().stream().anyMatch(p -> "in-memory".equals(
        p.attributes().get("gen_ai.data_source.id")) && p.count() >= contents.size() && p.max() >= best)), TIMEOUT)
        .stream()
        .filter(x -> x.name().equals("gen_ai.client.retrieval.score")).reduce((a, b) -> b).orElseThrow();
    ReceivedMetric.HistogramPoint point = scores.histogramPoints().stream()
        .filter(p -> "in-memory".equals(p.attributes().get("gen_ai.data_source.id"))).findFirst().orElseThrow();
    assertThat(point.attributes()).containsEntry("gen_ai.operation.name", "retrieval")
        .containsEntry("gen_ai.provider.name", "langchain4j");
    // Cumulative since the JVM started: other tests' in-memory retrievals may be in the same point.
    assertThat(point.max()).isGreaterThanOrEqualTo(best);
    assertThat(point.count()).isGreaterThanOrEqualTo(contents.size());
  }

  @Test
  void aStoreSearchAloneIsARetrievalSpanAndANamedRetrieverNamesTheDataSource() {
    EmbeddingStoreContentRetriever faq = EmbeddingStoreContentRetriever.builder().displayName("faq")
        .embeddingStore(rag.store).embeddingModel(rag.model).maxResults(3).build();
    EmbeddingSearchResult<TextSegment> result = inRoot("rag-search", () -> {
      faq.retrieve(Query.from("refund"));
      return rag.store.search(EmbeddingSearchRequest.builder()
          .queryEmbedding(rag.model.embed("refund").content()).maxResults(1).build());
    });
    List<EmbeddingMatch<TextSegment>> matches = result.matches();
    assertThat(matches).hasSize(1);

    List<ReceivedSpan> spans = trace(receiver, "rag-search", s -> operation(s, "retrieval").size() >= 2);
    assertThat(operation(spans, "retrieval")).hasSize(2);
    ReceivedSpan named = named(spans, "retrieval faq");
    assertThat(named.attributes()).containsEntry("gen_ai.data_source.id", "faq")
        .containsEntry("gen_ai.request.top_k", 3.0).containsEntry("db.vector.query.similarity_threshold", 0.0);
    ReceivedSpan search = named(spans, "retrieval in-memory");
    assertThat(search.attributes())
        .containsEntry("gen_ai.request.top_k", 1.0)
        .containsEntry("db.response.returned_rows", 1L)
        .containsEntry("gen_ai.retrieval.best_score", matches.get(0).score());
    assertThat(Map.copyOf(search.attributes())).doesNotContainKey("gen_ai.retrieval.documents");
  }
}

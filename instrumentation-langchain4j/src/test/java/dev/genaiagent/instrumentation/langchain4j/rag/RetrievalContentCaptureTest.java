package dev.genaiagent.instrumentation.langchain4j.rag;

import static dev.genaiagent.instrumentation.langchain4j.rag.RagFixture.inRoot;
import static dev.genaiagent.instrumentation.langchain4j.rag.RagFixture.operation;
import static dev.genaiagent.instrumentation.langchain4j.rag.RagFixture.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.instrumentation.langchain4j.AgentTelemetry;
import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.ReceivedSpan;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With content capture on: the query text and the documents (id, score, text) on the retrieval span. */
class RetrievalContentCaptureTest {
  static final OtlpReceiver receiver = AgentTelemetry.RECEIVER;

  @Test
  void retrievalCarriesQueryTextAndDocumentsJson() {
    RagFixture rag = new RagFixture();
    receiver.reset();
    EmbeddingStoreContentRetriever retriever = EmbeddingStoreContentRetriever.builder()
        .embeddingStore(rag.store).embeddingModel(rag.model).maxResults(1).build();
    List<Content> contents = inRoot("rag-content", () -> retriever.retrieve(Query.from("When do orders ship?")));
    assertThat(contents).hasSize(1);
    Content top = contents.get(0);

    List<ReceivedSpan> spans = trace(receiver, "rag-content", s -> !operation(s, "retrieval").isEmpty());
    assertThat(operation(spans, "retrieval")).hasSize(1);
    ReceivedSpan retrieval = operation(spans, "retrieval").get(0);
    assertThat(retrieval.attribute("gen_ai.retrieval.query.text")).isEqualTo("When do orders ship?");
    String documents = (String) retrieval.attribute("gen_ai.retrieval.documents");
    assertThat(documents).startsWith("[{").endsWith("}]")
        .contains("\"id\":\"" + top.metadata().get(ContentMetadata.EMBEDDING_ID) + "\"")
        .contains("\"score\":")
        .contains(RagFixture.TEXTS.get(0));
  }
}

package dev.genaiagent.instrumentation.langchain4j.versions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.testing.ReceivedMetric;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openaiofficial.OpenAiOfficialChatModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * "One event, one record" where LangChain4j runs over another instrumented layer: the OpenAI-official
 * provider over the OpenAI Java SDK, and the pgvector store over JDBC. The shipped jar is attached.
 */
class OneRecordPerCallTest extends VersionTestBase {
  private static List<ReceivedSpan> genAi(List<ReceivedSpan> spans, String operation) {
    return spans.stream().filter(s -> operation.equals(s.attribute("gen_ai.operation.name")))
        .collect(Collectors.toList());
  }

  @Test
  void openAiOfficialModelOverTheOpenAiSdkIsOneSpanAndOneUsageRecord() {
    server.enqueue(Script.chat().content("Hello!").usage(12, 3).id("chatcmpl-official"));
    OpenAiOfficialChatModel model = OpenAiOfficialChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test")
        .modelName("gpt-4o-mini").maxRetries(0).build();
    assertThat(model.chat("Say hello")).isEqualTo("Hello!");

    List<ReceivedSpan> spans = receiver.awaitSpans(s -> !genAi(s, "chat").isEmpty(), Duration.ofSeconds(10));
    List<ReceivedSpan> chats = genAi(receiver.awaitSpans(s -> s.stream().anyMatch(x -> x.name().startsWith("POST")
        || x.attribute("http.request.method") != null), Duration.ofSeconds(10)), "chat");
    assertThat(chats).as("one span for the model call, not one per layer: %s", spans).hasSize(1);
    ReceivedSpan chat = chats.get(0);
    // The outer layer (LangChain4j) owns the span; the SDK layer underneath filled what it knows.
    assertThat(chat.scopeName()).isEqualTo("dev.genaiagent.langchain4j");
    assertThat(chat.attributes()).containsEntry("gen_ai.response.id", "chatcmpl-official")
        .containsEntry("gen_ai.usage.input_tokens", 12L)
        .containsEntry("server.address", server.host());

    List<ReceivedMetric.HistogramPoint> input =
        inputUsage(receiver.awaitMetrics(m -> !inputUsage(m).isEmpty(), Duration.ofSeconds(10)));
    assertThat(input).hasSize(1);
    assertThat(input.get(0).count()).as("token usage recorded once").isEqualTo(1);
    assertThat(input.get(0).sum()).isEqualTo(12.0);
  }

  /**
   * Input-token points of this test's server in the latest export: usage is cumulative, and other tests
   * in this JVM (MCP tools, the shared tests) have made model calls of their own, on other servers.
   */
  private static List<ReceivedMetric.HistogramPoint> inputUsage(List<ReceivedMetric> metrics) {
    return metrics.stream().filter(m -> m.name().equals("gen_ai.client.token.usage")).reduce((a, b) -> b)
        .map(m -> m.histogramPoints().stream()
            .filter(p -> "input".equals(p.attributes().get("gen_ai.token.type"))
                && String.valueOf(server.port()).equals(String.valueOf(p.attributes().get("server.port"))))
            .collect(Collectors.toList()))
        .orElse(List.of());
  }

  /** Three-dimensional vectors by keyword, so the nearest document is known. */
  static final class KeywordEmbeddingModel implements EmbeddingModel {
    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      List<Embedding> out = new ArrayList<>();
      for (TextSegment s : segments) {
        String t = s.text().toLowerCase();
        out.add(Embedding.from(new float[] {t.contains("ship") ? 1f : 0.1f, t.contains("refund") ? 1f : 0.1f, 0.2f}));
      }
      return Response.from(out);
    }
  }

  /** The statement text as upstream's JDBC span records it (old or stable database conventions). */
  private static String sql(ReceivedSpan s) {
    Object text = s.attribute("db.query.text");
    return String.valueOf(text != null ? text : s.attribute("db.statement"));
  }

  @Test
  void pgvectorStoreSearchIsTheRetrievalAndItsSqlStaysADatabaseSpan() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(System.getProperty("genai.pg.url"));
    ds.setUser("genai");
    ds.setPassword("genai");
    String table = "lc4j_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    PgVectorEmbeddingStore store = PgVectorEmbeddingStore.datasourceBuilder().datasource(ds).table(table)
        .dimension(3).createTable(true).dropTableFirst(true).build();
    KeywordEmbeddingModel embeddings = new KeywordEmbeddingModel();
    for (String text : List.of("We ship in two days.", "Refunds take five days.", "Open on weekdays.")) {
      TextSegment segment = TextSegment.from(text);
      store.add(embeddings.embed(segment).content(), segment);
    }
    receiver.reset();

    List<Content> found = EmbeddingStoreContentRetriever.builder().embeddingStore(store).embeddingModel(embeddings)
        .maxResults(2).build().retrieve(Query.from("When do you ship?"));
    assertThat(found.get(0).textSegment().text()).isEqualTo("We ship in two days.");

    List<ReceivedSpan> spans = receiver.awaitSpans(s -> !genAi(s, "retrieval").isEmpty()
        && s.stream().anyMatch(x -> sql(x).startsWith("SELECT") && sql(x).contains(table)), Duration.ofSeconds(10));
    List<ReceivedSpan> retrievals = genAi(spans, "retrieval");
    assertThat(retrievals).as("one retrieval: the store's, not also its SQL: %s", spans).hasSize(1);
    ReceivedSpan retrieval = retrievals.get(0);
    assertThat(retrieval.scopeName()).isEqualTo("dev.genaiagent.langchain4j");
    assertThat(retrieval.attributes()).containsEntry("db.system.name", "postgresql")
        .containsEntry("db.collection.name", table).containsEntry("gen_ai.request.top_k", 2.0);
    ReceivedSpan select = spans.stream().filter(s -> sql(s).startsWith("SELECT") && sql(s).contains(table)
        && s.isChildOf(retrieval)).findFirst().orElseThrow(() -> new AssertionError("no SQL span under " + retrieval));
    assertThat(select.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
    assertThat(select.scopeName()).isEqualTo("io.opentelemetry.jdbc");
    assertThat(select.attributes()).doesNotContainKey("gen_ai.operation.name");
    assertThat(sql(select)).contains("<=>").doesNotContain("0.1,").doesNotContain("0.2]"); // vector inlined, sanitized

    // This table is new: its data source's points are this search's alone, whatever ran before in this JVM.
    String dataSource = (String) retrieval.attribute("gen_ai.data_source.id");
    java.util.function.Function<List<ReceivedMetric>, Long> searches = metrics -> metrics.stream()
        .filter(m -> m.name().equals("gen_ai.client.retrieval.documents")).reduce((a, b) -> b)
        .map(m -> m.histogramPoints().stream().filter(p -> dataSource.equals(p.attributes().get("gen_ai.data_source.id")))
            .mapToLong(ReceivedMetric.HistogramPoint::count).sum()).orElse(0L);
    assertThat(searches.apply(receiver.awaitMetrics(m -> searches.apply(m) > 0, Duration.ofSeconds(10))))
        .as("the search counted once").isEqualTo(1);
  }
}

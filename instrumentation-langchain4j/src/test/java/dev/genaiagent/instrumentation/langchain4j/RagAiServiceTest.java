package dev.genaiagent.instrumentation.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.testing.ReceivedMetric;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.TelemetryAssertions;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The whole trace of one RAG AI-service call over real LangChain4j components: chat memory, two tools
 * (one failing), a content retriever over an in-memory store embedded by the real in-process model.
 * Parents, names, kinds, attributes and the metrics of every operation.
 */
class RagAiServiceTest extends LangChain4jTestBase {
  private static final Duration WAIT = Duration.ofSeconds(15);
  /** Loading the ONNX model takes a while: once per JVM. */
  private static final EmbeddingModel MINI_LM = new AllMiniLmL6V2EmbeddingModel();

  interface SupportAgent {
    @SystemMessage("You are the support agent of Acme. Use the documents and tools.")
    String answer(@MemoryId String ticket, @UserMessage String question);
  }

  static final class OrderTools {
    @Tool("Looks up the shipping status of an order")
    String orderStatus(String orderId) {
      return "Order " + orderId + " left the warehouse";
    }

    @Tool("Issues a refund")
    String refund(String orderId) {
      throw new UnsupportedOperationException("refunds need a human");
    }
  }

  private static List<ReceivedSpan> ofOperation(List<ReceivedSpan> spans, String operation) {
    return spans.stream().filter(s -> operation.equals(s.attribute("gen_ai.operation.name")))
        .collect(Collectors.toList());
  }

  private static boolean hasDurationPoint(List<ReceivedMetric> metrics, String operation) {
    return metrics.stream().filter(m -> m.name().equals("gen_ai.client.operation.duration"))
        .flatMap(m -> m.histogramPoints().stream())
        .anyMatch(p -> operation.equals(p.attributes().get("gen_ai.operation.name")));
  }

  @Test
  void oneServiceCallIsOneTreeWithRetrievalEmbeddingsModelCallsAndToolsUnderTheAgent() {
    InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    for (String text : List.of("Orders ship within two business days.", "Refunds take five days.",
        "Support is open on weekdays.")) {
      TextSegment segment = TextSegment.from(text);
      store.add(MINI_LM.embed(segment).content(), segment);
    }
    SupportAgent agent = AiServices.builder(SupportAgent.class)
        .chatModel(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").modelName("gpt-4o-mini")
            .maxRetries(0).build())
        .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(20))
        .tools(new OrderTools())
        .contentRetriever(EmbeddingStoreContentRetriever.builder().embeddingStore(store).embeddingModel(MINI_LM)
            .maxResults(2).minScore(0.2).build())
        .build();
    server.enqueue(
        Script.chat().toolCall("call_s", "orderStatus", "{\"arg0\":\"A-7\"}").usage(200, 20),
        Script.chat().toolCall("call_r", "refund", "{\"arg0\":\"A-7\"}").usage(230, 18),
        Script.chat().content("Your order left the warehouse; a colleague will handle the refund.").usage(260, 25));
    receiver.reset();

    Span app = GlobalOpenTelemetry.getTracer("app").spanBuilder("POST /support").startSpan();
    String answer;
    try (Scope ignored = app.makeCurrent()) {
      answer = agent.answer("T-100", "Where is order A-7 and can I get a refund?");
    } finally {
      app.end();
    }
    assertThat(answer).startsWith("Your order left the warehouse");
    String traceId = app.getSpanContext().getTraceId();

    Predicate<List<ReceivedSpan>> complete = all -> {
      List<ReceivedSpan> t = all.stream().filter(s -> s.traceId().equals(traceId)).collect(Collectors.toList());
      return ofOperation(t, "invoke_agent").size() == 1 && ofOperation(t, "chat").size() == 3
          && ofOperation(t, "execute_tool").size() == 2 && ofOperation(t, "retrieval").size() == 1
          && ofOperation(t, "embeddings").size() == 1 && t.stream().anyMatch(s -> s.name().equals("POST /support"));
    };
    List<ReceivedSpan> spans = receiver.awaitSpans(complete, WAIT).stream()
        .filter(s -> s.traceId().equals(traceId)).collect(Collectors.toList());
    ReceivedSpan root = spans.stream().filter(s -> s.name().equals("POST /support")).findFirst().orElseThrow();

    ReceivedSpan invoke = ofOperation(spans, "invoke_agent").get(0);
    TelemetryAssertions.assertChildOf(invoke, root);
    assertThat(invoke.name()).isEqualTo("invoke_agent SupportAgent");
    assertThat(invoke.kind()).isEqualTo(ReceivedSpan.Kind.INTERNAL);
    assertThat(invoke.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
    assertThat(invoke.attributes()).containsEntry("gen_ai.agent.name", "SupportAgent")
        .containsEntry("gen_ai.conversation.id", "T-100")
        .containsEntry("gen_ai.provider.name", "openai")
        .containsEntry("gen_ai.request.model", "gpt-4o-mini")
        .containsEntry("gen_ai.prompt.name", "SupportAgent.answer")
        .containsEntry("gen_ai.usage.input_tokens", 690L)
        .containsEntry("gen_ai.usage.output_tokens", 63L)
        .containsKey("gen_ai.usage.cost")
        .containsKey("gen_ai.system_instructions.hash");

    ReceivedSpan retrieval = ofOperation(spans, "retrieval").get(0);
    TelemetryAssertions.assertChildOf(retrieval, invoke);
    assertThat(retrieval.name()).isEqualTo("retrieval in-memory");
    assertThat(retrieval.kind()).isEqualTo(ReceivedSpan.Kind.INTERNAL);
    assertThat(retrieval.attributes()).containsEntry("gen_ai.data_source.id", "in-memory")
        .containsEntry("gen_ai.request.top_k", 2.0)
        .containsEntry("db.vector.query.similarity_threshold", 0.2)
        .containsKey("gen_ai.retrieval.best_score")
        .doesNotContainKey("gen_ai.retrieval.documents");
    ReceivedSpan embeddings = ofOperation(spans, "embeddings").get(0);
    TelemetryAssertions.assertChildOf(embeddings, retrieval);
    assertThat(embeddings.name()).isEqualTo("embeddings all-minilm-l6-v2");
    assertThat(embeddings.kind()).isEqualTo(ReceivedSpan.Kind.INTERNAL);
    assertThat(embeddings.attributes()).containsEntry("gen_ai.embeddings.dimension.count", 384L)
        .doesNotContainKey("server.address");

    List<ReceivedSpan> chats = ofOperation(spans, "chat");
    assertThat(chats).allSatisfy(chat -> {
      TelemetryAssertions.assertChildOf(chat, invoke);
      assertThat(chat.name()).isEqualTo("chat gpt-4o-mini");
      assertThat(chat.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
      assertThat(chat.attributes()).containsEntry("gen_ai.conversation.id", "T-100")
          .containsEntry("server.address", server.host());
    });
    assertThat(retrieval.endEpochNanos()).isLessThanOrEqualTo(chats.stream()
        .mapToLong(ReceivedSpan::startEpochNanos).min().orElseThrow()); // RAG runs before the first model call

    ReceivedSpan status = spans.stream().filter(s -> s.name().equals("execute_tool orderStatus")).findFirst().orElseThrow();
    ReceivedSpan refund = spans.stream().filter(s -> s.name().equals("execute_tool refund")).findFirst().orElseThrow();
    for (ReceivedSpan tool : List.of(status, refund)) {
      TelemetryAssertions.assertChildOf(tool, invoke);
      assertThat(tool.kind()).isEqualTo(ReceivedSpan.Kind.INTERNAL);
      assertThat(tool.attributes()).containsEntry("gen_ai.tool.type", "function")
          .doesNotContainKeys("gen_ai.tool.call.arguments", "gen_ai.tool.call.result");
    }
    assertThat(status.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
    assertThat(status.attributes()).containsEntry("gen_ai.tool.call.id", "call_s")
        .containsEntry("gen_ai.tool.description", "Looks up the shipping status of an order");
    assertThat(refund.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(refund.attributes()).containsEntry("error.type", UnsupportedOperationException.class.getName());

    // Metrics: every operation's duration; tokens once per model call, never the agent's sums: this
    // test's server port tells its calls apart from other tests' in the cumulative points.
    Long port = (long) server.port();
    java.util.function.Function<List<ReceivedMetric>, Double> inputTokens = all -> all.stream()
        .filter(m -> m.name().equals("gen_ai.client.token.usage")).reduce((a, b) -> b)
        .map(m -> m.histogramPoints().stream()
            .filter(p -> "input".equals(p.attributes().get("gen_ai.token.type"))
                && "chat".equals(p.attributes().get("gen_ai.operation.name"))
                && port.equals(p.attributes().get("server.port")))
            .mapToDouble(ReceivedMetric.HistogramPoint::sum).sum()).orElse(0.0);
    List<ReceivedMetric> metrics = receiver.awaitMetrics(all -> inputTokens.apply(all) == 690.0
        && hasDurationPoint(all, "invoke_agent") && hasDurationPoint(all, "execute_tool")
        && hasDurationPoint(all, "retrieval") && hasDurationPoint(all, "embeddings") && hasDurationPoint(all, "chat")
        && all.stream().anyMatch(m -> m.name().equals("gen_ai.client.retrieval.score")), WAIT);
    ReceivedMetric.HistogramPoint scores = metrics.stream().filter(m -> m.name().equals("gen_ai.client.retrieval.score"))
        .reduce((a, b) -> b).orElseThrow().histogramPoints().stream()
        .filter(p -> "in-memory".equals(p.attributes().get("gen_ai.data_source.id"))).findFirst().orElseThrow();
    assertThat(scores.count()).isGreaterThanOrEqualTo(1L); // cumulative: other tests search in memory too
  }
}

package dev.genaiagent.instrumentation.langchain4j.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTestBase;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.TelemetryAssertions;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Embeddings of the real in-process all-MiniLM-L6-v2 model and of OpenAI's model against the test server. */
class EmbeddingModelTest extends LangChain4jTestBase {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  /** Loading the ONNX model takes a while: once per JVM. */
  static final EmbeddingModel MINI_LM = new AllMiniLmL6V2EmbeddingModel();


  private EmbeddingModel openAi(String model) {
    return OpenAiEmbeddingModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").modelName(model)
        .maxRetries(0).build();
  }

  /** The spans of the trace under a test's own root span, once that root arrived. */
  private List<ReceivedSpan> traceOf(String rootName) {
    ReceivedSpan root = receiver.awaitSpan(rootName, TIMEOUT);
    return receiver.awaitSpans(s -> s.stream().anyMatch(x -> x.traceId().equals(root.traceId())
            && x.name().startsWith("embeddings")), TIMEOUT)
        .stream().filter(s -> s.traceId().equals(root.traceId())).collect(Collectors.toList());
  }

  private static List<ReceivedSpan> embeddings(List<ReceivedSpan> spans) {
    return spans.stream().filter(s -> "embeddings".equals(s.attribute("gen_ai.operation.name")))
        .collect(Collectors.toList());
  }

  private static void inRoot(String name, Runnable work) {
    Span root = GlobalOpenTelemetry.getTracer("test").spanBuilder(name).startSpan();
    try (Scope ignored = root.makeCurrent()) {
      work.run();
    } finally {
      root.end();
    }
  }

  @Test
  void inProcessModelIsOneInternalSpanWithoutServerPerCall() {
    inRoot("embed-local", () -> {
      Response<List<Embedding>> batch = MINI_LM.embedAll(
          List.of(TextSegment.from("Orders ship in two days."), TextSegment.from("Refunds take five days.")));
      assertThat(batch.content()).hasSize(2);
      assertThat(MINI_LM.embed("hello world").content().dimension()).isEqualTo(384);
    });
    List<ReceivedSpan> trace = traceOf("embed-local");
    ReceivedSpan root = trace.stream().filter(s -> s.name().equals("embed-local")).findFirst().orElseThrow();
    List<ReceivedSpan> spans = receiver.awaitSpans(
        s -> embeddings(s).stream().filter(x -> x.traceId().equals(root.traceId())).count() >= 2, TIMEOUT);
    List<ReceivedSpan> embeddings = embeddings(spans).stream().filter(s -> s.traceId().equals(root.traceId()))
        .collect(Collectors.toList());
    // embed(String) → embed(TextSegment) → embed(EmbeddingRequest) → doEmbed → embedAll: one span each call.
    assertThat(embeddings).hasSize(2).allSatisfy(span -> {
      assertThat(span.name()).isEqualTo("embeddings all-minilm-l6-v2");
      assertThat(span.kind()).isEqualTo(ReceivedSpan.Kind.INTERNAL);
      TelemetryAssertions.assertChildOf(span, root);
      assertThat(span.attributes())
          .containsEntry("gen_ai.operation.name", "embeddings")
          .containsEntry("gen_ai.provider.name", "onnx")
          .containsEntry("gen_ai.request.model", "all-minilm-l6-v2")
          .containsEntry("gen_ai.embeddings.dimension.count", 384L)
          .containsKey("gen_ai.usage.input_tokens")
          .doesNotContainKey("server.address")
          .doesNotContainKey("server.port");
    });
  }

  @Test
  void openAiModelIsAClientSpanWithServerTokensAndModel_andTheDimensionProbeMakesNone() {
    EmbeddingModel model = openAi("custom-embedder");
    server.enqueue(Script.embeddings().dimensions(16)); // the dimension() probe: embed("test")
    server.enqueue(Script.embeddings().usage(9, 0).model("custom-embedder-2024"));
    inRoot("embed-remote", () -> {
      assertThat(model.dimension()).isEqualTo(16);
      Response<List<Embedding>> response = model.embedAll(List.of(TextSegment.from("a"), TextSegment.from("b")));
      assertThat(response.content()).hasSize(2);
      assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(9);
    });
    List<ReceivedSpan> trace = traceOf("embed-remote");
    ReceivedSpan span = embeddings(trace).get(0);
    assertThat(span.name()).isEqualTo("embeddings custom-embedder");
    assertThat(span.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
    assertThat(span.attributes())
        .containsEntry("gen_ai.provider.name", "openai")
        .containsEntry("gen_ai.request.model", "custom-embedder")
        .containsEntry("gen_ai.response.model", "custom-embedder-2024")
        .containsEntry("gen_ai.usage.input_tokens", 9L)
        .containsEntry("gen_ai.embeddings.dimension.count", 8L)
        .containsEntry("server.address", server.host())
        .containsEntry("server.port", (long) server.port());
    // The probe's HTTP call happened, but it is no embeddings span of the application's.
    assertThat(server.requests()).hasSize(2);
    assertThat(embeddings(receiver.spans())).hasSize(1);
  }

  @Test
  void providerErrorMarksTheSpanAndTheApplicationSeesTheSameException() {
    server.enqueue(Script.rateLimited());
    assertThatThrownBy(() -> openAi("text-embedding-3-small").embed("hi")).isInstanceOf(RateLimitException.class);
    ReceivedSpan span = receiver.awaitSpan("embeddings text-embedding-3-small", TIMEOUT);
    assertThat(span.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(span.attributes()).containsEntry("error.type", "rate_limit_exceeded");
  }

  @Test
  void anOldStyleCustomModelIsCoveredAndNamedByItsClass() {
    EmbeddingModel custom = new EmbeddingModel() {
      @Override
      public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return Response.from(segments.stream().map(s -> new Embedding(new float[] {1, 0, 0})).toList());
      }
    };
    assertThat(custom.embed("x").content().dimension()).isEqualTo(3);
    ReceivedSpan span = receiver.awaitSpans(s -> !embeddings(s).isEmpty(), TIMEOUT).stream()
        .filter(s -> "embeddings".equals(s.attribute("gen_ai.operation.name"))).findFirst().orElseThrow();
    assertThat(span.name()).isEqualTo("embeddings");
    assertThat(span.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
    assertThat(span.attributes()).containsEntry("gen_ai.embeddings.dimension.count", 3L)
        .containsKey("gen_ai.provider.name").doesNotContainKey("gen_ai.usage.input_tokens");
  }
}

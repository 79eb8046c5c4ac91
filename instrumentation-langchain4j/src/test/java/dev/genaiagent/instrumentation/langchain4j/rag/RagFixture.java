package dev.genaiagent.instrumentation.langchain4j.rag;

import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.ReceivedSpan;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A small knowledge base embedded by the real in-process model, shared by a test class (the model loads once). */
final class RagFixture {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final List<String> TEXTS = List.of(
      "Orders ship within two business days from our Lyon warehouse.",
      "Refunds are issued to the original payment method within 5 days.",
      "Support is open Monday to Friday, 9:00 to 17:00 CET.");

  final EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
  final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();

  RagFixture() {
    List<TextSegment> segments = TEXTS.stream().map(TextSegment::from).collect(Collectors.toList());
    store.addAll(model.embedAll(segments).content(), segments);
  }

  static <T> T inRoot(String name, java.util.function.Supplier<T> work) {
    Span root = GlobalOpenTelemetry.getTracer("test").spanBuilder(name).startSpan();
    try (Scope ignored = root.makeCurrent()) {
      return work.get();
    } finally {
      root.end();
    }
  }

  /** The spans of the trace under the root span {@code rootName}, once {@code complete} holds for them. */
  static List<ReceivedSpan> trace(OtlpReceiver receiver, String rootName, Predicate<List<ReceivedSpan>> complete) {
    ReceivedSpan root = receiver.awaitSpan(rootName, TIMEOUT);
    Predicate<List<ReceivedSpan>> inTrace = s -> complete.test(
        s.stream().filter(x -> x.traceId().equals(root.traceId())).collect(Collectors.toList()));
    return receiver.awaitSpans(inTrace, TIMEOUT).stream().filter(x -> x.traceId().equals(root.traceId()))
        .collect(Collectors.toList());
  }

  static List<ReceivedSpan> operation(List<ReceivedSpan> spans, String operation) {
    return spans.stream().filter(s -> operation.equals(s.attribute("gen_ai.operation.name")))
        .collect(Collectors.toList());
  }

  static ReceivedSpan named(List<ReceivedSpan> spans, String name) {
    return spans.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
  }
}

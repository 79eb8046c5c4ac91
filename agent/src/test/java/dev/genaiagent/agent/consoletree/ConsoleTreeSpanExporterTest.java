package dev.genaiagent.agent.consoletree;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicLong;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleTreeSpanExporterTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private SdkTracerProvider provider(int maxPending) {
    ConsoleTreeSpanExporter exporter =
        new ConsoleTreeSpanExporter(new PrintStream(out, true, StandardCharsets.UTF_8), maxPending);
    return SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsOneTreePerTraceWhenItsRootEnds() {
    SdkTracerProvider provider = provider(100);
    Tracer tracer = provider.get("test");
    Span root = tracer.spanBuilder("POST /ask").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = root.makeCurrent()) {
      Span chat = tracer.spanBuilder("chat gpt-4o").setSpanKind(SpanKind.CLIENT)
          .setAttribute("gen_ai.provider.name", "openai")
          .setAttribute("gen_ai.request.model", "gpt-4o")
          .setAttribute("gen_ai.response.model", "gpt-4o-2024-08-06")
          .setAttribute("gen_ai.usage.input_tokens", 12L)
          .setAttribute("gen_ai.usage.output_tokens", 40L)
          .setAttribute("gen_ai.response.time_to_first_chunk", 0.3)
          .startSpan();
      chat.end();
      Span tool = tracer.spanBuilder("execute_tool get_weather").startSpan();
      tool.setAttribute("error.type", "java.io.IOException");
      tool.setStatus(StatusCode.ERROR, "weather service down");
      tool.end();
      assertThat(printed()).isEmpty(); // held until the root ends
    }
    root.end();

    String text = printed();
    String[] lines = text.split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).startsWith("trace " + root.getSpanContext().getTraceId());
    assertThat(lines[1]).startsWith("\u2514\u2500 POST /ask  [server] ");
    assertThat(lines[2]).startsWith("   \u251c\u2500 chat gpt-4o  [client] ")
        .contains("provider=openai", "model=gpt-4o-2024-08-06", "tokens=12 in/40 out", "ttfc=300.0 ms");
    assertThat(lines[3]).startsWith("   \u2514\u2500 execute_tool get_weather  [internal] ")
        .contains("ERROR", "error.type=java.io.IOException", "(weather service down)");
  }

  @Test
  void spansEndingAfterTheirRootArePrintedAsLateAndFlushEmptiesTheBuffer() {
    SdkTracerProvider provider = provider(100);
    Tracer tracer = provider.get("test");
    Span root = tracer.spanBuilder("root").startSpan();
    Span late = tracer.spanBuilder("async work").setParent(io.opentelemetry.context.Context.root().with(root)).startSpan();
    root.end();
    late.end();
    assertThat(printed()).contains("(spans that ended after their trace was printed)").contains("async work");

    Span orphanParent = tracer.spanBuilder("never ends").startSpan();
    tracer.spanBuilder("child").setParent(io.opentelemetry.context.Context.root().with(orphanParent)).startSpan().end();
    assertThat(printed()).doesNotContain("child");
    provider.forceFlush().join(1, java.util.concurrent.TimeUnit.SECONDS);
    provider.shutdown().join(1, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(printed()).contains("\u2514\u2500 child");
  }

  @Test
  void pendingSpansAreBounded() {
    SdkTracerProvider provider = provider(5);
    Tracer tracer = provider.get("test");
    Span open = tracer.spanBuilder("open root").startSpan();
    for (int i = 0; i < 6; i++) {
      tracer.spanBuilder("child " + i).setParent(io.opentelemetry.context.Context.root().with(open)).startSpan().end();
    }
    assertThat(printed()).contains("child 0").contains("child 5");
  }

  @Test
  void aTraceEnteredFromAnotherProcessWaitsForItsInProcessParent() {
    AtomicLong nanos = new AtomicLong();
    ConsoleTreeSpanExporter exporter =
        new ConsoleTreeSpanExporter(new PrintStream(out, true, StandardCharsets.UTF_8), 100, nanos::get);
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    Tracer tracer = provider.get("test");
    Span client = tracer.spanBuilder("GET").setSpanKind(SpanKind.CLIENT).startSpan();
    SpanContext remote = SpanContext.createFromRemoteParent(client.getSpanContext().getTraceId(),
        client.getSpanContext().getSpanId(), TraceFlags.getSampled(), TraceState.getDefault());
    tracer.spanBuilder("GET /hello").setSpanKind(SpanKind.SERVER)
        .setParent(Context.root().with(Span.wrap(remote))).startSpan().end();
    assertThat(printed()).isEmpty();
    client.end();
    assertThat(printed()).contains("\u2514\u2500 GET  [client]").contains("   \u2514\u2500 GET /hello  [server]")
        .doesNotContain("ended after");

    Span server = tracer.spanBuilder("POST /from-elsewhere").setSpanKind(SpanKind.SERVER)
        .setParent(Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(
            "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(),
            TraceState.getDefault()))))
        .startSpan();
    server.end();
    assertThat(printed()).doesNotContain("POST /from-elsewhere");
    nanos.addAndGet(1_500_000_000L);
    tracer.spanBuilder("unrelated").startSpan().end(); // any later export prints the waiting trace
    assertThat(printed()).contains("POST /from-elsewhere");
  }

  @Test
  void formatsDurations() {
    assertThat(ConsoleTreeSpanExporter.TraceTree.duration(420_000)).isEqualTo("0.420 ms");
    assertThat(ConsoleTreeSpanExporter.TraceTree.duration(123_400_000)).isEqualTo("123.4 ms");
    assertThat(ConsoleTreeSpanExporter.TraceTree.duration(1_234_000_000)).isEqualTo("1.234 s");
  }
}

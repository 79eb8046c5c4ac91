package dev.genaiagent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.telemetry.TestChat.Getter;
import dev.genaiagent.telemetry.TestChat.Request;
import dev.genaiagent.telemetry.TestChat.Response;
import dev.genaiagent.telemetry.config.GenAiConfig;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An agent span reports the usage its whole run consumed; token metrics stay once per model call. */
class AgentUsageTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
      .build();
  private final GenAiInstrumenter<Request, Response> inst =
      GenAiTelemetry.builder(sdk, "test-genai").setConfig(GenAiConfig.fromMap(Map.of())).build()
          .instrumenter(new Getter());

  @AfterEach
  void tearDown() {
    sdk.close();
  }

  private static Request agent(String name) {
    return new Request(GenAiOperation.INVOKE_AGENT, "openai", null, null, null, true, null, name, null);
  }

  private static Request tool(String name) {
    return new Request(GenAiOperation.EXECUTE_TOOL, "openai", null, null, null, true, name, null, null);
  }

  private void chat(Context parent, long input, long output) {
    Request r = Request.chat("gpt-4o-mini");
    GenAiCall c = inst.start(parent, r);
    inst.end(c, r, new Response("id", "gpt-4o-mini-2024-07-18", List.of("stop"), input, output), null);
  }

  private SpanData span(String name) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void agentSumsItsModelCallsIncludingThoseInsideToolsAndSubAgents() {
    Request outerRequest = agent("Assistant");
    GenAiCall outer = inst.start(Context.root(), outerRequest);
    chat(outer.context(), 100, 10);

    Request toolRequest = tool("lookup");
    GenAiCall tool = inst.start(outer.context(), toolRequest);
    chat(tool.context(), 20, 2); // a tool that asks a model itself
    inst.end(tool, toolRequest, null, null);

    Request subRequest = agent("Researcher");
    GenAiCall sub = inst.start(outer.context(), subRequest);
    chat(sub.context(), 7, 3);
    inst.end(sub, subRequest, null, null);

    chat(Context.root(), 1000, 1000); // not under the agent: not counted
    inst.end(outer, outerRequest, null, null);

    SpanData researcher = span("invoke_agent Researcher");
    assertThat(researcher.getAttributes().get(GenAiAttributes.USAGE_INPUT_TOKENS)).isEqualTo(7L);
    assertThat(researcher.getAttributes().get(GenAiAttributes.USAGE_OUTPUT_TOKENS)).isEqualTo(3L);
    SpanData assistant = span("invoke_agent Assistant");
    assertThat(assistant.getAttributes().get(GenAiAttributes.USAGE_INPUT_TOKENS)).isEqualTo(127L);
    assertThat(assistant.getAttributes().get(GenAiAttributes.USAGE_OUTPUT_TOKENS)).isEqualTo(15L);
    assertThat(assistant.getAttributes().get(GenAiAttributes.USAGE_COST)).isPositive();
    assertThat(span("execute_tool lookup").getAttributes().get(GenAiAttributes.USAGE_INPUT_TOKENS)).isNull();

    // The token metric counts each model call once: 100+20+7+1000 input tokens, never the agents' sums.
    long inputSum = metrics.collectAllMetrics().stream()
        .filter(m -> m.getName().equals("gen_ai.client.token.usage"))
        .map(MetricData::getHistogramData).flatMap(h -> h.getPoints().stream())
        .filter(p -> "input".equals(p.getAttributes().get(GenAiAttributes.TOKEN_TYPE)))
        .mapToLong(p -> (long) p.getSum()).sum();
    assertThat(inputSum).isEqualTo(1127L);
  }

  @Test
  void agentWithoutModelCallsHasNoUsage() {
    Request r = agent("Idle");
    GenAiCall c = inst.start(Context.root(), r);
    inst.end(c, r, null, null);
    assertThat(span("invoke_agent Idle").getAttributes().get(GenAiAttributes.USAGE_INPUT_TOKENS)).isNull();
  }
}

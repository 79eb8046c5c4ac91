package dev.genaiagent.benchmarks.jmh.exporter;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Exporters that drop what they are given, so the benchmarks run the agent's real pipeline (spans through
 * the batch span processor, metrics aggregated by a periodic reader) with only the network send removed.
 * With {@code otel.metrics.exporter=none} the SDK has no metric reader and hands out a no-op meter, which
 * would leave the cost of recording metrics out of the measurement.
 *
 * <p>At shutdown each appends one line (what it saw) to the file named by the system property
 * {@code genai.jmh.telemetry-file} (stderr without it), which {@code Compare} reads to check that the instrumentation
 * ran, that metrics were recorded, and that content capture was on or off as configured; for the JDBC
 * benchmarks, how many spans were GenAI retrievals and how many were other database spans (upstream's); and
 * the GenAI spans per operation name (for the LangChain4j benchmarks).
 */
final class DiscardExporters {
  static final String NAME = "jmh-discard";
  private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  private static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
  private static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
  /** Stable database semconv, and the older name upstream still emits by default. */
  private static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");
  private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");

  static final class Spans implements SpanExporter {
    private final AtomicLong spans = new AtomicLong();
    private final AtomicLong genAiSpans = new AtomicLong();
    private final AtomicLong inputContent = new AtomicLong();
    private final AtomicLong outputContent = new AtomicLong();
    private final AtomicLong retrievalSpans = new AtomicLong();
    private final AtomicLong databaseSpans = new AtomicLong();
    /** GenAI spans per gen_ai.operation.name (the LangChain4j benchmarks make several kinds per call). */
    private final Map<String, AtomicLong> operations = new ConcurrentHashMap<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
      for (SpanData span : batch) {
        spans.incrementAndGet();
        String operation = span.getAttributes().get(OPERATION);
        if (operation != null) {
          genAiSpans.incrementAndGet();
          operations.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
          if (operation.equals("retrieval")) {
            retrievalSpans.incrementAndGet();
          }
        } else if (span.getAttributes().get(DB_SYSTEM_NAME) != null || span.getAttributes().get(DB_SYSTEM) != null) {
          databaseSpans.incrementAndGet();
        }
        if (span.getAttributes().get(INPUT_MESSAGES) != null) {
          inputContent.incrementAndGet();
        }
        if (span.getAttributes().get(OUTPUT_MESSAGES) != null) {
          outputContent.incrementAndGet();
        }
      }
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      report("[jmh-discard] spans=" + spans + " genai_spans=" + genAiSpans
          + " with_input_messages=" + inputContent + " with_output_messages=" + outputContent
          + " retrieval_spans=" + retrievalSpans + " database_spans=" + databaseSpans
          + " operations=" + new TreeMap<>(operations).entrySet().stream()
              .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",")));
      return CompletableResultCode.ofSuccess();
    }
  }

  static final class Metrics implements MetricExporter {
    private final Set<String> genAiMetrics = new TreeSet<>();

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
      return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public synchronized CompletableResultCode export(Collection<MetricData> metrics) {
      for (MetricData m : metrics) {
        if (m.getName().startsWith("gen_ai.") && !m.isEmpty()) {
          genAiMetrics.add(m.getName());
        }
      }
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public synchronized CompletableResultCode shutdown() {
      report("[jmh-discard] genai_metrics=" + String.join(",", genAiMetrics));
      return CompletableResultCode.ofSuccess();
    }
  }

  private static synchronized void report(String line) {
    String file = System.getProperty("genai.jmh.telemetry-file");
    if (file == null) {
      System.err.println(line);
    } else {
      try {
        Files.write(Paths.get(file), (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8),
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        System.err.println("[jmh-discard] cannot write " + file + ": " + e);
      }
    }
  }

  private DiscardExporters() {}
}

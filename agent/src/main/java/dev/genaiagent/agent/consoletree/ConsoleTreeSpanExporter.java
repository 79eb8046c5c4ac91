package dev.genaiagent.agent.consoletree;

import dev.genaiagent.telemetry.NanoClock;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A development exporter that prints one tree per trace: span name, kind, duration, and for GenAI
 * spans the model, tokens, time to first chunk and errors. Spans of a trace are held until its root
 * ends (children end first), so each trace prints as one block; a trace entered from another process
 * (its root has a remote parent) prints once no span of it arrived for a second, or at flush.
 */
final class ConsoleTreeSpanExporter implements SpanExporter {
  private static final int REMEMBERED_PRINTED_TRACES = 1000;
  private static final long REMOTE_PARENT_WAIT_NANOS = 1_000_000_000L;
  private static final Comparator<SpanData> BY_START = Comparator.comparingLong(SpanData::getStartEpochNanos);

  private final PrintStream out;
  private final int maxPendingSpans;
  // Guarded by this.
  private final Map<String, List<SpanData>> pendingByTrace = new LinkedHashMap<>();
  private final Set<String> printedTraces = new LinkedHashSet<>();
  private final Map<String, Long> lastArrival = new HashMap<>();
  private final NanoClock clock;
  private int pendingSpans;

  ConsoleTreeSpanExporter(PrintStream out, int maxPendingSpans) {
    this(out, maxPendingSpans, NanoClock.SYSTEM);
  }

  ConsoleTreeSpanExporter(PrintStream out, int maxPendingSpans, NanoClock clock) {
    this.out = out;
    this.maxPendingSpans = maxPendingSpans;
    this.clock = clock;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    StringBuilder text = new StringBuilder();
    long now = clock.nanoTime();
    synchronized (this) {
      Set<String> completed = new LinkedHashSet<>();
      for (SpanData span : spans) {
        String traceId = span.getTraceId();
        pendingByTrace.computeIfAbsent(traceId, id -> new ArrayList<>()).add(span);
        lastArrival.put(traceId, now);
        pendingSpans++;
        if (!span.getParentSpanContext().isValid() || printedTraces.contains(traceId)) {
          completed.add(traceId);
        }
      }
      // A root whose parent is remote may have that parent in this very process (an HTTP call to
      // itself): wait a little for it before printing, so the trace prints as one tree.
      for (Map.Entry<String, Long> e : lastArrival.entrySet()) {
        if (now - e.getValue() >= REMOTE_PARENT_WAIT_NANOS && hasRemoteRoot(pendingByTrace.get(e.getKey()))) {
          completed.add(e.getKey());
        }
      }
      for (String traceId : completed) {
        render(traceId, text);
      }
      Iterator<String> oldest = pendingByTrace.keySet().iterator();
      while (pendingSpans > maxPendingSpans && oldest.hasNext()) {
        String traceId = oldest.next();
        renderPending(traceId, pendingByTrace.get(traceId), text);
        lastArrival.remove(traceId);
        oldest.remove();
      }
    }
    print(text);
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    StringBuilder text = new StringBuilder();
    synchronized (this) {
      for (Map.Entry<String, List<SpanData>> e : pendingByTrace.entrySet()) {
        renderPending(e.getKey(), e.getValue(), text);
      }
      pendingByTrace.clear();
      lastArrival.clear();
    }
    print(text);
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return flush();
  }

  private void print(StringBuilder text) {
    if (text.length() > 0) {
      out.print(text);
      out.flush();
    }
  }

  private void render(String traceId, StringBuilder text) {
    List<SpanData> spans = pendingByTrace.remove(traceId);
    lastArrival.remove(traceId);
    if (spans != null) {
      renderPending(traceId, spans, text);
    }
  }

  private void renderPending(String traceId, List<SpanData> spans, StringBuilder text) {
    pendingSpans -= spans.size();
    boolean late = !printedTraces.add(traceId);
    if (printedTraces.size() > REMEMBERED_PRINTED_TRACES) {
      Iterator<String> it = printedTraces.iterator();
      it.next();
      it.remove();
    }
    TraceTree.render(traceId, spans, late, text);
  }

  private static boolean hasRemoteRoot(List<SpanData> spans) {
    if (spans == null) {
      return false;
    }
    for (SpanData span : spans) {
      SpanContext parent = span.getParentSpanContext();
      if (parent.isValid() && parent.isRemote()) {
        return true;
      }
    }
    return false;
  }

  /** Renders spans of one trace as a tree, children under parents, ordered by start time. */
  static final class TraceTree {
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    static void render(String traceId, List<SpanData> spans, boolean late, StringBuilder text) {
      Map<String, SpanData> byId = new HashMap<>();
      for (SpanData s : spans) {
        byId.put(s.getSpanId(), s);
      }
      Map<String, List<SpanData>> children = new HashMap<>();
      List<SpanData> roots = new ArrayList<>();
      for (SpanData s : spans) {
        String parentId = s.getParentSpanContext().isValid() ? s.getParentSpanId() : null;
        if (parentId != null && byId.containsKey(parentId)) {
          children.computeIfAbsent(parentId, id -> new ArrayList<>()).add(s);
        } else {
          roots.add(s);
        }
      }
      Collections.sort(roots, BY_START);
      String service = spans.get(0).getResource().getAttribute(SERVICE_NAME);
      text.append("trace ").append(traceId);
      if (service != null) {
        text.append("  service=").append(service);
      }
      if (late) {
        text.append("  (spans that ended after their trace was printed)");
      }
      text.append('\n');
      for (int i = 0; i < roots.size(); i++) {
        line(roots.get(i), "", i == roots.size() - 1, children, text);
      }
    }

    private static void line(SpanData span, String indent, boolean last, Map<String, List<SpanData>> children,
        StringBuilder text) {
      text.append(indent).append(last ? "\u2514\u2500 " : "\u251c\u2500 ").append(span.getName())
          .append("  [").append(span.getKind().name().toLowerCase(Locale.ROOT)).append("] ")
          .append(duration(span.getEndEpochNanos() - span.getStartEpochNanos()));
      details(span, text);
      text.append('\n');
      List<SpanData> kids = children.getOrDefault(span.getSpanId(), Collections.<SpanData>emptyList());
      Collections.sort(kids, BY_START);
      String childIndent = indent + (last ? "   " : "\u2502  ");
      for (int i = 0; i < kids.size(); i++) {
        line(kids.get(i), childIndent, i == kids.size() - 1, children, text);
      }
    }

    private static void details(SpanData span, StringBuilder text) {
      Attributes a = span.getAttributes();
      String model = a.get(AttributeKey.stringKey("gen_ai.response.model"));
      if (model == null) {
        model = a.get(AttributeKey.stringKey("gen_ai.request.model"));
      }
      append(text, "provider", a.get(AttributeKey.stringKey("gen_ai.provider.name")));
      append(text, "model", model);
      Long in = a.get(AttributeKey.longKey("gen_ai.usage.input_tokens"));
      Long outTokens = a.get(AttributeKey.longKey("gen_ai.usage.output_tokens"));
      if (in != null || outTokens != null) {
        text.append("  tokens=").append(in == null ? "?" : in).append(" in/")
            .append(outTokens == null ? "?" : outTokens).append(" out");
      }
      Double ttfc = a.get(AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk"));
      if (ttfc != null) {
        text.append("  ttfc=").append(duration((long) (ttfc * 1e9)));
      }
      Double cost = a.get(AttributeKey.doubleKey("gen_ai.usage.cost"));
      if (cost != null) {
        // Three significant digits: single calls often cost fractions of a cent.
        text.append("  cost=$").append(new java.math.BigDecimal(cost).round(new java.math.MathContext(3))
            .stripTrailingZeros().toPlainString());
      }
      Long rows = a.get(AttributeKey.longKey("db.response.returned_rows"));
      if (rows != null) {
        text.append("  rows=").append(rows);
      }
      if (span.getStatus().getStatusCode() == StatusCode.ERROR) {
        text.append("  ERROR");
        append(text, "error.type", a.get(AttributeKey.stringKey("error.type")));
        String description = span.getStatus().getDescription();
        if (description != null && !description.isEmpty()) {
          text.append(" (").append(description).append(')');
        }
      }
    }

    private static void append(StringBuilder text, String label, Object value) {
      if (value != null) {
        text.append("  ").append(label).append('=').append(value);
      }
    }

    static String duration(long nanos) {
      if (nanos < 1_000_000L) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
      } else if (nanos < 1_000_000_000L) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
      }
      return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    private TraceTree() {}
  }
}

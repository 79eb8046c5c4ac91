package dev.genaiagent.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.annotation.Nullable;

/**
 * One GenAI operation in flight, as seen by one instrumented layer.
 *
 * <p><b>One model call, one record.</b> When a call starts directly inside a call of the same family
 * (a framework's chat call running an SDK's chat call, a store's search running a vector SQL query)
 * the inner layer does not make a span: its call is a <em>layer</em> of the outer <em>owner</em>. The
 * owner alone ends the span and records metrics, once. A layer fills what the owner lacks: request
 * attributes the owner set stay; response attributes, usage and the error type come from the
 * innermost layer that reported them (it is closest to the wire), the owner fills the rest. Stream
 * chunks are timed by whichever layer reports the first chunk. Agents are never merged: an agent
 * inside an agent is a sub-agent.
 */
public final class GenAiCall {
  private static final ContextKey<GenAiCall> KEY = ContextKey.named("genai-call");
  /** Chunk intervals are kept in a bounded buffer and recorded with the final attributes at the end. */
  private static final int MAX_BUFFERED_CHUNK_INTERVALS = 4096;

  final GenAiOperation operation;
  @Nullable private final GenAiCall owner;
  final Span span;
  private final Context context;
  final long startNanos;
  private final NanoClock clock;
  private final AtomicBoolean ended = new AtomicBoolean();

  // Owner state, guarded by this (a stream may end on another thread than it started).
  final Map<AttributeKey<?>, Object> attributes;
  @Nullable String innerErrorType;
  @Nullable double[] retrievalScores;
  @Nullable private Object chunkReporter;
  long firstChunkNanos = -1;
  private long lastChunkNanos;
  private long[] chunkIntervals;
  private int chunkIntervalCount;
  @Nullable private final GenAiInstrumenter<?, ?> flusher;
  /** The agent call this owner runs under, directly or through tools and retrievals: it sums our usage. */
  @Nullable final GenAiCall enclosingAgent;

  /** An owner: it has the span; {@code flusher} records chunk intervals a long stream overflows. */
  GenAiCall(GenAiOperation operation, Span span, Context parent, long startNanos, NanoClock clock,
      Map<AttributeKey<?>, Object> attributes, GenAiInstrumenter<?, ?> flusher) {
    this.operation = operation;
    this.owner = null;
    this.span = span;
    this.context = parent.with(span).with(KEY, this);
    this.startNanos = startNanos;
    this.clock = clock;
    this.attributes = attributes;
    this.flusher = flusher;
    this.enclosingAgent = enclosingAgent(current(parent));
  }

  /** A layer of {@code owner}: the context stays the owner's, so children parent to its span. */
  GenAiCall(GenAiOperation operation, GenAiCall owner, Context parent, long startNanos, NanoClock clock) {
    this.operation = operation;
    this.owner = owner;
    this.span = owner.span;
    this.context = parent;
    this.startNanos = startNanos;
    this.clock = clock;
    this.attributes = new LinkedHashMap<>();
    this.flusher = null;
    this.enclosingAgent = null;
  }

  @Nullable
  private static GenAiCall enclosingAgent(@Nullable GenAiCall outer) {
    if (outer == null) {
      return null;
    }
    GenAiCall owner = outer.ownerOrSelf();
    return owner.operation == GenAiOperation.INVOKE_AGENT ? owner : owner.enclosingAgent;
  }

  /** The innermost GenAI call in {@code context}, if any. */
  @Nullable
  public static GenAiCall current(Context context) {
    return context.get(KEY);
  }

  /** The context to run the library call in (and to propagate into callbacks of a stream). */
  public Context context() {
    return context;
  }

  public Scope makeCurrent() {
    return context.makeCurrent();
  }

  /** Whether this layer owns the span; a layer's {@code end} only hands its answers to the owner. */
  public boolean isOwner() {
    return owner == null;
  }

  public GenAiOperation operation() {
    return operation;
  }

  /**
   * A streamed output chunk arrived (content, refusal or tool-call delta). Costs a clock read and an
   * array store: it is on the hot path of every stream.
   */
  public void onChunk() {
    long now = clock.nanoTime();
    ownerOrSelf().chunk(this, now);
  }

  private synchronized void chunk(Object reporter, long now) {
    if (chunkReporter == null) {
      chunkReporter = reporter;
    } else if (chunkReporter != reporter) {
      return; // another layer already times this stream: the same chunk must not count twice
    }
    if (firstChunkNanos < 0) {
      firstChunkNanos = now;
    } else {
      if (chunkIntervals == null) {
        chunkIntervals = new long[16];
      } else if (chunkIntervalCount == chunkIntervals.length) {
        if (chunkIntervals.length < MAX_BUFFERED_CHUNK_INTERVALS) {
          long[] grown = new long[Math.min(chunkIntervals.length * 2, MAX_BUFFERED_CHUNK_INTERVALS)];
          System.arraycopy(chunkIntervals, 0, grown, 0, chunkIntervalCount);
          chunkIntervals = grown;
        } else if (flusher != null) {
          flusher.recordChunkIntervals(this, chunkIntervals, chunkIntervalCount);
          chunkIntervalCount = 0;
        } else {
          chunkIntervalCount = 0;
        }
      }
      chunkIntervals[chunkIntervalCount++] = now - lastChunkNanos;
    }
    lastChunkNanos = now;
  }

  synchronized long[] drainChunkIntervals() {
    long[] out = new long[chunkIntervalCount];
    if (chunkIntervalCount > 0) {
      System.arraycopy(chunkIntervals, 0, out, 0, chunkIntervalCount);
    }
    chunkIntervalCount = 0;
    return out;
  }

  /** The call that has the span: this one, or the outer call this one is a layer of. */
  GenAiCall ownerOrSelf() {
    return owner == null ? this : owner;
  }

  /** The innermost layer's error type is kept: it is the most specific (provider code over wrapper class). */
  synchronized void noteInnerError(String errorType) {
    if (innerErrorType == null) {
      innerErrorType = errorType;
    }
  }

  long nowNanos() {
    return clock.nanoTime();
  }

  /** True exactly once: the first end of this layer wins, later ends (close after error) are ignored. */
  boolean markEnded() {
    return ended.compareAndSet(false, true);
  }

  synchronized void fillRetrievalScores(@Nullable double[] scores) {
    if (scores != null && retrievalScores == null) {
      retrievalScores = scores;
    }
  }

  /**
   * Adds a finished model call's usage (or a sub-agent's sums) to this agent's: an agent span reports
   * what its whole run consumed. Only span attributes: token metrics stay recorded once, per model call.
   */
  synchronized void addUsage(Map<AttributeKey<?>, Object> usage) {
    for (Map.Entry<AttributeKey<?>, Object> e : usage.entrySet()) {
      Object mine = attributes.get(e.getKey());
      Object theirs = e.getValue();
      if (theirs instanceof Long) {
        attributes.put(e.getKey(), mine instanceof Long ? (Long) mine + (Long) theirs : theirs);
      } else if (theirs instanceof Double) {
        attributes.put(e.getKey(), mine instanceof Double ? (Double) mine + (Double) theirs : theirs);
      }
    }
  }

  synchronized void fill(AttributeKey<?> key, @Nullable Object value) {
    if (value != null && !attributes.containsKey(key)) {
      attributes.put(key, value);
    }
  }
}

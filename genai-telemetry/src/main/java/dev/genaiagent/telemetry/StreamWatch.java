package dev.genaiagent.telemetry;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends the calls of streams the application abandons: a stream that becomes unreachable without
 * being exhausted or closed ends with {@code error.type=stream_abandoned}; one still open after the
 * configured timeout ends with {@code stream_timeout}. No thread of its own (a thread would pin the
 * application's class loader): instrumentations call {@link #poll()} when calls start, which costs one
 * queue read when nothing happened. At most {@link #MAX_WATCHED} streams are watched; beyond that the
 * oldest are ended as abandoned, so memory stays bounded whatever the application does.
 */
public final class StreamWatch {
  private static final Logger logger = Logger.getLogger(StreamWatch.class.getName());
  static final int MAX_WATCHED = 10_000;
  private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

  private static final ReferenceQueue<Object> unreachable = new ReferenceQueue<>();
  private static final Set<Watch> watched = ConcurrentHashMap.newKeySet();
  private static final AtomicLong nextSweep = new AtomicLong(System.nanoTime());

  /** What to do when a watched stream is abandoned or times out. */
  public interface Abandon {
    void end(String errorType);
  }

  /** One watched stream; {@link #done()} when the stream ended normally. */
  public static final class Watch extends PhantomReference<Object> {
    private final Abandon abandon;
    private final long deadlineNanos;

    private Watch(Object stream, Abandon abandon, long deadlineNanos) {
      super(stream, unreachable);
      this.abandon = abandon;
      this.deadlineNanos = deadlineNanos;
    }

    public void done() {
      watched.remove(this);
      clear();
    }

    void fire(String errorType) {
      if (watched.remove(this)) {
        try {
          abandon.end(errorType);
        } catch (Throwable t) {
          logger.log(Level.FINE, "ending an abandoned stream failed", t);
        }
      }
    }
  }

  /**
   * Watches {@code stream} (the object the application holds). {@code abandon} must not reference it,
   * or it never becomes unreachable.
   */
  public static Watch watch(Object stream, Abandon abandon, long timeoutNanos) {
    poll();
    if (watched.size() >= MAX_WATCHED) {
      Iterator<Watch> oldest = watched.iterator();
      if (oldest.hasNext()) {
        oldest.next().fire("stream_abandoned");
      }
    }
    Watch w = new Watch(stream, abandon, System.nanoTime() + timeoutNanos);
    watched.add(w);
    return w;
  }

  /** Ends the calls of streams found unreachable, and (at most once a second) of timed-out ones. */
  public static void poll() {
    Reference<?> ref;
    while ((ref = unreachable.poll()) != null) {
      ((Watch) ref).fire("stream_abandoned");
    }
    long now = System.nanoTime();
    long due = nextSweep.get();
    if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_INTERVAL_NANOS)) {
      for (Watch w : watched) {
        if (now - w.deadlineNanos >= 0) {
          w.fire("stream_timeout");
        }
      }
    }
  }

  static int watchedCount() {
    return watched.size();
  }

  private StreamWatch() {}
}

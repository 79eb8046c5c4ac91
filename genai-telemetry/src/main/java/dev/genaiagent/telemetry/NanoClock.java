package dev.genaiagent.telemetry;

/** A monotonic clock in nanoseconds; {@link System#nanoTime()} unless a test supplies its own. */
public interface NanoClock {
  NanoClock SYSTEM = System::nanoTime;

  long nanoTime();
}

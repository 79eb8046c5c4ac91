package dev.genaiagent.telemetry.redaction;

import java.util.Arrays;

/**
 * Detected spans of one text, {@code [start, end)} with a kind (a {@link Detector} ordinal, or
 * {@code Detector.ALL.length + i} for custom pattern {@code i}), kept sorted and non-overlapping:
 * overlapping spans merge into one that covers both, so merging never redacts less.
 */
final class Findings {
  private int[] starts = new int[8];
  private int[] ends = new int[8];
  private int[] kinds = new int[8];
  private int size;

  int size() {
    return size;
  }

  /** End of the last span, or 0. */
  int lastEnd() {
    return size == 0 ? 0 : ends[size - 1];
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  int kind(int i) {
    return kinds[i];
  }

  /**
   * Adds a span found at or after the previous ones' start. A span reaching back over earlier ones (an
   * e-mail address whose local part the digit scanner already took for a phone) replaces those it
   * covers from their start on; a partial overlap extends the earlier span.
   */
  void add(int start, int end, int kind) {
    if (end <= start) {
      return;
    }
    while (size > 0 && starts[size - 1] >= start) {
      if (starts[size - 1] == start && ends[size - 1] > end) {
        kind = kinds[size - 1]; // same start: the longer span names the whole
      }
      end = Math.max(end, ends[size - 1]);
      size--;
    }
    if (size > 0 && ends[size - 1] > start) {
      ends[size - 1] = Math.max(ends[size - 1], end);
      return;
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
      kinds = Arrays.copyOf(kinds, size * 2);
    }
    starts[size] = start;
    ends[size] = end;
    kinds[size] = kind;
    size++;
  }

  /** Adds spans in any order (custom pattern matches): sorts everything and merges overlaps. */
  void addUnordered(int[] addStarts, int[] addEnds, int[] addKinds, int count) {
    if (count == 0) {
      return;
    }
    int total = size + count;
    long[] order = new long[total];
    for (int i = 0; i < size; i++) {
      order[i] = ((long) starts[i] << 32) | i;
    }
    for (int i = 0; i < count; i++) {
      order[size + i] = ((long) addStarts[i] << 32) | (size + i);
    }
    Arrays.sort(order);
    int[] s = new int[total];
    int[] e = new int[total];
    int[] k = new int[total];
    for (int i = 0; i < total; i++) {
      int idx = (int) order[i];
      if (idx < size) {
        s[i] = starts[idx];
        e[i] = ends[idx];
        k[i] = kinds[idx];
      } else {
        s[i] = addStarts[idx - size];
        e[i] = addEnds[idx - size];
        k[i] = addKinds[idx - size];
      }
    }
    size = 0;
    for (int i = 0; i < total; i++) {
      add(s[i], e[i], k[i]);
    }
  }
}

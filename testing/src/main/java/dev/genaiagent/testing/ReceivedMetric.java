package dev.genaiagent.testing;

import java.util.List;
import java.util.Map;

/**
 * One metric from one export, flattened with its resource and scope. Periodic readers export the same
 * metric again on every interval, so the receiver usually holds several of these per name; the latest
 * one carries the cumulative state.
 *
 * <p>Gauges and sums fill {@link #numberPoints()}; histograms fill {@link #histogramPoints()}.
 * {@code monotonic} and {@code temporality} are meaningful for sums (and temporality for histograms).
 */
public record ReceivedMetric(
    String name,
    String description,
    String unit,
    Type type,
    boolean monotonic,
    Temporality temporality,
    String scopeName,
    Map<String, Object> resourceAttributes,
    List<NumberPoint> numberPoints,
    List<HistogramPoint> histogramPoints) {

  public enum Type { GAUGE, SUM, HISTOGRAM, EXPONENTIAL_HISTOGRAM, SUMMARY, UNKNOWN }

  public enum Temporality { UNSPECIFIED, DELTA, CUMULATIVE }

  /** One line for failure messages. */
  public String describe() {
    int points = type == Type.HISTOGRAM ? histogramPoints.size() : numberPoints.size();
    return type + " '" + name + "' unit=" + unit + " scope=" + scopeName + " points=" + points;
  }

  /** A gauge or sum data point; {@code value} is a {@link Long} or a {@link Double}. */
  public record NumberPoint(
      Map<String, Object> attributes, Number value, long startEpochNanos, long epochNanos) {}

  /** An explicit-bucket histogram data point; {@code sum}, {@code min} and {@code max} may be null. */
  public record HistogramPoint(
      Map<String, Object> attributes,
      long count,
      Double sum,
      Double min,
      Double max,
      List<Double> explicitBounds,
      List<Long> bucketCounts,
      long startEpochNanos,
      long epochNanos) {}
}

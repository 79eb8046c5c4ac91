package dev.genaiagent.telemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.context.Context;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The four client metrics of the telemetry contract, with its explicit bucket boundaries. */
final class GenAiMetrics {
  static final String TOKEN_USAGE = "gen_ai.client.token.usage";
  static final String OPERATION_DURATION = "gen_ai.client.operation.duration";
  static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";
  static final String TIME_PER_OUTPUT_CHUNK = "gen_ai.client.operation.time_per_output_chunk";

  static final List<Long> TOKEN_BUCKETS = Collections.unmodifiableList(Arrays.asList(
      1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L, 1048576L, 4194304L, 16777216L,
      67108864L));
  static final List<Double> DURATION_BUCKETS = Collections.unmodifiableList(Arrays.asList(
      0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92));

  private final LongHistogram tokenUsage;
  private final DoubleHistogram duration;
  private final DoubleHistogram timeToFirstChunk;
  private final DoubleHistogram timePerOutputChunk;

  GenAiMetrics(Meter meter) {
    tokenUsage = meter.histogramBuilder(TOKEN_USAGE)
        .ofLongs()
        .setUnit("{token}")
        .setDescription("Number of input and output tokens used.")
        .setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS)
        .build();
    duration = seconds(meter, OPERATION_DURATION, "GenAI operation duration.");
    timeToFirstChunk = seconds(meter, TIME_TO_FIRST_CHUNK,
        "Time from the start of a streaming request to the first output chunk.");
    timePerOutputChunk = seconds(meter, TIME_PER_OUTPUT_CHUNK,
        "Time between consecutive output chunks of a streaming response, after the first.");
  }

  private static DoubleHistogram seconds(Meter meter, String name, String description) {
    return meter.histogramBuilder(name)
        .setUnit("s")
        .setDescription(description)
        .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
        .build();
  }

  void recordDuration(double seconds, Attributes attributes, Context context) {
    duration.record(seconds, attributes, context);
  }

  void recordTokens(long tokens, Attributes attributes, Context context) {
    tokenUsage.record(tokens, attributes, context);
  }

  void recordTimeToFirstChunk(double seconds, Attributes attributes, Context context) {
    timeToFirstChunk.record(seconds, attributes, context);
  }

  void recordTimePerOutputChunk(double seconds, Attributes attributes, Context context) {
    timePerOutputChunk.record(seconds, attributes, context);
  }
}

package dev.genaiagent.telemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.context.Context;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The four client metrics of the telemetry contract with its explicit bucket boundaries, and our retrieval extensions. */
final class GenAiMetrics {
  static final String TOKEN_USAGE = "gen_ai.client.token.usage";
  static final String OPERATION_DURATION = "gen_ai.client.operation.duration";
  static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";
  static final String TIME_PER_OUTPUT_CHUNK = "gen_ai.client.operation.time_per_output_chunk";
  /** Extension: the scores of retrieved documents per data source, the retrieval drift signal. */
  static final String RETRIEVAL_SCORE = "gen_ai.client.retrieval.score";
  /** Extension: documents (rows) a retrieval returned. */
  static final String RETRIEVAL_DOCUMENTS = "gen_ai.client.retrieval.documents";
  /** Extension: the cost of model calls in USD, from the pricing table. */
  static final String USAGE_COST = "gen_ai.client.usage.cost";
  static final List<Double> COST_BUCKETS = Collections.unmodifiableList(Arrays.asList(
      0.00001, 0.00005, 0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0));

  static final List<Long> TOKEN_BUCKETS = Collections.unmodifiableList(Arrays.asList(
      1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L, 1048576L, 4194304L, 16777216L,
      67108864L));
  static final List<Double> DURATION_BUCKETS = Collections.unmodifiableList(Arrays.asList(
      0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92));

  /**
   * Distances and similarities of the common metrics mostly fall in [0, 2] (cosine) or a few units
   * (l2 on normalized vectors): fine steps there, coarse ones beyond; negative inner products land in
   * the first bucket.
   */
  static final List<Double> SCORE_BUCKETS = Collections.unmodifiableList(Arrays.asList(
      0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.25, 1.5,
      2.0, 4.0, 8.0, 16.0, 64.0, 256.0));
  static final List<Long> DOCUMENT_BUCKETS = Collections.unmodifiableList(Arrays.asList(
      0L, 1L, 2L, 3L, 5L, 10L, 20L, 50L, 100L, 1000L, 10000L));

  private final LongHistogram tokenUsage;
  private final DoubleHistogram retrievalScore;
  private final LongHistogram retrievalDocuments;
  private final DoubleHistogram usageCost;
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
    retrievalScore = meter.histogramBuilder(RETRIEVAL_SCORE)
        .setUnit("1")
        .setDescription("Scores (distances or similarities) of the documents retrievals returned.")
        .setExplicitBucketBoundariesAdvice(SCORE_BUCKETS)
        .build();
    usageCost = meter.histogramBuilder(USAGE_COST)
        .setUnit("USD")
        .setDescription("Cost of model calls in US dollars, from the pricing table.")
        .setExplicitBucketBoundariesAdvice(COST_BUCKETS)
        .build();
    retrievalDocuments = meter.histogramBuilder(RETRIEVAL_DOCUMENTS)
        .ofLongs()
        .setUnit("{document}")
        .setDescription("Number of documents a retrieval returned.")
        .setExplicitBucketBoundariesAdvice(DOCUMENT_BUCKETS)
        .build();
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

  void recordRetrievalScore(double score, Attributes attributes, Context context) {
    retrievalScore.record(score, attributes, context);
  }

  void recordRetrievalDocuments(long documents, Attributes attributes, Context context) {
    retrievalDocuments.record(documents, attributes, context);
  }

  void recordCost(double usd, Attributes attributes, Context context) {
    usageCost.record(usd, attributes, context);
  }

  void recordTimeToFirstChunk(double seconds, Attributes attributes, Context context) {
    timeToFirstChunk.record(seconds, attributes, context);
  }

  void recordTimePerOutputChunk(double seconds, Attributes attributes, Context context) {
    timePerOutputChunk.record(seconds, attributes, context);
  }
}

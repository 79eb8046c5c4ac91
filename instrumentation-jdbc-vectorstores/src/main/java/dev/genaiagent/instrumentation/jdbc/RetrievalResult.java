package dev.genaiagent.instrumentation.jdbc;

import dev.genaiagent.telemetry.content.RetrievedDocument;
import java.util.List;
import javax.annotation.Nullable;

/** What the application read of a vector search's rows when it finished with the result set. */
final class RetrievalResult {
  final long rows;
  @Nullable final double[] scores;
  @Nullable final Double bestScore;
  @Nullable final List<RetrievedDocument> documents;

  RetrievalResult(long rows, @Nullable double[] scores, @Nullable Double bestScore,
      @Nullable List<RetrievedDocument> documents) {
    this.rows = rows;
    this.scores = scores;
    this.bestScore = bestScore;
    this.documents = documents;
  }
}

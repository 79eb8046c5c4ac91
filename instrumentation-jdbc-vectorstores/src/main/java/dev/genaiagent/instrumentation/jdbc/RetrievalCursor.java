package dev.genaiagent.instrumentation.jdbc;

import dev.genaiagent.telemetry.GenAiCall;
import dev.genaiagent.telemetry.StreamWatch;
import dev.genaiagent.telemetry.content.RetrievedDocument;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.annotation.Nullable;

/**
 * A vector search whose rows the application is reading. The retrieval span stays open until the
 * result set is exhausted or closed (or its statement closed or run again, or the result set is
 * garbage collected), so it reports what the application actually read: rows, the scores of the first
 * {@value #MAX_METRIC_SCORES} rows (read from the column that selects the distance, when there is one)
 * and the best of them, and, with content capture on, the document ids. The application's reads are untouched: scores are read from
 * the current row after the application's {@code next()} returned.
 */
final class RetrievalCursor implements StreamWatch.Abandon {
  /**
   * Scores are read from the first rows only: the top of a ranking is the drift signal, and reading and
   * recording every row of a large result would cost more than the row itself. Every row counts.
   */
  static final int MAX_METRIC_SCORES = 32;
  /** Documents listed with content capture on (the content serializer keeps what fits). */
  static final int MAX_DOCUMENTS = 1024;
  private static final int UNRESOLVED = -2;
  private static final int NONE = -1;

  private final GenAiCall call;
  private final RetrievalRequest request;
  private final boolean captureDocuments;
  @Nullable private StreamWatch.Watch watch;
  private boolean attached;
  private boolean ended;

  private long rows;
  private int scoreColumn = UNRESOLVED;
  private int idColumn = UNRESOLVED;
  private final double[] scores = new double[MAX_METRIC_SCORES];
  private int scoreCount;
  private double best = Double.NaN;
  @Nullable private List<RetrievedDocument> documents;

  RetrievalCursor(GenAiCall call, RetrievalRequest request, boolean captureDocuments) {
    this.call = call;
    this.request = request;
    this.captureDocuments = captureDocuments;
  }

  /**
   * The object the application holds for the rows: the statement while its result set is not yet
   * fetched ({@code execute()} then {@code getResultSet()}), then the result set. The cursor also ends
   * when that object becomes unreachable.
   */
  synchronized void watch(Object holder, boolean resultSet, long timeoutNanos) {
    if (ended || attached) {
      return;
    }
    attached = resultSet;
    if (watch != null) {
      watch.done();
    }
    watch = StreamWatch.watch(holder, this, timeoutNanos);
  }

  synchronized boolean isAttached() {
    return attached;
  }

  /**
   * After the application's {@code next()} returned true: the row is current. Not synchronized: a result
   * set is read by one thread; {@link #end()} from another (abandonment) only reads a snapshot.
   */
  void onRow(ResultSet rs) {
    rows++;
    if (scoreColumn == UNRESOLVED) {
      scoreColumn = resolve(rs, request.vectorSql.scoreColumnLabel(), request.vectorSql.scoreColumnIndex());
    }
    // The top of the ranking: a vector search orders by its distance, so the first rows hold the best
    // score; rows after them cost a counter increment.
    double score = scoreColumn > 0 && rows <= MAX_METRIC_SCORES ? readScore(rs) : Double.NaN;
    if (captureDocuments) {
      if (idColumn == UNRESOLVED) {
        idColumn = resolve(rs, request.vectorSql.idColumnLabel(), 0);
      }
      String id = idColumn > 0 ? readId(rs) : null;
      if (documents == null) {
        documents = new ArrayList<>();
      }
      if (documents.size() < MAX_DOCUMENTS) {
        documents.add(new RetrievedDocument(id, Double.isNaN(score) ? null : score, null));
      }
    }
  }

  /** The current row's score, NaN when it has none. */
  private double readScore(ResultSet rs) {
    try {
      double value = rs.getDouble(scoreColumn);
      if (rs.wasNull() || Double.isNaN(value)) {
        return Double.NaN;
      }
      if (scoreCount < MAX_METRIC_SCORES) {
        scores[scoreCount++] = value;
      }
      boolean higherIsBetter = request.vectorSql.higherIsBetter();
      if (Double.isNaN(best) || (higherIsBetter ? value > best : value < best)) {
        best = value;
      }
      return value;
    } catch (Throwable t) {
      scoreColumn = NONE; // a column we cannot read as a number: stop trying
      return Double.NaN;
    }
  }

  @Nullable
  private String readId(ResultSet rs) {
    try {
      return rs.getString(idColumn);
    } catch (Throwable t) {
      idColumn = NONE;
      return null;
    }
  }

  private static int resolve(ResultSet rs, @Nullable String label, int index) {
    if (label != null) {
      try {
        return rs.findColumn(label);
      } catch (Throwable t) {
        // fall back to the position in the select list
      }
    }
    return index > 0 ? index : NONE;
  }

  /** Exhausted, closed, statement closed or run again: the retrieval is complete. */
  void end() {
    RetrievalResult result;
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      if (watch != null) {
        watch.done();
      }
      result = new RetrievalResult(rows, scoreCount == 0 ? null : Arrays.copyOf(scores, scoreCount),
          Double.isNaN(best) ? null : best, documents);
    }
    JdbcRetrievals.complete(call, request, result);
  }

  /**
   * A result set that became unreachable or outlived the stream timeout: the application read what
   * it wanted and dropped it, which for a retrieval is not an error.
   */
  @Override
  public void end(String errorType) {
    end();
  }
}

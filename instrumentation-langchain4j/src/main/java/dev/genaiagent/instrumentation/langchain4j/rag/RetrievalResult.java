package dev.genaiagent.instrumentation.langchain4j.rag;

import dev.genaiagent.telemetry.content.RetrievedDocument;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * What a retrieval returned: the matches of a store search or the contents of a retriever. LangChain4j
 * scores are relevance scores, higher is better (cosine stores map similarity to [0, 1]), so the best is
 * the largest. The application's list is only read while the call ends, never kept.
 */
final class RetrievalResult {
  final long rows;
  @Nullable final Double bestScore;
  @Nullable final double[] scores;
  private final List<?> items;

  private RetrievalResult(List<?> items, @Nullable double[] scores) {
    this.items = items;
    this.rows = items.size();
    this.scores = scores;
    Double best = null;
    if (scores != null) {
      for (double s : scores) {
        if (!Double.isNaN(s) && (best == null || s > best)) {
          best = s;
        }
      }
    }
    this.bestScore = best;
  }

  @Nullable
  static RetrievalResult ofSearch(@Nullable Object result) {
    if (!(result instanceof EmbeddingSearchResult)) {
      return null;
    }
    List<?> matches = ((EmbeddingSearchResult<?>) result).matches();
    if (matches == null) {
      matches = Collections.emptyList();
    }
    double[] scores = new double[matches.size()];
    int n = 0;
    for (Object m : matches) {
      Double score = m instanceof EmbeddingMatch ? ((EmbeddingMatch<?>) m).score() : null;
      if (score != null) {
        scores[n++] = score;
      }
    }
    return new RetrievalResult(matches, trim(scores, n));
  }

  @Nullable
  static RetrievalResult ofContents(@Nullable Object result) {
    if (!(result instanceof List)) {
      return null;
    }
    List<?> contents = (List<?>) result;
    double[] scores = new double[contents.size()];
    int n = 0;
    for (Object c : contents) {
      Object score = metadata(c, ContentMetadata.SCORE);
      if (score instanceof Number) {
        scores[n++] = ((Number) score).doubleValue();
      }
    }
    return new RetrievalResult(contents, trim(scores, n));
  }

  /** Ids, scores and texts, for {@code gen_ai.retrieval.documents}: only asked when content is captured. */
  List<RetrievedDocument> documents() {
    List<RetrievedDocument> documents = new ArrayList<>(items.size());
    for (Object item : items) {
      if (item instanceof EmbeddingMatch) {
        EmbeddingMatch<?> m = (EmbeddingMatch<?>) item;
        Object embedded = m.embedded();
        documents.add(new RetrievedDocument(m.embeddingId(), m.score(),
            embedded instanceof TextSegment ? ((TextSegment) embedded).text() : null));
      } else if (item instanceof Content) {
        Content c = (Content) item;
        Object id = metadata(c, ContentMetadata.EMBEDDING_ID);
        Object score = metadata(c, ContentMetadata.SCORE);
        TextSegment segment = c.textSegment();
        documents.add(new RetrievedDocument(id instanceof String ? (String) id : null,
            score instanceof Number ? ((Number) score).doubleValue() : null,
            segment == null ? null : segment.text()));
      }
    }
    return documents;
  }

  @Nullable
  private static Object metadata(Object content, ContentMetadata key) {
    if (!(content instanceof Content)) {
      return null;
    }
    Map<ContentMetadata, Object> metadata = ((Content) content).metadata();
    return metadata == null ? null : metadata.get(key);
  }

  @Nullable
  private static double[] trim(double[] scores, int n) {
    if (n == 0) {
      return null;
    }
    if (n == scores.length) {
      return scores;
    }
    double[] out = new double[n];
    System.arraycopy(scores, 0, out, 0, n);
    return out;
  }
}

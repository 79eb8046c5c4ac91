package dev.genaiagent.telemetry.content;

import javax.annotation.Nullable;

/** One document a retrieval returned: its id, score and (only when captured) content. */
public final class RetrievedDocument {
  @Nullable final String id;
  @Nullable final Double score;
  @Nullable final String content;

  public RetrievedDocument(@Nullable String id, @Nullable Double score, @Nullable String content) {
    this.id = id;
    this.score = score;
    this.content = content;
  }
}

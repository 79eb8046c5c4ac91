package dev.genaiagent.telemetry.content;

import javax.annotation.Nullable;

/**
 * The one extension point every captured text passes through before truncation and before it
 * reaches a span, event or log (redaction, sampling and similar policies plug in here).
 *
 * <p>A policy that throws fails closed: the field is dropped, never recorded unprocessed.
 */
public interface ContentPolicy {

  /**
   * Returns the text to record for {@code field}, possibly rewritten, or {@code null} to drop the
   * field entirely.
   */
  @Nullable
  String apply(ContentField field, String text);
}

package dev.genaiagent.testing;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A few checks that read better than the equivalent stream code in every test. */
public final class TelemetryAssertions {

  /** The link-local cloud metadata address that DJL probes unless OPT_OUT_TRACKING is set. */
  public static final String CLOUD_METADATA_ADDRESS = "169.254.169.254";

  private TelemetryAssertions() {}

  /** Fails if any span shows a call to the cloud metadata address (nothing here may contact it). */
  public static void assertNoCloudMetadataAccess(List<ReceivedSpan> spans) {
    List<ReceivedSpan> offending = spans.stream()
        .filter(s -> s.attributes().values().stream()
            .anyMatch(v -> v != null && String.valueOf(v).contains(CLOUD_METADATA_ADDRESS)))
        .toList();
    if (!offending.isEmpty()) {
      throw new AssertionError("Spans show calls to " + CLOUD_METADATA_ADDRESS
          + " (is OPT_OUT_TRACKING=true set?):" + describe(offending));
    }
  }

  /** The one span matching {@code condition}; fails listing all spans if none or several match. */
  public static ReceivedSpan onlySpan(
      List<ReceivedSpan> spans, String description, Predicate<ReceivedSpan> condition) {
    List<ReceivedSpan> matching = spans.stream().filter(condition).toList();
    if (matching.size() != 1) {
      throw new AssertionError("Expected exactly one span " + description + " but found "
          + matching.size() + " among " + spans.size() + ":" + describe(spans));
    }
    return matching.get(0);
  }

  /** Fails unless {@code child} is a direct child of {@code parent} in the same trace. */
  public static void assertChildOf(ReceivedSpan child, ReceivedSpan parent) {
    if (!child.isChildOf(parent)) {
      throw new AssertionError("Expected\n  " + child.describe() + "\nto be a child of\n  "
          + parent.describe());
    }
  }

  private static String describe(List<ReceivedSpan> spans) {
    return spans.stream().map(ReceivedSpan::describe)
        .collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}

package dev.genaiagent.testing.openai;

/**
 * A transport-level failure the server injects instead of (or part way through) a well-formed answer.
 *
 * <p>"Reset" closes the socket with {@code SO_LINGER 0}, so the client gets a TCP RST ("Connection reset"),
 * not a clean end of stream. "Stall" keeps the connection open and silent until the client gives up (closes
 * it) or the server is closed, which is how read timeouts are provoked.
 *
 * <p>Beware HTTP-client retries: a client may silently replay a request whose reused connection fails before
 * any response byte arrives (OkHttp does, but only for bodies it can send twice; openai-java's bodies are
 * one-shot, so it does not). For such a client, enqueue the fault with {@link Script#times(int)}. SDK-level
 * retries ({@code maxRetries}) consume one script per attempt, too.
 */
public final class Fault {

  /** What happens; {@link #afterEvents()} says when for the mid-stream kinds. */
  public enum Kind {
    STALL,
    RESET_BEFORE_RESPONSE,
    RESET_MID_STREAM,
    STALL_MID_STREAM
  }

  /** Reads the request, then never answers. */
  public static final Fault STALL = new Fault(Kind.STALL, 0);

  /** Reads the request, then resets the connection without sending a byte. */
  public static final Fault RESET_BEFORE_RESPONSE = new Fault(Kind.RESET_BEFORE_RESPONSE, 0);

  private final Kind kind;
  private final int afterEvents;

  private Fault(Kind kind, int afterEvents) {
    if (afterEvents < 0) {
      throw new IllegalArgumentException("afterEvents must be >= 0");
    }
    this.kind = kind;
    this.afterEvents = afterEvents;
  }

  /**
   * Sends the response headers and the first {@code afterEvents} SSE events (each flushed), then resets the
   * connection. For a non-streaming request: sends the headers and half of the JSON body, then resets.
   */
  public static Fault resetMidStream(int afterEvents) {
    return new Fault(Kind.RESET_MID_STREAM, afterEvents);
  }

  /** Like {@link #resetMidStream(int)} but then stalls instead of resetting. */
  public static Fault stallMidStream(int afterEvents) {
    return new Fault(Kind.STALL_MID_STREAM, afterEvents);
  }

  public Kind kind() {
    return kind;
  }

  /** For the mid-stream kinds: how many SSE events are delivered before the fault. */
  public int afterEvents() {
    return afterEvents;
  }

  boolean beforeResponse() {
    return kind == Kind.STALL || kind == Kind.RESET_BEFORE_RESPONSE;
  }

  boolean resets() {
    return kind == Kind.RESET_BEFORE_RESPONSE || kind == Kind.RESET_MID_STREAM;
  }

  @Override
  public String toString() {
    return beforeResponse() ? kind.name() : kind + "(afterEvents=" + afterEvents + ")";
  }
}

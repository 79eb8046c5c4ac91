package dev.genaiagent.testing.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes SSE events as HTTP/1.1 chunks: one chunk per event, flushed at once, so the client receives each
 * event when the server decides (this is what makes first-chunk and inter-chunk delays observable).
 */
final class SseWriter {

  private final OutputStream out;
  private final Runnable onComplete;
  private int written;

  SseWriter(OutputStream out, Runnable onComplete) {
    this.out = out;
    this.onComplete = onComplete;
  }

  void write(SseEvent event) throws IOException {
    StringBuilder text = new StringBuilder(event.data().length() + 64);
    if (event.name() != null) {
      text.append("event: ").append(event.name()).append('\n');
    }
    // Multi-line data is legal SSE: one data field per line, joined by the client with '\n'.
    for (String line : event.data().split("\n", -1)) {
      text.append("data: ").append(line).append('\n');
    }
    text.append('\n');
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.write(CRLF);
    out.flush();
    written++;
  }

  /** Events written so far. */
  int written() {
    return written;
  }

  /** The terminating zero-length chunk; the connection may then serve another request. */
  void end() throws IOException {
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    onComplete.run();
  }

  private static final byte[] CRLF = {'\r', '\n'};
}

package dev.genaiagent.testing.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes one response on a connection: a fixed-length body, or a chunked stream via {@link SseWriter}, or a
 * fault (reset, stall). Decides whether the connection can serve another request afterwards.
 */
final class Exchange {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final boolean keepAlive;
  private boolean reusable;

  Exchange(Socket socket, InputStream in, OutputStream out, boolean keepAlive) {
    this.socket = socket;
    this.in = in;
    this.out = out;
    this.keepAlive = keepAlive;
  }

  /** A complete response with {@code Content-Length}. */
  void sendFixed(int status, Map<String, String> headers, byte[] body) throws IOException {
    writeHead(status, headers, "Content-Length: " + body.length);
    out.write(body);
    out.flush();
    reusable = keepAlive;
  }

  /** Status line and headers of a {@code Content-Length} response, then only a prefix of the body. */
  void sendTruncated(int status, Map<String, String> headers, byte[] body, int bytesToSend) throws IOException {
    writeHead(status, headers, "Content-Length: " + body.length);
    out.write(body, 0, Math.min(bytesToSend, body.length));
    out.flush();
  }

  /** Status line and headers of a chunked response, flushed at once so the client sees them immediately. */
  SseWriter startStream(int status, Map<String, String> headers) throws IOException {
    writeHead(status, headers, "Transfer-Encoding: chunked");
    out.flush();
    return new SseWriter(out, () -> reusable = keepAlive);
  }

  /** Closes with {@code SO_LINGER 0}: the kernel sends RST, the client sees "Connection reset". */
  void reset() throws IOException {
    out.flush();
    socket.setSoLinger(true, 0);
    socket.close();
  }

  /**
   * Sends nothing more and waits until the client closes the connection (e.g. on its read timeout) or the
   * server closes it. Reading (and discarding) is what notices the client's close.
   */
  void stall() throws IOException {
    out.flush();
    socket.setSoTimeout(0);
    byte[] discard = new byte[1024];
    while (in.read(discard) != -1) {
      // keep waiting
    }
  }

  boolean reusable() {
    return reusable;
  }

  private void writeHead(int status, Map<String, String> headers, String framing) throws IOException {
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    head.append(framing).append("\r\n");
    if (!keepAlive) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment Required";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 413 -> "Payload Too Large";
      case 422 -> "Unprocessable Entity";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      case 529 -> "Overloaded"; // Anthropic's own status for a temporarily overloaded API
      default -> "Status " + status;
    };
  }
}

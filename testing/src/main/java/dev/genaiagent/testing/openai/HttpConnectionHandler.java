package dev.genaiagent.testing.openai;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serves one client connection: reads HTTP/1.1 requests one after another (keep-alive) and hands each to the
 * {@link Dispatcher}, until the client closes, a response ends the connection, or the server shuts down.
 *
 * <p>Hand-written on a plain socket rather than {@code com.sun.net.httpserver}: tests run with the
 * OpenTelemetry agent attached, which instruments that server (extra SERVER spans), and faults need the raw
 * socket (RST via {@code SO_LINGER 0}).
 */
final class HttpConnectionHandler implements Runnable {

  /** Answers one parsed request on the given exchange. */
  interface Dispatcher {
    void dispatch(RawRequest request, Exchange exchange) throws IOException, InterruptedException;
  }

  /** A request as read off the wire; the body is already de-chunked. */
  record RawRequest(String method, String target, String version, List<Map.Entry<String, String>> headers,
      byte[] body, long receivedAtNanos) {

    String header(String name) {
      for (Map.Entry<String, String> h : headers) {
        if (h.getKey().equalsIgnoreCase(name)) {
          return h.getValue();
        }
      }
      return null;
    }

    /** HTTP/1.1 keeps the connection unless told otherwise; HTTP/1.0 is served once and closed. */
    boolean keepAlive() {
      String connection = header("Connection");
      boolean close = connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
      return "HTTP/1.1".equals(version) && !close;
    }
  }

  private static final int MAX_LINE = 64 * 1024;
  private static final int MAX_HEADERS = 200;
  private static final int MAX_BODY = 64 * 1024 * 1024;

  private final Socket socket;
  private final Dispatcher dispatcher;
  private final Runnable onClose;

  HttpConnectionHandler(Socket socket, Dispatcher dispatcher, Runnable onClose) {
    this.socket = socket;
    this.dispatcher = dispatcher;
    this.onClose = onClose;
  }

  @Override
  public void run() {
    try (Socket s = socket) {
      // Small SSE chunks must leave immediately, not wait for Nagle's algorithm to coalesce them.
      s.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(s.getInputStream());
      BufferedOutputStream out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
      while (!s.isClosed()) {
        RawRequest request;
        try {
          request = readRequest(in, out);
        } catch (MalformedRequest e) {
          Exchange exchange = new Exchange(s, in, out, false);
          exchange.sendFixed(400, Map.of("Content-Type", "text/plain"),
              e.getMessage().getBytes(StandardCharsets.UTF_8));
          return;
        }
        if (request == null) {
          return; // client closed an idle connection
        }
        Exchange exchange = new Exchange(s, in, out, request.keepAlive());
        dispatcher.dispatch(request, exchange);
        if (!exchange.reusable()) {
          return;
        }
      }
    } catch (IOException e) {
      // The client went away or the server is closing: nothing to answer to.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is closing
    } finally {
      onClose.run();
    }
  }

  /** Returns {@code null} on a clean end of stream before a request line. */
  private static RawRequest readRequest(InputStream in, BufferedOutputStream out) throws IOException {
    String requestLine = readLine(in);
    // RFC 9112 2.2: ignore empty lines before the request line.
    while (requestLine != null && requestLine.isEmpty()) {
      requestLine = readLine(in);
    }
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new MalformedRequest("bad request line");
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    String line;
    while ((line = readLine(in)) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon <= 0 || headers.size() >= MAX_HEADERS) {
        throw new MalformedRequest("bad header");
      }
      headers.add(new AbstractMap.SimpleImmutableEntry<>(line.substring(0, colon).trim(),
          line.substring(colon + 1).trim()));
    }
    if (line == null) {
      throw new EOFException("connection closed inside the request head");
    }
    RawRequest head = new RawRequest(parts[0], parts[1], parts[2], headers, new byte[0], 0);

    String expect = head.header("Expect");
    if (expect != null && expect.equalsIgnoreCase("100-continue")) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    byte[] body = readBody(in, head);
    return new RawRequest(parts[0], parts[1], parts[2], headers, body, System.nanoTime());
  }

  private static byte[] readBody(InputStream in, RawRequest head) throws IOException {
    String transferEncoding = head.header("Transfer-Encoding");
    if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      return readChunked(in);
    }
    String contentLength = head.header("Content-Length");
    if (contentLength == null) {
      return new byte[0]; // HTTP/1.1: no length and not chunked means no body
    }
    long length;
    try {
      length = Long.parseLong(contentLength.trim());
    } catch (NumberFormatException e) {
      throw new MalformedRequest("bad Content-Length");
    }
    if (length < 0 || length > MAX_BODY) {
      throw new MalformedRequest("bad Content-Length");
    }
    return readExactly(in, (int) length);
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      if (sizeLine == null) {
        throw new EOFException("connection closed inside a chunked body");
      }
      int semicolon = sizeLine.indexOf(';'); // chunk extensions are ignored
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new MalformedRequest("bad chunk size");
      }
      if (size < 0 || body.size() + (long) size > MAX_BODY) {
        throw new MalformedRequest("bad chunk size");
      }
      if (size == 0) {
        // Trailer fields, if any, up to the empty line.
        String trailer;
        while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
          // ignored
        }
        return body.toByteArray();
      }
      body.write(readExactly(in, size));
      String crlf = readLine(in);
      if (crlf == null || !crlf.isEmpty()) {
        throw new MalformedRequest("chunk not followed by CRLF");
      }
    }
  }

  private static byte[] readExactly(InputStream in, int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new EOFException("connection closed inside the body");
    }
    return bytes;
  }

  /** A line without its CRLF (a bare LF is accepted too); {@code null} at end of stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
      }
      if (line.size() >= MAX_LINE) {
        throw new MalformedRequest("line too long");
      }
      line.write(b);
    }
    if (line.size() > 0) {
      throw new EOFException("connection closed inside a line");
    }
    return null;
  }

  private static final class MalformedRequest extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedRequest(String message) {
      super(message);
    }
  }
}

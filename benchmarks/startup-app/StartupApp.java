import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Trivial application for benchmarks/startup.sh: starts an HTTP server on 127.0.0.1 (ephemeral port),
 * sends one request to itself with HttpURLConnection, prints the status and exits.
 *
 * <p>It prints two wall-clock timestamps (nanoseconds since the epoch, same clock as bash's
 * {@code date +%s%N}) so the script can derive launch-to-main and launch-to-first-response:
 * {@code MAIN_EPOCH_NS=...} on entering main, {@code RESPONSE_EPOCH_NS=...} once the response is read.
 */
public final class StartupApp {
  public static void main(String[] args) throws Exception {
    long mainNs = epochNanos();

    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();

    int status;
    try {
      URL url = new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/hello");
      HttpURLConnection connection = (HttpURLConnection) url.openConnection();
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(5_000);
      status = connection.getResponseCode();
      try (InputStream in = connection.getInputStream()) {
        in.readAllBytes();
      }
      connection.disconnect();
    } finally {
      server.stop(0);
    }
    long responseNs = epochNanos();

    System.out.println("STATUS=" + status);
    System.out.println("MAIN_EPOCH_NS=" + mainNs);
    System.out.println("RESPONSE_EPOCH_NS=" + responseNs);
    System.exit(status == 200 ? 0 : 1);
  }

  private static long epochNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}

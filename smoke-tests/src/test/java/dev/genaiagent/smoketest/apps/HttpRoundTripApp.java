package dev.genaiagent.smoketest.apps;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * An application with no GenAI library and no OpenTelemetry dependency: one HTTP request to a server
 * it starts itself, so upstream instrumentation has a CLIENT and a SERVER span to produce.
 */
public final class HttpRoundTripApp {

  public static void main(String[] args) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/hello", exchange -> {
      byte[] body = "hi".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hello");
      HttpResponse<String> response = HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      System.out.println("status=" + response.statusCode() + " body=" + response.body());
      if (response.statusCode() != 200) {
        System.exit(1);
      }
    } finally {
      server.stop(0);
    }
  }
}

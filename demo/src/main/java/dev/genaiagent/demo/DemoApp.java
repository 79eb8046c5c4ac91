package dev.genaiagent.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A question-answering service in miniature: a client asks over HTTP, the service retrieves the
 * closest documents from PostgreSQL with pgvector. Run by ./demo.sh with the agent attached; the
 * trace tree it prints is produced by the agent alone.
 */
public final class DemoApp {
  private static final String PG_URL = env("GENAI_PG_URL", "jdbc:postgresql://127.0.0.1:5432/genai");
  private static final String PG_USER = env("GENAI_PG_USER", "genai");
  private static final String PG_PASSWORD = env("GENAI_PG_PASSWORD", "genai");

  public static void main(String[] args) throws Exception {
    boolean database = prepareDocuments();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ask", exchange -> {
      String answer = database ? retrieve("[0.9,0.1,0.0]") : "(no database: start PostgreSQL with pgvector)";
      byte[] body = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ask");
      HttpResponse<String> response =
          client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      System.out.println("answer: " + response.body());
    } finally {
      server.stop(0);
    }
  }

  private static boolean prepareDocuments() {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS vector");
      s.execute("CREATE TABLE IF NOT EXISTS demo_docs (id text PRIMARY KEY, body text, embedding vector(3))");
      s.execute("INSERT INTO demo_docs VALUES"
          + " ('refunds', 'Refunds take 5 days', '[1,0,0]'),"
          + " ('shipping', 'Shipping is free over 50 EUR', '[0,1,0]'),"
          + " ('returns', 'Returns within 30 days', '[0.7,0.3,0]') ON CONFLICT (id) DO NOTHING");
      return true;
    } catch (SQLException e) {
      System.out.println("PostgreSQL not reachable at " + PG_URL + ": " + e.getMessage());
      return false;
    }
  }

  private static String retrieve(String queryVector) throws IOException {
    String sql = "SELECT id, body, embedding <=> ?::vector AS distance FROM demo_docs ORDER BY distance LIMIT 2";
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, queryVector);
      List<String> hits = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          hits.add(rs.getString("id") + String.format(" (%.3f)", rs.getDouble("distance")));
        }
      }
      return String.join(", ", hits);
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isEmpty() ? fallback : v;
  }

  private DemoApp() {}
}

package dev.genaiagent.demo;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.sun.net.httpserver.HttpServer;
import dev.genaiagent.testing.openai.OpenAiTestServer;
import dev.genaiagent.testing.openai.Script;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A support assistant in miniature, with no telemetry code of its own: a client asks over HTTP; the
 * service embeds the question, retrieves the closest help articles from PostgreSQL with pgvector,
 * asks the model (which calls a tool), runs the tool, and streams the final answer; then the same
 * assistant as a LangChain4j AI service ({@link LangChain4jDemo}). ./demo.sh runs it with the agent
 * attached; every span in the printed trace tree comes from the agent.
 *
 * <p>It talks to a local OpenAI-compatible server unless OPENAI_API_KEY is set (then OPENAI_BASE_URL,
 * default https://api.openai.com/v1, and OPENAI_CHAT_MODEL / OPENAI_EMBEDDING_MODEL).
 */
public final class DemoApp {
  private static final int DIMENSIONS = 8;
  private static final String PG_URL = env("GENAI_PG_URL", "jdbc:postgresql://127.0.0.1:5432/genai");
  private static final String PG_USER = env("GENAI_PG_USER", "genai");
  private static final String PG_PASSWORD = env("GENAI_PG_PASSWORD", "genai");
  private static final String[][] ARTICLES = {
      {"refunds", "Refunds reach your card within 5 business days."},
      {"shipping", "Shipping is free for orders over 50 EUR."},
      {"returns", "Items can be returned within 30 days."}};

  private final OpenAIClient openai;
  private final String chatModel;
  private final String embeddingModel;
  private final boolean database;

  private DemoApp(OpenAIClient openai, String chatModel, String embeddingModel) {
    this.openai = openai;
    this.chatModel = chatModel;
    this.embeddingModel = embeddingModel;
    this.database = storeArticles();
  }

  public static void main(String[] args) throws Exception {
    String apiKey = System.getenv("OPENAI_API_KEY");
    OpenAiTestServer local = null;
    String baseUrl;
    if (apiKey == null || apiKey.isEmpty()) {
      local = OpenAiTestServer.start();
      scriptLocalModel(local);
      LangChain4jDemo.scriptLocalModel(local);
      baseUrl = local.baseUrl();
      apiKey = "sk-local-demo";
      System.out.println("Using the local OpenAI-compatible server at " + baseUrl);
    } else {
      baseUrl = env("OPENAI_BASE_URL", "https://api.openai.com/v1");
      System.out.println("Using " + baseUrl);
    }
    OpenAIClient openai = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey(apiKey).build();
    try {
      String chatModel = env("OPENAI_CHAT_MODEL", "gpt-4o-mini");
      new DemoApp(openai, chatModel, env("OPENAI_EMBEDDING_MODEL", "text-embedding-3-small"))
          .serveOneQuestion("Where is my refund for order 1234?");
      LangChain4jDemo.run(baseUrl, apiKey, chatModel, ARTICLES);
    } finally {
      openai.close();
      if (local != null) {
        local.close();
      }
    }
  }

  /** What the local model answers, in the order the demo asks. */
  private static void scriptLocalModel(OpenAiTestServer server) {
    server.enqueue(
        Script.embeddings().dimensions(DIMENSIONS), // the articles
        Script.embeddings().dimensions(DIMENSIONS), // the question
        Script.chat().toolCall("call_1", "order_status", "{\"order_id\":\"1234\"}").usage(180, 18),
        Script.chat().content("Your refund for order 1234 was issued yesterday; it reaches your card within"
                + " 5 business days.").chunkSize(6).usage(230, 27).cachedTokens(128)
            .firstChunkDelay(Duration.ofMillis(250)).interChunkDelay(Duration.ofMillis(15)));
  }

  private void serveOneQuestion(String question) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ask", exchange -> {
      String answer;
      try {
        answer = answer(question);
      } catch (Exception e) {
        answer = "error: " + e;
      }
      byte[] body = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ask");
      HttpResponse<String> response = HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      System.out.println("Q: " + question);
      System.out.println("A: " + response.body());
    } finally {
      server.stop(0);
    }
  }

  private String answer(String question) throws SQLException {
    List<String> context = database ? retrieve(embed(List.of(question)).get(0)) : List.of();
    ChatCompletionCreateParams.Builder chat = ChatCompletionCreateParams.builder()
        .model(chatModel)
        .addSystemMessage("You are a support assistant. Use these articles: " + String.join(" ", context))
        .addUserMessage(question)
        .addTool(orderStatusTool());
    ChatCompletion first = openai.chat().completions().create(chat.build());
    chat.addMessage(first.choices().get(0).message());
    for (ChatCompletionMessageToolCall call : first.choices().get(0).message().toolCalls().orElse(List.of())) {
      chat.addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.asFunction().id())
          .content(orderStatus(call.asFunction().function().arguments())).build());
    }
    StringBuilder answer = new StringBuilder();
    try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(chat
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
      stream.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(answer::append)));
    }
    return answer.toString();
  }

  private static String orderStatus(String argumentsJson) {
    return "{\"order\":\"1234\",\"refund\":\"issued yesterday\"}";
  }

  private static ChatCompletionFunctionTool orderStatusTool() {
    return ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
        .name("order_status").description("Status of an order and its refund")
        .parameters(FunctionParameters.builder()
            .putAdditionalProperty("type", JsonValue.from("object"))
            .putAdditionalProperty("properties", JsonValue.from(Map.of("order_id", Map.of("type", "string"))))
            .putAdditionalProperty("required", JsonValue.from(List.of("order_id")))
            .build())
        .build()).build();
  }

  private List<String> embed(List<String> texts) {
    List<String> vectors = new ArrayList<>();
    openai.embeddings().create(EmbeddingCreateParams.builder().model(embeddingModel)
            .inputOfArrayOfStrings(texts).dimensions(DIMENSIONS).build())
        .data().forEach(e -> vectors.add(e.embedding().toString().replace(" ", "")));
    return vectors;
  }

  private boolean storeArticles() {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS vector");
      s.execute("DROP TABLE IF EXISTS demo_articles");
      s.execute("CREATE TABLE demo_articles (id text PRIMARY KEY, body text, embedding vector(" + DIMENSIONS + "))");
      List<String> bodies = new ArrayList<>();
      for (String[] a : ARTICLES) {
        bodies.add(a[1]);
      }
      List<String> vectors = embed(bodies);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO demo_articles VALUES (?, ?, ?::vector)")) {
        for (int i = 0; i < ARTICLES.length; i++) {
          insert.setString(1, ARTICLES[i][0]);
          insert.setString(2, ARTICLES[i][1]);
          insert.setString(3, vectors.get(i));
          insert.executeUpdate();
        }
      }
      return true;
    } catch (SQLException e) {
      System.out.println("PostgreSQL with pgvector not reachable at " + PG_URL + " (" + e.getMessage()
          + "); answering without retrieval. .ci/install-postgres.sh sets it up.");
      return false;
    }
  }

  private List<String> retrieve(String queryVector) throws SQLException {
    String sql = "SELECT body, embedding <=> ?::vector AS distance FROM demo_articles ORDER BY distance LIMIT 2";
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, queryVector);
      List<String> hits = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          hits.add(rs.getString("body"));
        }
      }
      return hits;
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isEmpty() ? fallback : v;
  }
}

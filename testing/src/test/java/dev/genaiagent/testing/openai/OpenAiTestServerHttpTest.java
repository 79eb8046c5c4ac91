package dev.genaiagent.testing.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 and SSE wire format, checked byte by byte on raw sockets, plus scripting semantics. */
class OpenAiTestServerHttpTest {

  private static final String CHAT_BODY =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  private OpenAiTestServer server;

  @BeforeEach
  void setUp() {
    server = OpenAiTestServer.start();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  // ---------------------------------------------------------------- HTTP framing

  @Test
  void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
    try (Socket socket = connect()) {
      for (int i = 0; i < 3; i++) {
        send(socket, post("/v1/chat/completions", CHAT_BODY));
        RawResponse response = RawResponse.read(socket.getInputStream());
        assertThat(response.status).isEqualTo(200);
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(response.body.length));
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.header("Connection")).isNull();
      }
    }
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void chunkedRequestBodyIsReassembled() throws Exception {
    byte[] body = CHAT_BODY.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream chunked = new ByteArrayOutputStream();
    chunked.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    chunked.write("10;ext=1\r\n".getBytes(StandardCharsets.US_ASCII));
    chunked.write(body, 0, 16);
    chunked.write(("\r\n" + Integer.toHexString(body.length - 16) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    chunked.write(body, 16, body.length - 16);
    chunked.write("\r\n0\r\nX-Trailer: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    try (Socket socket = connect()) {
      send(socket, chunked.toByteArray());
      assertThat(RawResponse.read(socket.getInputStream()).status).isEqualTo(200);
    }
    assertThat(server.takeRequest().body()).isEqualTo(CHAT_BODY);
  }

  @Test
  void expectContinueAndConnectionClose() throws Exception {
    byte[] body = CHAT_BODY.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = connect()) {
      send(socket, ("POST /chat/completions HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nConnection: close\r\n"
          + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      assertThat(RawResponse.readLine(in)).isEqualTo("HTTP/1.1 100 Continue");
      assertThat(RawResponse.readLine(in)).isEmpty();
      send(socket, body);
      RawResponse response = RawResponse.read(in);
      assertThat(response.status).isEqualTo(200);
      assertThat(response.header("Connection")).isEqualTo("close");
      assertThat(in.read()).isEqualTo(-1); // the server closed
    }
  }

  @Test
  void sseIsChunkedOneEventPerChunk() throws Exception {
    server.enqueue(Script.chat().chunks("Hel", "lo").usage(3, 2));
    String body = "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    try (Socket socket = connect()) {
      send(socket, post("/v1/chat/completions", body));
      RawResponse response = RawResponse.read(socket.getInputStream());

      assertThat(response.header("Content-Type")).isEqualTo("text/event-stream; charset=utf-8");
      assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
      assertThat(response.chunks).hasSize(6);
      for (String chunk : response.chunks) {
        assertThat(chunk).startsWith("data: ").endsWith("\n\n").doesNotContain("event:");
        assertThat(chunk.substring(0, chunk.length() - 2)).doesNotContain("\n");
      }
      assertThat(response.chunks.get(5)).isEqualTo("data: [DONE]\n\n");

      Map<?, ?> role = data(response.chunks.get(0));
      assertThat(role.get("object")).isEqualTo("chat.completion.chunk");
      assertThat(role.containsKey("usage")).isTrue();
      assertThat(role.get("usage")).isNull();
      assertThat(choice(role).get("delta")).isEqualTo(Json.obj("role", "assistant", "content", "", "refusal",
          null));
      assertThat(choice(role).containsKey("finish_reason")).isTrue();
      assertThat(((Map<?, ?>) choice(data(response.chunks.get(1))).get("delta")).get("content")).isEqualTo("Hel");
      assertThat(choice(data(response.chunks.get(3))).get("finish_reason")).isEqualTo("stop");
      Map<?, ?> usage = data(response.chunks.get(4));
      assertThat(usage.get("choices")).isEqualTo(List.of());
      assertThat(((Map<?, ?>) usage.get("usage")).get("total_tokens")).isEqualTo(5L);

      // The connection is reusable after the terminating chunk.
      send(socket, post("/v1/chat/completions", CHAT_BODY));
      assertThat(RawResponse.read(socket.getInputStream()).status).isEqualTo(200);
    }
  }

  @Test
  void responsesSseNamesEachEventAfterItsType() throws Exception {
    try (Socket socket = connect()) {
      send(socket, post("/v1/responses", "{\"model\":\"m\",\"stream\":true,\"input\":\"hello you\"}"));
      RawResponse response = RawResponse.read(socket.getInputStream());
      long expectedSequence = 0;
      for (String chunk : response.chunks) {
        assertThat(chunk).startsWith("event: ").endsWith("\n\n");
        String name = chunk.substring("event: ".length(), chunk.indexOf('\n'));
        Map<?, ?> data = (Map<?, ?>) Json.parse(chunk.substring(chunk.indexOf("\ndata: ") + 7).trim());
        assertThat(data.get("type")).isEqualTo(name);
        assertThat(data.get("sequence_number")).isEqualTo(expectedSequence++);
      }
      String last = response.chunks.get(response.chunks.size() - 1);
      assertThat(last).startsWith("event: response.completed\n");
      assertThat(response.chunks).noneMatch(c -> c.contains("[DONE]"));
    }
  }

  @Test
  void pathsWithAndWithoutV1() throws Exception {
    for (String path : List.of("/v1/embeddings", "/embeddings", "/v1/embeddings/", "/v1/embeddings?x=1")) {
      try (Socket socket = connect()) {
        send(socket, post(path, "{\"model\":\"m\",\"input\":\"x\"}"));
        assertThat(RawResponse.read(socket.getInputStream()).status).as(path).isEqualTo(200);
      }
    }
    assertThat(server.requests()).extracting(RecordedRequest::api).containsOnly(Api.EMBEDDINGS);
    assertThat(server.requests().get(3).path()).isEqualTo("/v1/embeddings");
    assertThat(server.requests().get(3).target()).isEqualTo("/v1/embeddings?x=1");
  }

  @Test
  void unknownPathsAndMethodsGetOpenAisInvalidUrlError() throws Exception {
    try (Socket socket = connect()) {
      send(socket, post("/v1/nope", "{}"));
      RawResponse response = RawResponse.read(socket.getInputStream());
      assertThat(response.status).isEqualTo(404);
      Map<?, ?> error = (Map<?, ?>) ((Map<?, ?>) Json.parse(response.text())).get("error");
      assertThat(error.get("message")).isEqualTo("Invalid URL (POST /v1/nope)");
      assertThat(error.get("type")).isEqualTo("invalid_request_error");
      assertThat(error.containsKey("param") && error.containsKey("code")).isTrue();

      send(socket, "GET /v1/chat/completions HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(RawResponse.read(socket.getInputStream()).status).isEqualTo(404);
    }
    assertThat(server.requests()).extracting(RecordedRequest::api).containsOnlyNulls();
  }

  @Test
  void malformedBodiesGet400WithParam() throws Exception {
    try (Socket socket = connect()) {
      send(socket, post("/v1/chat/completions", "{not json"));
      RawResponse notJson = RawResponse.read(socket.getInputStream());
      assertThat(notJson.status).isEqualTo(400);
      assertThat(notJson.text()).contains("\"type\":\"invalid_request_error\"");

      send(socket, post("/v1/chat/completions", "{\"model\":\"m\"}"));
      RawResponse missing = RawResponse.read(socket.getInputStream());
      assertThat(missing.status).isEqualTo(400);
      assertThat(missing.text()).contains("\"param\":\"messages\"", "\"code\":\"missing_required_parameter\"");
    }
  }

  @Test
  void resetIsATcpReset() throws Exception {
    server.enqueue(Script.fault(Fault.RESET_BEFORE_RESPONSE));
    try (Socket socket = connect()) {
      send(socket, post("/v1/chat/completions", CHAT_BODY));
      assertThatThrownBy(() -> RawResponse.read(socket.getInputStream()))
          .isInstanceOf(SocketException.class).hasMessageContaining("reset");
    }
  }

  @Test
  void resetMidStreamOfANonStreamingAnswerTruncatesTheBody() throws Exception {
    server.enqueue(Script.chat().withFault(Fault.resetMidStream(0)));
    try (Socket socket = connect()) {
      send(socket, post("/v1/chat/completions", CHAT_BODY));
      assertThatThrownBy(() -> RawResponse.read(socket.getInputStream())).isInstanceOfAny(SocketException.class,
          EOFException.class);
    }
  }

  // ---------------------------------------------------------------- other clients

  @Test
  void jdkHttpClientWithItsHttp2UpgradeAttemptAndConcurrency() throws Exception {
    // LangChain4j's default HTTP client is the JDK's, which offers an h2c upgrade the server must ignore.
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/embeddings"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"input\":\"text " + i + "\"}")).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> call : calls) {
      HttpResponse<String> response = call.get(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

    HttpResponse<java.util.stream.Stream<String>> stream = http.send(HttpRequest.newBuilder(
        URI.create(server.rootUrl() + "/chat/completions"))
        .POST(HttpRequest.BodyPublishers.ofString(CHAT_BODY.replace("{", "{\"stream\":true,"))).build(),
        HttpResponse.BodyHandlers.ofLines());
    List<String> dataLines = stream.body().filter(l -> l.startsWith("data: ")).toList();
    assertThat(dataLines.get(dataLines.size() - 1)).isEqualTo("data: [DONE]");
  }

  @Test
  void standaloneMainPrintsTheBaseUrl() throws Exception {
    Path classes = Path.of(OpenAiTestServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classes.toString(), OpenAiTestServer.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
      String baseUrl = out.readLine();
      assertThat(baseUrl).matches("http://127\\.0\\.0\\.1:\\d+/v1");
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(baseUrl + "/chat/completions")).POST(HttpRequest.BodyPublishers.ofString(CHAT_BODY)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).contains("\"content\":\"Echo: hi\"");
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  // ---------------------------------------------------------------- scripting semantics

  @Test
  void scriptsAreMatchedPerOperationInQueueOrder() throws Exception {
    server.enqueue(Script.chat().content("first chat"), Script.embeddings().dimensions(3),
        Script.chat().content("second chat"));

    assertThat(chatContent()).isEqualTo("first chat");
    assertThat(chatContent()).isEqualTo("second chat");
    assertThat(server.pendingScripts()).isEqualTo(1);
    assertThat(embeddingLength()).isEqualTo(3);
    assertThat(chatContent()).isEqualTo("Echo: hi"); // queue empty: the default answer
  }

  @Test
  void timesDefaultsAndReset() throws Exception {
    server.enqueue(Script.chat().content("twice").times(2));
    server.setDefault(Script.chat().content("fallback"));

    assertThat(chatContent()).isEqualTo("twice");
    assertThat(chatContent()).isEqualTo("twice");
    assertThat(chatContent()).isEqualTo("fallback");

    server.enqueue(Script.chat().content("dropped"));
    server.reset();
    assertThat(server.requests()).isEmpty();
    assertThat(chatContent()).isEqualTo("fallback");
  }

  @Test
  void scriptsAreSnapshottedWhenQueued() throws Exception {
    Script script = Script.chat().content("original");
    server.enqueue(script);
    script.content("changed later");

    assertThat(chatContent()).isEqualTo("original");
  }

  @Test
  void takeRequestReturnsInOrderAndNullOnTimeout() throws Exception {
    chatContent();
    embeddingLength();

    assertThat(server.takeRequest().api()).isEqualTo(Api.CHAT_COMPLETIONS);
    assertThat(server.takeRequest().api()).isEqualTo(Api.EMBEDDINGS);
    assertThat(server.takeRequest(Duration.ofMillis(50))).isNull();
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void embeddingsAcceptTokenArrays() throws Exception {
    Map<?, ?> body = postJson("/v1/embeddings", "{\"model\":\"m\",\"input\":[[1,2,3],[4,5]]}");
    assertThat((List<?>) body.get("data")).hasSize(2);
    assertThat(((Map<?, ?>) body.get("usage")).get("prompt_tokens")).isEqualTo(5L);
    assertThat(body.get("object")).isEqualTo("list");
  }

  @Test
  void chatWithSeveralChoices() throws Exception {
    Map<?, ?> body = postJson("/v1/chat/completions", CHAT_BODY.replace("{", "{\"n\":3,"));
    List<Object> indexes = ((List<?>) body.get("choices")).stream().map(c -> ((Map<?, ?>) c).get("index"))
        .map(Object.class::cast).toList();
    assertThat(indexes).containsExactly(0L, 1L, 2L);
  }

  // ---------------------------------------------------------------- helpers

  private String chatContent() throws IOException {
    Map<?, ?> body = postJson("/v1/chat/completions", CHAT_BODY);
    return (String) ((Map<?, ?>) choice(body).get("message")).get("content");
  }

  private int embeddingLength() throws IOException {
    Map<?, ?> body = postJson("/v1/embeddings", "{\"model\":\"m\",\"input\":\"x\"}");
    return ((List<?>) ((Map<?, ?>) ((List<?>) body.get("data")).get(0)).get("embedding")).size();
  }

  private Map<?, ?> postJson(String path, String body) throws IOException {
    try (Socket socket = connect()) {
      send(socket, post(path, body));
      RawResponse response = RawResponse.read(socket.getInputStream());
      assertThat(response.status).isEqualTo(200);
      return (Map<?, ?>) Json.parse(response.text());
    }
  }

  private static Map<?, ?> data(String event) {
    return (Map<?, ?>) Json.parse(event.substring("data: ".length()).trim());
  }

  private static Map<?, ?> choice(Map<?, ?> object) {
    return (Map<?, ?>) ((List<?>) object.get("choices")).get(0);
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static byte[] post(String path, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer sk-test\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
    byte[] head8 = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head8.length + body.length];
    System.arraycopy(head8, 0, all, 0, head8.length);
    System.arraycopy(body, 0, all, head8.length, body.length);
    return all;
  }

  private static void send(Socket socket, byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
  }

  /** A response read off the wire, keeping the chunk boundaries of a chunked body. */
  private static final class RawResponse {
    int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    byte[] body;
    final List<String> chunks = new ArrayList<>();

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    static RawResponse read(InputStream in) throws IOException {
      RawResponse r = new RawResponse();
      String statusLine = readLine(in);
      if (statusLine == null) {
        throw new EOFException("no response");
      }
      r.status = Integer.parseInt(statusLine.split(" ")[1]);
      String line;
      while (!(line = readLine(in)).isEmpty()) {
        int colon = line.indexOf(':');
        r.headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
      if ("chunked".equals(r.header("Transfer-Encoding"))) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
          int size = Integer.parseInt(readLine(in), 16);
          if (size == 0) {
            assertThat(readLine(in)).isEmpty();
            break;
          }
          byte[] chunk = in.readNBytes(size);
          if (chunk.length < size) {
            throw new EOFException("truncated chunk");
          }
          r.chunks.add(new String(chunk, StandardCharsets.UTF_8));
          all.write(chunk);
          assertThat(readLine(in)).isEmpty();
        }
        r.body = all.toByteArray();
      } else {
        int length = Integer.parseInt(r.header("Content-Length"));
        r.body = in.readNBytes(length);
        if (r.body.length < length) {
          throw new EOFException("truncated body");
        }
      }
      return r;
    }

    static String readLine(InputStream in) throws IOException {
      StringBuilder sb = new StringBuilder();
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          return sb.toString();
        }
        if (b != '\r') {
          sb.append((char) b);
        }
      }
      if (sb.length() == 0) {
        return null;
      }
      throw new EOFException("truncated line");
    }
  }
}

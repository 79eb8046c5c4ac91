package dev.genaiagent.testing.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anthropic's Messages API as a plain HTTP client sees it: message JSON, the named SSE events in their
 * documented order and framing, errors with Anthropic's statuses and bodies, and the server's scripting, pacing
 * and faults applied to it.
 */
class AnthropicMessagesTest {

  private static final String VERSION = "2023-06-01";
  private static final String KEY = "sk-ant-test";
  private static final String BODY = """
      {"model":"claude-sonnet-4-5","max_tokens":1024,"messages":[{"role":"user","content":"hi"}]}""";
  private static final String STREAM_BODY = BODY.replace("{\"model\"", "{\"stream\":true,\"model\"");

  private final HttpClient http = HttpClient.newHttpClient();
  private OpenAiTestServer server;

  @BeforeEach
  void setUp() {
    server = OpenAiTestServer.start();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  // ---------------------------------------------------------------- messages

  @Test
  void textMessage() throws Exception {
    server.enqueue(Script.anthropic().content("Hello there").usage(12, 5).model("claude-sonnet-4-5-20250929"));

    HttpResponse<String> response = post("/v1/messages", BODY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValue("request-id")).get().asString().matches("req_[0-9a-f]{24}");
    Map<String, Object> message = json(response);
    assertThat((String) message.remove("id")).matches("msg_[0-9a-f]{24}");
    assertThat(message).isEqualTo(Json.parse("""
        {"type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
         "content":[{"type":"text","text":"Hello there"}],
         "stop_reason":"end_turn","stop_sequence":null,
         "usage":{"input_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,
                  "cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},
                  "output_tokens":5,"service_tier":"standard"}}"""));

    RecordedRequest request = server.takeRequest();
    assertThat(request.api()).isEqualTo(Api.ANTHROPIC_MESSAGES);
    assertThat(request.path()).isEqualTo("/v1/messages");
    assertThat(request.header("x-api-key")).isEqualTo(KEY);
    assertThat(request.header("anthropic-version")).isEqualTo(VERSION);
    assertThat(request.model()).isEqualTo("claude-sonnet-4-5");
    assertThat(request.toString()).doesNotContain(KEY).contains("x-api-key: <redacted>");
  }

  @Test
  void toolUseBlocksFollowTheTextBlock() throws Exception {
    server.enqueue(Script.anthropic().content("Let me check.")
        .toolUse("toolu_01A09q90qw90lq917835lq9", "get_weather", "{\"city\":\"Paris\",\"days\":2}")
        .toolUse("get_time", "{}"));

    Map<String, Object> message = json(post("/v1/messages", BODY));

    List<?> content = (List<?>) message.get("content");
    assertThat(content).hasSize(3);
    assertThat(content.get(0)).isEqualTo(Json.parse("{\"type\":\"text\",\"text\":\"Let me check.\"}"));
    assertThat(content.get(1)).isEqualTo(Json.parse("""
        {"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"get_weather",
         "input":{"city":"Paris","days":2}}"""));
    Map<?, ?> generated = (Map<?, ?>) content.get(2);
    assertThat((String) generated.get("id")).matches("toolu_[0-9a-f]{24}");
    assertThat(generated.get("input")).isEqualTo(Map.of());
    assertThat(message.get("stop_reason")).isEqualTo("tool_use");
  }

  @Test
  void toolUseOnlyHasNoTextBlock() throws Exception {
    server.enqueue(Script.anthropic().toolUse("toolu_1", "get_weather", "{\"city\":\"Paris\"}"));

    List<?> content = (List<?>) json(post("/v1/messages", BODY)).get("content");

    assertThat(content.stream().<Object>map(block -> ((Map<?, ?>) block).get("type")).toList())
        .containsExactly("tool_use");
  }

  @Test
  void toolUseInputMustBeAJsonObject() {
    assertThatThrownBy(() -> Script.anthropic().toolUse("f", "[1,2]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> Script.anthropic().toolUse("f", "{city:"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
  }

  @Test
  void cacheTokensAreReportedApartFromInputTokens() throws Exception {
    Script script = Script.anthropic().content("ok").usage(50, 7).cacheRead(1000).cacheCreation(200);
    server.enqueue(script, script);

    Map<?, ?> usage = (Map<?, ?>) json(post("/v1/messages", BODY)).get("usage");
    assertThat(usage).isEqualTo(Json.parse("""
        {"input_tokens":50,"cache_creation_input_tokens":200,"cache_read_input_tokens":1000,
         "cache_creation":{"ephemeral_5m_input_tokens":200,"ephemeral_1h_input_tokens":0},
         "output_tokens":7,"service_tier":"standard"}"""));

    List<Event> events = events(post("/v1/messages", STREAM_BODY));
    Map<?, ?> startUsage = (Map<?, ?>) ((Map<?, ?>) events.get(0).data().get("message")).get("usage");
    assertThat(startUsage.get("input_tokens")).isEqualTo(50L);
    assertThat(startUsage.get("cache_read_input_tokens")).isEqualTo(1000L);
    assertThat(startUsage.get("cache_creation_input_tokens")).isEqualTo(200L);
    assertThat(startUsage.get("output_tokens")).isEqualTo(1L);
    assertThat(last(events, "message_delta").get("usage")).isEqualTo(Json.parse("""
        {"input_tokens":50,"cache_creation_input_tokens":200,"cache_read_input_tokens":1000,
         "output_tokens":7}"""));
  }

  @Test
  void stopSequenceAndMaxTokens() throws Exception {
    server.enqueue(Script.anthropic().content("one two").stopSequence("END"),
        Script.anthropic().content("one two").stopSequence("END"),
        Script.anthropic().content("cut").stopReason("max_tokens"));

    Map<String, Object> message = json(post("/v1/messages", BODY));
    assertThat(message.get("stop_reason")).isEqualTo("stop_sequence");
    assertThat(message.get("stop_sequence")).isEqualTo("END");
    assertThat(last(events(post("/v1/messages", STREAM_BODY)), "message_delta").get("delta"))
        .isEqualTo(Json.parse("{\"stop_reason\":\"stop_sequence\",\"stop_sequence\":\"END\"}"));
    assertThat(json(post("/v1/messages", BODY)).get("stop_reason")).isEqualTo("max_tokens");
  }

  @Test
  void defaultAnswerEchoesTheLastUserTextAndEstimatesUsage() throws Exception {
    String body = """
        {"model":"claude-haiku-4-5","max_tokens":64,"system":[{"type":"text","text":"You are terse."}],
         "messages":[{"role":"user","content":[{"type":"text","text":"hello there"}]}]}""";

    Map<String, Object> message = json(post("/v1/messages", body));

    assertThat(message.get("model")).isEqualTo("claude-haiku-4-5");
    assertThat(message.get("content")).isEqualTo(Json.parse("[{\"type\":\"text\",\"text\":\"Echo: hello there\"}]"));
    Map<?, ?> usage = (Map<?, ?>) message.get("usage");
    // ceil(length / 4): "You are terse." + "hello there" is 25 characters, "Echo: hello there" 17.
    assertThat(usage.get("input_tokens")).isEqualTo(7L);
    assertThat(usage.get("output_tokens")).isEqualTo(5L);
  }

  // ---------------------------------------------------------------- streaming

  @Test
  void streamedTextHasTheDocumentedEventsInOrder() throws Exception {
    server.enqueue(Script.anthropic().chunks("Hel", "lo", " there").usage(25, 15).id("msg_fixed"));

    HttpResponse<String> response = post("/v1/messages", STREAM_BODY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
    assertThat(response.body()).startsWith("event: message_start\ndata: {\"type\":\"message_start\",")
        .endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n")
        .doesNotContain("[DONE]");
    List<Event> events = events(response);
    assertThat(events).extracting(Event::name).containsExactly("message_start", "content_block_start", "ping",
        "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop",
        "message_delta", "message_stop");
    List<Object> data = new ArrayList<>(events.stream().map(Event::data).toList());
    assertThat(data).containsExactly(
        Json.parse("""
            {"type":"message_start","message":{"id":"msg_fixed","type":"message","role":"assistant",
             "model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,
             "usage":{"input_tokens":25,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,
                      "cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},
                      "output_tokens":1,"service_tier":"standard"}}}"""),
        Json.parse("""
            {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
        Json.parse("{\"type\":\"ping\"}"),
        Json.parse("""
            {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}}"""),
        Json.parse("""
            {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"lo"}}"""),
        Json.parse("""
            {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" there"}}"""),
        Json.parse("{\"type\":\"content_block_stop\",\"index\":0}"),
        Json.parse("""
            {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},
             "usage":{"input_tokens":25,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,
                      "output_tokens":15}}"""),
        Json.parse("{\"type\":\"message_stop\"}"));
  }

  @Test
  void streamedToolUseSendsInputJsonDeltas() throws Exception {
    String input = "{\"city\": \"Paris\", \"unit\": \"celsius\"}";
    server.enqueue(Script.anthropic().content("Checking now.").toolUse("toolu_9", "get_weather", input)
        .chunkSize(6));

    List<Event> events = events(post("/v1/messages", STREAM_BODY));

    List<String> names = events.stream().map(Event::name).toList();
    assertThat(names).containsSubsequence("message_start", "content_block_start", "ping", "content_block_delta",
        "content_block_stop", "content_block_start", "content_block_delta", "content_block_stop",
        "message_delta", "message_stop");
    assertThat(names).filteredOn("ping"::equals).hasSize(1);
    assertThat(names.get(2)).isEqualTo("ping");

    List<Event> toolBlock = events.stream().filter(e -> Long.valueOf(1).equals(e.data().get("index"))).toList();
    assertThat(toolBlock.get(0).data()).isEqualTo(Json.parse("""
        {"type":"content_block_start","index":1,
         "content_block":{"type":"tool_use","id":"toolu_9","name":"get_weather","input":{}}}"""));
    List<Map<?, ?>> deltas = new ArrayList<>();
    for (Event e : toolBlock.subList(1, toolBlock.size() - 1)) {
      deltas.add((Map<?, ?>) e.data().get("delta"));
    }
    assertThat(deltas).allSatisfy(d -> assertThat(d.get("type")).isEqualTo("input_json_delta"));
    // The documented stream opens the input with an empty piece; the rest is the input text in order.
    assertThat(deltas.get(0).get("partial_json")).isEqualTo("");
    List<String> pieces = deltas.stream().map(d -> (String) d.get("partial_json")).toList();
    assertThat(String.join("", pieces)).isEqualTo(input);
    assertThat(pieces.subList(1, pieces.size())).allSatisfy(p -> assertThat(p).hasSizeBetween(1, 6));
    assertThat(toolBlock.get(toolBlock.size() - 1).data())
        .isEqualTo(Json.parse("{\"type\":\"content_block_stop\",\"index\":1}"));

    String text = events.stream().filter(e -> Long.valueOf(0).equals(e.data().get("index")))
        .map(e -> (Map<?, ?>) e.data().get("delta")).filter(d -> d != null)
        .map(d -> (String) d.get("text")).collect(Collectors.joining());
    assertThat(text).isEqualTo("Checking now.");
    assertThat(((Map<?, ?>) last(events, "message_delta").get("delta")).get("stop_reason")).isEqualTo("tool_use");
  }

  @Test
  void toolOnlyStreamPingsAfterTheToolBlockStart() throws Exception {
    server.enqueue(Script.anthropic().toolUse("toolu_2", "get_time", "{}"));

    List<Event> events = events(post("/v1/messages", STREAM_BODY));

    assertThat(events).extracting(Event::name).containsExactly("message_start", "content_block_start", "ping",
        "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
    assertThat(((Map<?, ?>) events.get(1).data().get("content_block")).get("type")).isEqualTo("tool_use");
    assertThat(events.get(4).data().get("delta"))
        .isEqualTo(Json.parse("{\"type\":\"input_json_delta\",\"partial_json\":\"{}\"}"));
  }

  @Test
  void usageVariants() throws Exception {
    server.enqueue(Script.anthropic().content("x").usage(3, 4).outputOnlyDeltaUsage(),
        Script.anthropic().content("x").withoutUsage(),
        Script.anthropic().content("x").withoutUsage());

    assertThat(last(events(post("/v1/messages", STREAM_BODY)), "message_delta").get("usage"))
        .isEqualTo(Json.parse("{\"output_tokens\":4}"));

    List<Event> noUsage = events(post("/v1/messages", STREAM_BODY));
    assertThat(((Map<?, ?>) noUsage.get(0).data().get("message")).containsKey("usage")).isFalse();
    assertThat(last(noUsage, "message_delta")).doesNotContainKey("usage");
    assertThat(json(post("/v1/messages", BODY))).doesNotContainKey("usage");
  }

  @Test
  void errorEventInsideAStreamThatAnswered200() throws Exception {
    server.enqueue(Script.anthropic().content("a b c").streamError(4, "overloaded_error", "Overloaded"));

    HttpResponse<String> response = post("/v1/messages", STREAM_BODY);

    assertThat(response.statusCode()).isEqualTo(200);
    List<Event> events = events(response);
    assertThat(events).extracting(Event::name)
        .containsExactly("message_start", "content_block_start", "ping", "content_block_delta", "error");
    assertThat(events.get(4).data()).isEqualTo(Json.parse("""
        {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""));
  }

  // ---------------------------------------------------------------- paths and matching

  @Test
  void pathsWithAndWithoutV1() throws Exception {
    for (String path : List.of("/v1/messages", "/messages", "/v1/messages/", "/v1/messages?beta=true")) {
      HttpResponse<String> response = post(path, BODY);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(json(response).get("type")).as(path).isEqualTo("message");
    }
    HttpResponse<String> viaBaseUrl = http.send(request(URI.create(server.anthropicBaseUrl() + "messages"), BODY)
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(viaBaseUrl.statusCode()).isEqualTo(200);

    assertThat(server.requests()).extracting(RecordedRequest::api).containsOnly(Api.ANTHROPIC_MESSAGES)
        .hasSize(5);
    assertThat(server.anthropicBaseUrl()).isEqualTo("http://127.0.0.1:" + server.port() + "/v1/");
  }

  @Test
  void scriptsAreConsumedOnlyByTheirProvider() throws Exception {
    server.enqueue(Script.anthropic().content("for anthropic"), Script.chat().content("for openai"));

    HttpResponse<String> chat = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
        .header("Authorization", "Bearer sk-test")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(chat.body()).contains("\"content\":\"for openai\"");
    assertThat(json(post("/v1/messages", BODY)).get("content"))
        .isEqualTo(Json.parse("[{\"type\":\"text\",\"text\":\"for anthropic\"}]"));

    assertThat(server.takeRequest().api()).isEqualTo(Api.CHAT_COMPLETIONS);
    assertThat(server.takeRequest().api()).isEqualTo(Api.ANTHROPIC_MESSAGES);
  }

  @Test
  void setDefaultAppliesToAnthropic() throws Exception {
    server.setDefault(Script.anthropic().content("always this"));

    assertThat(json(post("/v1/messages", BODY)).get("content"))
        .isEqualTo(Json.parse("[{\"type\":\"text\",\"text\":\"always this\"}]"));
  }

  // ---------------------------------------------------------------- errors

  @Test
  void rateLimitedIs429WithRetryAfter() throws Exception {
    server.enqueue(Script.anthropicRateLimited());

    HttpResponse<String> response = post("/v1/messages", BODY);

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("retry-after")).hasValue("1");
    assertThat(response.headers().firstValue("anthropic-ratelimit-requests-remaining")).hasValue("0");
    Map<String, Object> body = json(response);
    assertThat(body.get("type")).isEqualTo("error");
    assertThat(((Map<?, ?>) body.get("error")).get("type")).isEqualTo("rate_limit_error");
    assertThat((String) ((Map<?, ?>) body.get("error")).get("message")).contains("rate limit");
    assertThat(body.get("request_id")).isEqualTo(response.headers().firstValue("request-id").orElseThrow());
    assertThat(body).containsOnlyKeys("type", "error", "request_id");
  }

  @Test
  void overloadedIs529() throws Exception {
    server.enqueue(Script.anthropicOverloaded());

    HttpResponse<String> response = post("/v1/messages", STREAM_BODY);

    assertThat(response.statusCode()).isEqualTo(529);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(withoutRequestId(json(response))).isEqualTo(Json.parse("""
        {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""));
  }

  @Test
  void providerNeutralErrorScriptsGetAnthropicsTypes() throws Exception {
    server.enqueue(Script.serverError(), Script.rateLimited(), Script.error(403, null, "no"),
        Script.anthropicModelNotFound("claude-nope"), Script.anthropicError(413, null, "too big"));

    assertThat(errorOf(post("/v1/messages", BODY))).containsExactly(500L, "api_error");
    assertThat(errorOf(post("/v1/messages", BODY))).containsExactly(429L, "rate_limit_error");
    assertThat(errorOf(post("/v1/messages", BODY))).containsExactly(403L, "permission_error");
    HttpResponse<String> notFound = post("/v1/messages", BODY);
    assertThat(errorOf(notFound)).containsExactly(404L, "not_found_error");
    assertThat(((Map<?, ?>) json(notFound).get("error")).get("message")).isEqualTo("model: claude-nope");
    assertThat(errorOf(post("/v1/messages", BODY))).containsExactly(413L, "request_too_large");
  }

  @Test
  void requiredApiKeyIsReadFromXApiKey() throws Exception {
    server.requireApiKey("sk-ant-right");

    HttpResponse<String> wrong = post("/v1/messages", BODY);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(withoutRequestId(json(wrong))).isEqualTo(Json.parse("""
        {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"""));

    HttpResponse<String> right = http.send(request(uri("/v1/messages"), BODY).setHeader("x-api-key", "sk-ant-right")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(right.statusCode()).isEqualTo(200);

    HttpResponse<String> openAi = http.send(HttpRequest.newBuilder(uri("/v1/chat/completions"))
        .header("Authorization", "Bearer sk-ant-wrong").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(openAi.statusCode()).isEqualTo(401);
    assertThat(openAi.body()).contains("\"code\":\"invalid_api_key\"").doesNotContain("authentication_error");
  }

  @Test
  void malformedRequestsGet400InvalidRequestError() throws Exception {
    assertThat(invalid(post("/v1/messages",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")))
        .isEqualTo("max_tokens: Field required");
    assertThat(invalid(post("/v1/messages", "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[]}")))
        .isEqualTo("messages: at least one message is required");
    assertThat(invalid(post("/v1/messages", "{\"max_tokens\":5,\"messages\":[]}"))).isEqualTo("model: Field required");
    assertThat(invalid(post("/v1/messages", "{not json"))).contains("JSON");

    HttpResponse<String> noVersion = http.send(HttpRequest.newBuilder(uri("/v1/messages"))
        .header("x-api-key", KEY).POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(invalid(noVersion)).isEqualTo("anthropic-version: header is required");
  }

  // ---------------------------------------------------------------- pacing and faults

  @Test
  void firstChunkDelayAndInterChunkDelayPaceTheTextDeltas() throws Exception {
    long first = 300;
    long inter = 100;
    server.enqueue(Script.anthropic().chunks("a", "b", "c").firstChunkDelay(Duration.ofMillis(first))
        .interChunkDelay(Duration.ofMillis(inter)));

    long start = System.nanoTime();
    HttpResponse<InputStream> response = http.send(request(uri("/v1/messages"), STREAM_BODY).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    Map<String, Long> arrivals = new LinkedHashMap<>();
    List<Long> deltaArrivals = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
        StandardCharsets.UTF_8))) {
      String name = null;
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.isEmpty()) {
          long ms = (System.nanoTime() - start) / 1_000_000;
          arrivals.putIfAbsent(name, ms);
          if ("content_block_delta".equals(name)) {
            deltaArrivals.add(ms);
          }
        }
      }
    }

    // Nothing before the first chunk delay; the opening events leave with the first delta.
    assertThat(arrivals.get("message_start")).isGreaterThanOrEqualTo(first);
    assertThat(deltaArrivals).hasSize(3);
    for (int k = 0; k < 3; k++) {
      assertThat(deltaArrivals.get(k)).as("delta %d in %s", k, deltaArrivals).isGreaterThanOrEqualTo(first + k * inter);
    }
    assertThat(deltaArrivals.get(2)).isLessThan(first + 2 * inter + 2_000);
    assertThat(arrivals).containsKey("message_stop");
  }

  @Test
  void resetMidStreamEndsTheStreamWithAnIoException() throws Exception {
    server.enqueue(Script.anthropic().content("one two three").withFault(Fault.resetMidStream(3)));

    HttpResponse<InputStream> response = http.send(request(uri("/v1/messages"), STREAM_BODY).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    assertThatThrownBy(() -> readEventNames(response.body(), names)).isInstanceOf(IOException.class);
    // Events flushed before the reset normally arrive first, but the kernel may drop unread ones on RST.
    assertThat(List.of("message_start", "content_block_start", "ping").subList(0, names.size()))
        .isEqualTo(names);
  }

  @Test
  void stallMidStreamDeliversTheFirstEventsThenNothing() throws Exception {
    server.enqueue(Script.anthropic().content("one two three").withFault(Fault.stallMidStream(4)));

    HttpResponse<InputStream> response = http.send(request(uri("/v1/messages"), STREAM_BODY).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    List<String> names = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
      try {
        readEventNames(response.body(), names);
      } catch (IOException e) {
        // the server closing the stalled connection
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (names.size() < 4 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(300);

    assertThat(names).containsExactly("message_start", "content_block_start", "ping", "content_block_delta");
    assertThat(reading).isNotDone();
    server.close(); // ends the stall
    reading.get(10, TimeUnit.SECONDS);
    assertThat(names).hasSize(4);
  }

  @Test
  void stallBeforeResponseTimesTheClientOut() {
    server.enqueue(Script.fault(Fault.STALL).on(Api.ANTHROPIC_MESSAGES));

    assertThatThrownBy(() -> http.send(request(uri("/v1/messages"), BODY).timeout(Duration.ofMillis(300)).build(),
        HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.net.http.HttpTimeoutException.class);
    assertThat(server.takeRequest().api()).isEqualTo(Api.ANTHROPIC_MESSAGES);
  }

  // ---------------------------------------------------------------- helpers

  /** Adds the name of each complete event (its terminating blank line read) until the stream ends. */
  private static void readEventNames(InputStream body, List<String> names) throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String name = null;
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("event: ")) {
          name = line.substring("event: ".length());
        } else if (line.isEmpty() && name != null) {
          names.add(name);
          name = null;
        }
      }
    }
  }

  /** One SSE event: the {@code event:} name and the parsed {@code data:} object. */
  private record Event(String name, Map<String, Object> data) {}

  /**
   * Parses an Anthropic stream, asserting its framing on the way: events separated by one blank line, each
   * exactly an {@code event:} line then one {@code data:} line whose {@code type} repeats the event name.
   */
  private static List<Event> events(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    String body = response.body();
    assertThat(body).endsWith("\n\n").doesNotContain("\r");
    List<Event> events = new ArrayList<>();
    for (String block : body.substring(0, body.length() - 2).split("\n\n", -1)) {
      String[] lines = block.split("\n", -1);
      assertThat(lines).as(block).hasSize(2);
      assertThat(lines[0]).as(block).startsWith("event: ");
      assertThat(lines[1]).as(block).startsWith("data: ");
      String name = lines[0].substring("event: ".length());
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) Json.parse(lines[1].substring("data: ".length()));
      assertThat(data.get("type")).as(block).isEqualTo(name);
      events.add(new Event(name, data));
    }
    return events;
  }

  private static Map<String, Object> last(List<Event> events, String name) {
    Map<String, Object> found = null;
    for (Event e : events) {
      if (e.name().equals(name)) {
        found = e.data();
      }
    }
    assertThat(found).as("a %s event", name).isNotNull();
    return found;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(HttpResponse<String> response) {
    return (Map<String, Object>) Json.parse(response.body());
  }

  private static Map<String, Object> withoutRequestId(Map<String, Object> body) {
    assertThat((String) body.remove("request_id")).matches("req_[0-9a-f]{24}");
    return body;
  }

  /** Status and {@code error.type} of an Anthropic error response. */
  private static List<Object> errorOf(HttpResponse<String> response) {
    Map<String, Object> body = json(response);
    assertThat(body.get("type")).isEqualTo("error");
    return List.of((long) response.statusCode(), ((Map<?, ?>) body.get("error")).get("type"));
  }

  /** The message of a 400 {@code invalid_request_error}. */
  private static String invalid(HttpResponse<String> response) {
    assertThat(errorOf(response)).containsExactly(400L, "invalid_request_error");
    return (String) ((Map<?, ?>) json(response).get("error")).get("message");
  }

  private URI uri(String path) {
    return URI.create(server.rootUrl() + path);
  }

  private static HttpRequest.Builder request(URI uri, String body) {
    return HttpRequest.newBuilder(uri)
        .header("x-api-key", KEY)
        .header("anthropic-version", VERSION)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return http.send(request(uri(path), body).build(), HttpResponse.BodyHandlers.ofString());
  }
}

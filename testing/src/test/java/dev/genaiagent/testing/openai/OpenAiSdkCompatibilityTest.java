package dev.genaiagent.testing.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseStreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server's answers as the official openai-java SDK sees them. The client validates every parsed object
 * ({@code responseValidation(true)}), so a missing required field or a wrong type fails the test.
 */
class OpenAiSdkCompatibilityTest {

  private OpenAiTestServer server;
  private OpenAIClient client;

  @BeforeEach
  void setUp() {
    server = OpenAiTestServer.start();
    client = OpenAIOkHttpClient.builder()
        .baseUrl(server.baseUrl())
        .apiKey("sk-test")
        .maxRetries(0)
        .responseValidation(true)
        .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  // ---------------------------------------------------------------- chat completions

  @Test
  @SuppressWarnings("deprecation") // the SDK deprecates system_fingerprint; OpenAI still sends it
  void chatCompletionWithUsageDetails() {
    server.enqueue(Script.chat().content("Hello there").finishReason("stop").usage(12, 5).cachedTokens(2)
        .reasoningTokens(1).model("gpt-4o-mini-2024-07-18").serviceTier("default").systemFingerprint("fp_1"));

    ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
        .model("gpt-4o-mini").addUserMessage("Say hello").temperature(0.2).build());

    assertThat(completion.id()).startsWith("chatcmpl-");
    assertThat(completion._object_()).isEqualTo(JsonValue.from("chat.completion"));
    assertThat(completion.model()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(completion.systemFingerprint()).hasValue("fp_1");
    assertThat(completion.serviceTier().map(Object::toString)).hasValue("default");
    ChatCompletion.Choice choice = completion.choices().get(0);
    assertThat(choice.message().content()).hasValue("Hello there");
    assertThat(choice.message().refusal()).isEmpty();
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    CompletionUsage usage = completion.usage().orElseThrow();
    assertThat(usage.promptTokens()).isEqualTo(12);
    assertThat(usage.completionTokens()).isEqualTo(5);
    assertThat(usage.totalTokens()).isEqualTo(17);
    assertThat(usage.promptTokensDetails().orElseThrow().cachedTokens()).hasValue(2L);
    assertThat(usage.completionTokensDetails().orElseThrow().reasoningTokens()).hasValue(1L);

    RecordedRequest request = server.takeRequest();
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.api()).isEqualTo(Api.CHAT_COMPLETIONS);
    assertThat(request.model()).isEqualTo("gpt-4o-mini");
    assertThat(request.json().get("temperature")).isEqualTo(0.2);
    assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
    assertThat(request.toString()).doesNotContain("sk-test").contains("<redacted>");
  }

  @Test
  void chatCompletionWithToolCall() {
    server.enqueue(Script.chat().toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));

    ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
        .model("gpt-4o-mini").addUserMessage("Weather in Paris?")
        .addFunctionTool(FunctionDefinition.builder().name("get_weather").build())
        .build());

    ChatCompletion.Choice choice = completion.choices().get(0);
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
    assertThat(choice.message().content()).isEmpty();
    ChatCompletionMessageFunctionToolCall call = choice.message().toolCalls().orElseThrow().get(0).asFunction();
    assertThat(call.id()).isEqualTo("call_1");
    assertThat(call.function().name()).isEqualTo("get_weather");
    assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat((List<?>) server.takeRequest().json().get("tools")).hasSize(1);
  }

  @Test
  void defaultChatAnswerEchoesTheUserAndEstimatesUsage() {
    ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
        .model("gpt-4o-mini").addSystemMessage("Be brief.").addUserMessage("ping").build());

    assertThat(completion.choices().get(0).message().content()).hasValue("Echo: ping");
    assertThat(completion.model()).isEqualTo("gpt-4o-mini");
    CompletionUsage usage = completion.usage().orElseThrow();
    assertThat(usage.promptTokens()).isEqualTo(Texts.tokens("Be brief.ping"));
    assertThat(usage.completionTokens()).isEqualTo(Texts.tokens("Echo: ping"));
  }

  @Test
  void chatStreamingWithUsage() {
    server.enqueue(Script.chat().content("Hello there").chunkSize(3).usage(12, 5).cachedTokens(2)
        .reasoningTokens(1));

    List<ChatCompletionChunk> chunks = new ArrayList<>();
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
        ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Say hello")
            .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
      stream.stream().forEach(chunk -> {
        chunks.add(chunk);
        accumulator.accumulate(chunk);
      });
    }

    // role chunk, 4 pieces ("Hel", "lo ", "the", "re"), finish chunk, usage chunk; [DONE] ends the stream.
    assertThat(chunks).hasSize(7);
    assertThat(chunks.get(0).choices().get(0).delta().role().map(Object::toString)).hasValue("assistant");
    assertThat(chunks.subList(1, 5)).extracting(c -> c.choices().get(0).delta().content().orElseThrow())
        .containsExactly("Hel", "lo ", "the", "re");
    assertThat(chunks.get(5).choices().get(0).finishReason().map(Object::toString)).hasValue("stop");
    ChatCompletionChunk usageChunk = chunks.get(6);
    assertThat(usageChunk.choices()).isEmpty();
    CompletionUsage usage = usageChunk.usage().orElseThrow();
    assertThat(usage.totalTokens()).isEqualTo(17);
    assertThat(usage.promptTokensDetails().orElseThrow().cachedTokens()).hasValue(2L);
    assertThat(usage.completionTokensDetails().orElseThrow().reasoningTokens()).hasValue(1L);
    assertThat(chunks).allSatisfy(c -> assertThat(c.id()).isEqualTo(chunks.get(0).id()));

    ChatCompletion assembled = accumulator.chatCompletion();
    assertThat(assembled.choices().get(0).message().content()).hasValue("Hello there");
    assertThat(assembled.usage().orElseThrow().completionTokens()).isEqualTo(5);

    Map<String, Object> body = server.takeRequest().json();
    assertThat(body.get("stream")).isEqualTo(true);
    assertThat(body.get("stream_options")).isEqualTo(Map.of("include_usage", true));
  }

  @Test
  void chatStreamingToolCallDeltasAssemble() {
    server.enqueue(Script.chat().toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")
        .toolCall("call_2", "get_time", "{\"tz\":\"CET\"}").chunkSize(5));

    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
        ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Weather and time?").build())) {
      stream.stream().forEach(chunk -> {
        chunks.add(chunk);
        accumulator.accumulate(chunk);
      });
    }

    // Without include_usage there is no usage chunk and no usage field.
    assertThat(chunks).allSatisfy(c -> assertThat(c.usage()).isEmpty());
    ChatCompletionChunk.Choice.Delta.ToolCall first = chunks.get(1).choices().get(0).delta().toolCalls()
        .orElseThrow().get(0);
    assertThat(first.index()).isZero();
    assertThat(first.id()).hasValue("call_1");
    assertThat(first.function().orElseThrow().name()).hasValue("get_weather");

    ChatCompletion assembled = accumulator.chatCompletion();
    ChatCompletion.Choice choice = assembled.choices().get(0);
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
    assertThat(choice.message().toolCalls().orElseThrow()).extracting(
        c -> c.asFunction().id() + " " + c.asFunction().function().name() + " "
            + c.asFunction().function().arguments())
        .containsExactly("call_1 get_weather {\"city\":\"Paris\"}", "call_2 get_time {\"tz\":\"CET\"}");
  }

  // ---------------------------------------------------------------- responses

  @Test
  void responsesCreate() {
    server.enqueue(Script.responses().content("Bonjour").usage(20, 3).cachedTokens(4).reasoningTokens(2));

    Response response = client.responses().create(ResponseCreateParams.builder()
        .model("gpt-4.1-mini").input("Say hello in French").instructions("Be brief.").build());

    assertThat(response.id()).startsWith("resp_");
    assertThat(response._object_()).isEqualTo(JsonValue.from("response"));
    assertThat(response.status().map(Object::toString)).hasValue("completed");
    // A known model name parses into the SDK's ChatModel enum, not the free-form string variant.
    assertThat(response.model().chat().map(Object::toString)).hasValue("gpt-4.1-mini");
    assertThat(response.instructions().orElseThrow().asString()).isEqualTo("Be brief.");
    assertThat(response.parallelToolCalls()).isTrue();
    assertThat(response.tools()).isEmpty();
    assertThat(response.output()).hasSize(1);
    assertThat(response.output().get(0).asMessage().content().get(0).asOutputText().text()).isEqualTo("Bonjour");
    var usage = response.usage().orElseThrow();
    assertThat(usage.inputTokens()).isEqualTo(20);
    assertThat(usage.outputTokens()).isEqualTo(3);
    assertThat(usage.totalTokens()).isEqualTo(23);
    assertThat(usage.inputTokensDetails().cachedTokens()).isEqualTo(4);
    assertThat(usage.outputTokensDetails().reasoningTokens()).isEqualTo(2);

    RecordedRequest request = server.takeRequest();
    assertThat(request.path()).isEqualTo("/v1/responses");
    assertThat(request.json().get("input")).isEqualTo("Say hello in French");
  }

  @Test
  void responsesCreateWithFunctionCall() {
    server.enqueue(Script.responses().toolCall("call_9", "get_weather", "{\"city\":\"Paris\"}"));

    Response response = client.responses().create(ResponseCreateParams.builder()
        .model("gpt-4.1-mini").input("Weather in Paris?").addTool(weatherTool()).build());

    ResponseFunctionToolCall call = response.output().get(0).asFunctionCall();
    assertThat(call.callId()).isEqualTo("call_9");
    assertThat(call.name()).isEqualTo("get_weather");
    assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(call.id().orElseThrow()).startsWith("fc_");
    assertThat(response.tools()).hasSize(1); // the request's tools, echoed as the real API does
    assertThat(response.tools().get(0).asFunction().name()).isEqualTo("get_weather");
  }

  @Test
  void responsesCutShortAreIncomplete() {
    server.enqueue(Script.responses().content("Once upon").finishReason("length"));

    Response response = client.responses().create(ResponseCreateParams.builder()
        .model("gpt-4.1-mini").input("Tell a story").maxOutputTokens(16).build());

    assertThat(response.status().map(Object::toString)).hasValue("incomplete");
    assertThat(response.incompleteDetails().orElseThrow().reason().map(Object::toString))
        .hasValue("max_output_tokens");
    assertThat(response.maxOutputTokens()).hasValue(16L);
  }

  @Test
  void responsesStreaming() {
    server.enqueue(Script.responses().content("Hello there").usage(9, 2).cachedTokens(1)
        .toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));

    List<ResponseStreamEvent> events = new ArrayList<>();
    ResponseAccumulator accumulator = ResponseAccumulator.create();
    try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(
        ResponseCreateParams.builder().model("gpt-4.1-mini").input("Hi").addTool(weatherTool()).build())) {
      stream.stream().forEach(event -> {
        events.add(event);
        accumulator.accumulate(event);
      });
    }

    List<String> types = events.stream().map(OpenAiSdkCompatibilityTest::type).toList();
    assertThat(types).containsExactly(
        "response.created", "response.in_progress",
        "response.output_item.added", "response.content_part.added",
        "response.output_text.delta", "response.output_text.delta",
        "response.output_text.done", "response.content_part.done", "response.output_item.done",
        "response.output_item.added", "response.function_call_arguments.delta",
        "response.function_call_arguments.done", "response.output_item.done",
        "response.completed");
    assertThat(events).extracting(OpenAiSdkCompatibilityTest::sequenceNumber)
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
    assertThat(events.stream().flatMap(e -> e.outputTextDelta().stream()).map(d -> d.delta()).toList())
        .containsExactly("Hello", " there");
    assertThat(events.get(0).asCreated().response().status().map(Object::toString)).hasValue("in_progress");

    Response completed = events.get(events.size() - 1).asCompleted().response();
    assertThat(completed.usage().orElseThrow().inputTokens()).isEqualTo(9);
    assertThat(completed.usage().orElseThrow().outputTokens()).isEqualTo(2);
    assertThat(completed.usage().orElseThrow().inputTokensDetails().cachedTokens()).isEqualTo(1);
    assertThat(completed.output()).hasSize(2);

    Response accumulated = accumulator.response();
    assertThat(accumulated.output().get(0).asMessage().content().get(0).asOutputText().text())
        .isEqualTo("Hello there");
    assertThat(accumulated.output().get(1).asFunctionCall().arguments()).isEqualTo("{\"city\":\"Paris\"}");
  }

  // ---------------------------------------------------------------- embeddings

  @Test
  void embeddingsAsFloatsAndBase64AreTheSameVectors() {
    server.enqueue(Script.embeddings().dimensions(16), Script.embeddings().dimensions(16));

    CreateEmbeddingResponse floats = client.embeddings().create(EmbeddingCreateParams.builder()
        .model("text-embedding-3-small").inputOfArrayOfStrings(List.of("alpha", "beta"))
        .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT).build());
    CreateEmbeddingResponse base64 = client.embeddings().create(EmbeddingCreateParams.builder()
        .model("text-embedding-3-small").inputOfArrayOfStrings(List.of("alpha", "beta"))
        .encodingFormat(EmbeddingCreateParams.EncodingFormat.BASE64).build());

    assertThat(floats.data()).hasSize(2);
    assertThat(floats.data().get(0).embedding()).hasSize(16);
    assertThat(floats.data().get(0).index()).isZero();
    assertThat(floats.data().get(1).index()).isEqualTo(1);
    assertThat(floats.model()).isEqualTo("text-embedding-3-small");
    assertThat(floats.usage().promptTokens()).isEqualTo(Texts.tokens("alpha") + Texts.tokens("beta"))
        .isEqualTo(floats.usage().totalTokens());
    // Unit length, as OpenAI's vectors are.
    double norm = floats.data().get(0).embedding().stream().mapToDouble(f -> f * f).sum();
    assertThat(norm).isCloseTo(1.0, within(1e-5));
    assertThat(floats.data().get(0).embedding()).isNotEqualTo(floats.data().get(1).embedding());

    assertThat(base64.data().get(0).embeddingValue().isBase64()).isTrue();
    assertThat(base64.data().get(0).embeddingValue().asFloats()).isEqualTo(floats.data().get(0).embedding());
    assertThat(base64.data().get(1).embeddingValue().asFloats()).isEqualTo(floats.data().get(1).embedding());

    assertThat(server.takeRequest().json().get("encoding_format")).isEqualTo("float");
    assertThat(server.takeRequest().json().get("encoding_format")).isEqualTo("base64");
  }

  @Test
  void embeddingsHonourRequestedDimensionsAndAreDeterministic() {
    CreateEmbeddingResponse first = client.embeddings().create(EmbeddingCreateParams.builder()
        .model("text-embedding-3-small").input("same text").dimensions(5).build());
    CreateEmbeddingResponse second = client.embeddings().create(EmbeddingCreateParams.builder()
        .model("text-embedding-3-small").input("same text").dimensions(5).build());

    assertThat(first.data().get(0).embeddingValue().asFloats()).hasSize(5)
        .isEqualTo(second.data().get(0).embeddingValue().asFloats());
    RecordedRequest request = server.takeRequest();
    assertThat(request.json().get("dimensions")).isEqualTo(5L);
    // openai-java 4.x asks for base64 unless told otherwise, so the base64 path is the common one.
    assertThat(request.json().get("encoding_format")).isEqualTo("base64");
  }

  // ---------------------------------------------------------------- legacy completions

  @Test
  void legacyCompletion() {
    server.enqueue(Script.completion().content("Once upon a time").usage(4, 4).finishReason("length"));

    Completion completion = client.completions().create(CompletionCreateParams.builder()
        .model("gpt-3.5-turbo-instruct").prompt("Tell a story").maxTokens(4).build());

    assertThat(completion.id()).startsWith("cmpl-");
    assertThat(completion.choices().get(0).text()).isEqualTo("Once upon a time");
    assertThat(completion.choices().get(0).finishReason().toString()).isEqualTo("length");
    assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(8);
    assertThat(server.takeRequest().path()).isEqualTo("/v1/completions");
  }

  @Test
  void legacyCompletionStreaming() {
    server.enqueue(Script.completion().content("Once upon a time"));
    // Stream chunks carry "finish_reason": null, as OpenAI's do, which the SDK's shared Completion model
    // declares required: only a non-validating client (the default) reads OpenAI's own streams.
    OpenAIClient lenient = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("sk-test")
        .maxRetries(0).build();

    List<Completion> chunks = new ArrayList<>();
    try (StreamResponse<Completion> stream = lenient.completions().createStreaming(CompletionCreateParams
        .builder().model("gpt-3.5-turbo-instruct").prompt("Tell a story")
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
      stream.stream().forEach(chunks::add);
    } finally {
      lenient.close();
    }

    // 4 word pieces, the finish chunk, the usage chunk.
    assertThat(chunks).hasSize(6);
    assertThat(chunks.subList(0, 4)).extracting(c -> c.choices().get(0).text())
        .containsExactly("Once", " upon", " a", " time");
    assertThat(chunks.get(4).choices().get(0).finishReason().toString()).isEqualTo("stop");
    assertThat(chunks.get(5).choices()).isEmpty();
    assertThat(chunks.get(5).usage().orElseThrow().completionTokens()).isEqualTo(Texts.tokens("Once upon a time"));
  }

  // ---------------------------------------------------------------- helpers

  static FunctionTool weatherTool() {
    return FunctionTool.builder()
        .name("get_weather")
        .parameters(FunctionTool.Parameters.builder()
            .putAdditionalProperty("type", JsonValue.from("object"))
            .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
            .build())
        .strict(false)
        .build();
  }

  private static String type(ResponseStreamEvent event) {
    return (String) wire(event).get("type");
  }

  private static long sequenceNumber(ResponseStreamEvent event) {
    return ((Number) wire(event).get("sequence_number")).longValue();
  }

  /** The event's JSON as received. */
  private static Map<?, ?> wire(ResponseStreamEvent event) {
    return event._json().orElseThrow().convert(Map.class);
  }
}

package dev.genaiagent.instrumentation.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.Script;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs with otel.instrumentation.genai.capture-message-content=true (its own failsafe execution). */
class ChatContentCaptureTest extends SdkTestBase {

  private static ChatCompletionCreateParams params() {
    return ChatCompletionCreateParams.builder()
        .model("gpt-4o")
        .addSystemMessage("You are terse.")
        .addUserMessage("Weather in Paris?")
        .addTool(ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
            .name("get_weather").description("Weather by city")
            .parameters(FunctionParameters.builder()
                .putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                .build())
            .build()).build())
        .build();
  }

  @Test
  void blockingCallCapturesMessagesToolsAndToolCalls() {
    server.enqueue(Script.chat().toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
    client.chat().completions().create(params());

    ReceivedSpan span = receiver.awaitSpan("chat gpt-4o", Duration.ofSeconds(10));
    assertThat(span.attribute("gen_ai.input.messages")).isEqualTo(
        "[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"You are terse.\"}]},"
            + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]}]");
    assertThat(span.attribute("gen_ai.tool.definitions")).isEqualTo(
        "[{\"type\":\"function\",\"name\":\"get_weather\",\"description\":\"Weather by city\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]");
    assertThat(span.attribute("gen_ai.output.messages")).isEqualTo(
        "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\",\"name\":\"get_weather\","
            + "\"arguments\":{\"city\":\"Paris\"}}],\"finish_reason\":\"tool_call\"}]");
    assertThat(span.attribute("gen_ai.response.finish_reasons")).isEqualTo(java.util.List.of("tool_calls"));
  }

  @Test
  void toolResultsSentBackAreToolCallResponses() {
    server.enqueue(Script.chat().content("It is sunny in Paris."));
    client.chat().completions().create(params().toBuilder()
        .addMessage(com.openai.models.chat.completions.ChatCompletionAssistantMessageParam.builder()
            .addToolCall(com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall.builder()
                .id("call_1").function(com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall.Function
                    .builder().name("get_weather").arguments("{\"city\":\"Paris\"}").build())
                .build())
            .build())
        .addMessage(com.openai.models.chat.completions.ChatCompletionToolMessageParam.builder()
            .toolCallId("call_1").content("sunny, 24C").build())
        .build());
    String input = (String) receiver.awaitSpan("chat gpt-4o", Duration.ofSeconds(10)).attribute("gen_ai.input.messages");
    assertThat(input).endsWith(
        "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\",\"name\":\"get_weather\","
            + "\"arguments\":{\"city\":\"Paris\"}}]},"
            + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_1\","
            + "\"response\":\"sunny, 24C\"}]}]");
  }

  @Test
  void streamedToolCallArgumentsAreAssembledFromDeltas() {
    server.enqueue(Script.chat().content("Checking.").chunkSize(3)
        .toolCall("call_7", "get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}"));
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params())) {
      stream.stream().forEach(c -> { });
    }
    ReceivedSpan span = receiver.awaitSpan("chat gpt-4o", Duration.ofSeconds(10));
    assertThat(span.attribute("gen_ai.output.messages")).isEqualTo(
        "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Checking.\"},"
            + "{\"type\":\"tool_call\",\"id\":\"call_7\",\"name\":\"get_weather\","
            + "\"arguments\":{\"city\":\"Paris\",\"unit\":\"celsius\"}}],\"finish_reason\":\"tool_call\"}]");
  }
}

package dev.genaiagent.instrumentation.langchain4j.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTestBase;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With content capture on (this class runs in the content-on execution): messages, tools, redaction. */
class ChatContentCaptureTest extends LangChain4jTestBase {


  @Test
  void messagesToolDefinitionsAndToolCallsAreRecordedRedacted() {
    server.enqueue(Script.chat().toolCall("call_1", "lookup_customer", "{\"email\":\"jane.doe@example.com\"}"));
    OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test")
        .modelName("gpt-4o-mini").build();
    ToolSpecification tool = ToolSpecification.builder().name("lookup_customer").description("Finds a customer")
        .parameters(JsonObjectSchema.builder().addStringProperty("email").build()).build();
    model.chat(ChatRequest.builder()
        .messages(SystemMessage.from("You are a support agent."), UserMessage.from("Who is jane.doe@example.com?"))
        .toolSpecifications(tool).build());

    ReceivedSpan span = receiver.awaitSpan("chat gpt-4o-mini", Duration.ofSeconds(10));
    String input = (String) span.attribute("gen_ai.input.messages");
    assertThat(input).contains("\"role\":\"system\"").contains("You are a support agent.")
        .contains("\"role\":\"user\"").doesNotContain("jane.doe@example.com");
    String output = (String) span.attribute("gen_ai.output.messages");
    assertThat(output).contains("\"type\":\"tool_call\"").contains("lookup_customer").contains("call_1")
        .contains("\"finish_reason\":\"tool_call\"").doesNotContain("jane.doe@example.com");
    assertThat((String) span.attribute("gen_ai.tool.definitions")).contains("lookup_customer")
        .contains("Finds a customer");
  }
}

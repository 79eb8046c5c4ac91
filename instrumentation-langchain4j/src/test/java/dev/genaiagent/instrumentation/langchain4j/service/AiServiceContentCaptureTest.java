package dev.genaiagent.instrumentation.langchain4j.service;

import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.named;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.trace;
import static dev.genaiagent.instrumentation.langchain4j.service.AiServiceTest.traced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTestBase;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.V;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.SystemMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With content capture on, tool spans carry arguments and results, redacted like every captured text. */
class AiServiceContentCaptureTest extends LangChain4jTestBase {

  interface Directory {
    String ask(String question);

    @SystemMessage("You help {{customer}} of {{company}}.")
    String askFor(@UserMessage String question, @V("customer") String customer, @V("company") String company);
  }

  static class DirectoryTools {
    @Tool("Finds a person's contact")
    String contact(@P(name = "name", value = "the person") String name) {
      return "Reach " + name + " at jane.doe@example.com";
    }
  }


  @Test
  void toolArgumentsAndResultsAreCapturedAndRedacted() {
    Directory directory = AiServices.builder(Directory.class)
        .chatModel(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").modelName("gpt-4o-mini")
            .maxRetries(0).build())
        .tools(new DirectoryTools()).build();
    server.enqueue(Script.chat().toolCall("call_c", "contact", "{\"name\":\"Jane\"}"), Script.chat().content("Done."));
    String traceId = traced("lookup", () -> directory.ask("How do I reach Jane?"));

    List<ReceivedSpan> spans = trace(traceId, 1 + 1 + 2 + 1 + 2);
    ReceivedSpan tool = named(spans, "execute_tool contact");
    assertThat(tool.attributes()).containsEntry("gen_ai.tool.call.arguments", "{\"name\":\"Jane\"}");
    assertThat((String) tool.attribute("gen_ai.tool.call.result"))
        .startsWith("Reach Jane at ").contains("<EMAIL").doesNotContain("jane.doe@example.com");
    // The application and the model still got the real result.
    server.takeRequest();
    assertThat(server.takeRequest().body()).contains("jane.doe@example.com");
  }

  @Test
  void templateVariablesAreCapturedRedactedOnTheAgentSpan() {
    Directory directory = AiServices.builder(Directory.class)
        .chatModel(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").modelName("gpt-4o-mini")
            .maxRetries(0).build()).build();
    server.enqueue(Script.chat().content("Hello."));
    String traceId = traced("greet", () -> directory.askFor("Hi", "jane.doe@example.com", "Acme"));

    ReceivedSpan agent = named(trace(traceId, 4), "invoke_agent Directory");
    String variables = (String) agent.attribute("gen_ai.prompt.variables");
    assertThat(variables).startsWith("{\"customer\":\"<EMAIL").endsWith("\"company\":\"Acme\"}")
        .doesNotContain("jane.doe@example.com");
    assertThat(agent.attributes()).containsEntry("gen_ai.prompt.name", "Directory.askFor")
        .containsKey("gen_ai.system_instructions.hash");
  }

}

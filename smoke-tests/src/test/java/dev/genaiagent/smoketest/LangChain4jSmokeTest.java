package dev.genaiagent.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.smoketest.apps.LangChain4jRagApp;
import dev.genaiagent.testing.AgentProcess;
import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.ProcessResult;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.TelemetryAssertions;
import dev.genaiagent.testing.openai.OpenAiTestServer;
import dev.genaiagent.testing.openai.Script;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A LangChain4j RAG AI service in a separate JVM with the shipped jar: the whole trace, zero code. */
class LangChain4jSmokeTest {
  private OtlpReceiver receiver;
  private OpenAiTestServer server;

  @BeforeEach
  void start() {
    receiver = OtlpReceiver.start();
    server = OpenAiTestServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
    receiver.close();
  }

  private static List<ReceivedSpan> named(List<ReceivedSpan> spans, String prefix) {
    return spans.stream().filter(s -> s.name().startsWith(prefix)).collect(Collectors.toList());
  }

  private static ReceivedSpan parentOf(ReceivedSpan span, List<ReceivedSpan> spans) {
    return spans.stream().filter(span::isChildOf).findFirst().orElseThrow(
        () -> new AssertionError("no parent for " + span.describe()));
  }

  @Test
  void ragServiceBlockingAndStreamingGivesOneTreePerCallWithAgentToolsRetrievalAndModelCalls() {
    server.enqueue(
        Script.chat().toolCall("call_1", "orderStatus", "{\"arg0\":\"A-1001\"}").usage(120, 15),
        Script.chat().content("Your order A-1001 shipped yesterday.").usage(160, 9),
        Script.chat().content("We ship within two business days.").chunkSize(5).usage(90, 8));
    ProcessResult result = AgentProcess.forMainClass(LangChain4jRagApp.class)
        .agentJar(AgentProcess.agentJarFromSystemProperty())
        .receiver(receiver)
        .env("OPT_OUT_TRACKING", "true")
        .args(server.baseUrl())
        .timeout(Duration.ofSeconds(120))
        .run().assertSuccess();
    assertThat(result.stdout()).contains("answer: Your order A-1001 shipped yesterday.")
        .contains("streamed: We ship within two business days.");

    Predicate<List<ReceivedSpan>> complete = s -> named(s, "invoke_agent").size() == 2
        && named(s, "chat").size() == 3 && named(s, "execute_tool").size() == 1 && named(s, "retrieval").size() == 2;
    List<ReceivedSpan> spans = receiver.awaitSpans(complete, Duration.ofSeconds(20));

    List<ReceivedSpan> agents = named(spans, "invoke_agent SupportAssistant");
    assertThat(agents).hasSize(2).allSatisfy(a -> {
      assertThat(a.isRoot()).isTrue();
      assertThat(a.attributes()).containsEntry("gen_ai.conversation.id", "conv-42")
          .containsKey("gen_ai.system_instructions.hash");
    });
    ReceivedSpan blocking = agents.stream().filter(a -> Long.valueOf(280L).equals(a.attribute("gen_ai.usage.input_tokens")))
        .findFirst().orElseThrow(() -> new AssertionError("no agent with summed usage: " + agents));
    assertThat(blocking.attributes()).containsEntry("gen_ai.usage.output_tokens", 24L);
    // Both calls' system prompts come from one template: one fingerprint.
    assertThat(agents.get(0).attribute("gen_ai.system_instructions.hash"))
        .isEqualTo(agents.get(1).attribute("gen_ai.system_instructions.hash"));

    for (ReceivedSpan s : named(spans, "chat")) {
      assertThat(agents).contains(parentOf(s, spans));
      assertThat(s.attributes()).containsEntry("gen_ai.provider.name", "openai")
          .containsEntry("gen_ai.conversation.id", "conv-42");
    }
    ReceivedSpan tool = named(spans, "execute_tool orderStatus").get(0);
    assertThat(parentOf(tool, spans)).isEqualTo(blocking);
    assertThat(tool.attributes()).containsEntry("gen_ai.tool.call.id", "call_1")
        .containsEntry("gen_ai.tool.description", "Looks up the shipping status of an order")
        .doesNotContainKey("gen_ai.tool.call.arguments");
    for (ReceivedSpan retrieval : named(spans, "retrieval")) {
      assertThat(agents).contains(parentOf(retrieval, spans));
      assertThat(retrieval.attributes()).containsEntry("gen_ai.request.top_k", 2.0)
          .containsKey("gen_ai.retrieval.best_score").doesNotContainKey("gen_ai.retrieval.documents");
      // The query's embedding, by the in-process model: INTERNAL, inside the retrieval.
      ReceivedSpan queryEmbedding = named(spans, "embeddings").stream().filter(e -> e.isChildOf(retrieval))
          .findFirst().orElseThrow();
      assertThat(queryEmbedding.kind()).isEqualTo(ReceivedSpan.Kind.INTERNAL);
      assertThat(queryEmbedding.attributes()).doesNotContainKey("server.address");
    }
    ReceivedSpan streamedChat = named(spans, "chat").stream()
        .filter(s -> Boolean.TRUE.equals(s.attribute("gen_ai.request.stream"))).findFirst().orElseThrow();
    assertThat(streamedChat.attributes()).containsKey("gen_ai.response.time_to_first_chunk");
    Map<String, Long> perName = spans.stream().collect(Collectors.groupingBy(ReceivedSpan::name, Collectors.counting()));
    assertThat(perName).as("no duplicate spans for one call").containsEntry("chat gpt-4o-mini", 3L);
    TelemetryAssertions.assertNoCloudMetadataAccess(spans);
  }
}

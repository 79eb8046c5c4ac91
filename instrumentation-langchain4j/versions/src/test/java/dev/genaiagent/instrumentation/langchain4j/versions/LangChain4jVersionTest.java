package dev.genaiagent.instrumentation.langchain4j.versions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProviderResult;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module's LangChain4j version with the shipped jar attached to this JVM, through API every
 * supported version has: chat, streaming, an AI service with memory, a working and a failing tool,
 * RAG over the in-process embedding model.
 */
class LangChain4jVersionTest extends VersionTestBase {
  interface Assistant {
    @SystemMessage("You answer questions about orders.")
    String answer(@MemoryId String conversation, @UserMessage String question);

    @SystemMessage("You answer questions about orders.")
    TokenStream stream(@MemoryId String conversation, @UserMessage String question);
  }

  static final class Tools {
    @Tool("Looks up the shipping status of an order")
    String orderStatus(String orderId) {
      return "shipped";
    }

    @Tool("Cancels an order")
    String cancelOrder(String orderId) {
      throw new IllegalStateException("orders cannot be cancelled after shipping");
    }
  }

  private static List<ReceivedSpan> named(List<ReceivedSpan> spans, String prefix) {
    return spans.stream().filter(s -> s.name().startsWith(prefix)).collect(Collectors.toList());
  }

  private static ReceivedSpan parentOf(ReceivedSpan span, List<ReceivedSpan> spans) {
    return spans.stream().filter(span::isChildOf).findFirst()
        .orElseThrow(() -> new AssertionError("no parent for " + span.describe()));
  }

  @Test
  void theExpectedVersionIsOnTheClasspath() {
    String jar = ChatModel.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    assertThat(jar).endsWith("langchain4j-core-" + System.getProperty("expected.langchain4j.version") + ".jar");
  }

  @Test
  void aiServiceWithMemoryToolsAndRetrievalBlockingThenStreaming() throws Exception {
    EmbeddingModel embeddings = new AllMiniLmL6V2EmbeddingModel();
    InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    for (String text : List.of("Orders ship within two days.", "Refunds take five days.")) {
      TextSegment segment = TextSegment.from(text);
      store.add(embeddings.embed(segment).content(), segment);
    }
    Assistant assistant = AiServices.builder(Assistant.class)
        .chatModel(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").modelName("gpt-4o-mini")
            .maxRetries(0).build())
        .streamingChatModel(OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test")
            .modelName("gpt-4o-mini").build())
        .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(20))
        .tools(new Tools())
        .contentRetriever(EmbeddingStoreContentRetriever.builder().embeddingStore(store).embeddingModel(embeddings)
            .maxResults(1).build())
        .build();
    receiver.reset();

    server.enqueue(Script.chat().toolCall("call_1", "orderStatus", "{\"arg0\":\"A-1\"}").usage(50, 5),
        Script.chat().toolCall("call_2", "cancelOrder", "{\"arg0\":\"A-1\"}").usage(60, 5),
        Script.chat().content("It shipped and cannot be cancelled.").usage(70, 8),
        Script.chat().content("Within two days.").chunkSize(4).usage(40, 4));
    assertThat(assistant.answer("conv-1", "Cancel order A-1")).isEqualTo("It shipped and cannot be cancelled.");
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    assistant.stream("conv-1", "When do you ship?").onPartialResponse(t -> { })
        .onCompleteResponse(done::complete).onError(done::completeExceptionally).start();
    assertThat(done.get(20, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("Within two days.");

    List<ReceivedSpan> spans = receiver.awaitSpans(s -> named(s, "invoke_agent").size() == 2
        && named(s, "chat").size() == 4 && named(s, "execute_tool").size() == 2, Duration.ofSeconds(20));
    List<ReceivedSpan> agents = named(spans, "invoke_agent Assistant");
    assertThat(agents).hasSize(2).allSatisfy(a ->
        assertThat(a.attributes()).containsEntry("gen_ai.conversation.id", "conv-1"));
    ReceivedSpan blocking = agents.stream().filter(a -> Long.valueOf(180L).equals(a.attribute("gen_ai.usage.input_tokens")))
        .findFirst().orElseThrow(() -> new AssertionError("summed usage: " + agents));
    for (ReceivedSpan s : named(spans, "chat")) {
      assertThat(agents).contains(parentOf(s, spans));
    }
    ReceivedSpan ok = named(spans, "execute_tool orderStatus").get(0);
    ReceivedSpan failed = named(spans, "execute_tool cancelOrder").get(0);
    assertThat(parentOf(ok, spans)).isEqualTo(blocking);
    assertThat(parentOf(failed, spans)).isEqualTo(blocking);
    assertThat(ok.statusCode()).isNotEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(failed.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(failed.attributes()).containsEntry("error.type", "java.lang.IllegalStateException");
    List<ReceivedSpan> retrievals = named(spans, "retrieval");
    assertThat(retrievals).hasSize(2).allSatisfy(r -> assertThat(agents).contains(parentOf(r, spans)));
    // The agents' traces only: the ingestion's embeddings ended before the reset but may be exported after it.
    List<String> agentTraces = agents.stream().map(ReceivedSpan::traceId).collect(Collectors.toList());
    assertThat(spans.stream().filter(s -> "embeddings".equals(s.attribute("gen_ai.operation.name"))
            && agentTraces.contains(s.traceId())))
        .hasSize(2).allSatisfy(e -> {
          assertThat(e.kind()).isEqualTo(ReceivedSpan.Kind.INTERNAL);
          assertThat(retrievals).contains(parentOf(e, spans));
        });
  }

  interface Calculator {
    String ask(String question);
  }

  @Test
  void programmaticLambdaToolIsTracedWithItsSpecificationsDescription() {
    ToolSpecification add = ToolSpecification.builder().name("add").description("Adds two integers")
        .parameters(JsonObjectSchema.builder().addIntegerProperty("a").addIntegerProperty("b").build()).build();
    ToolExecutor lambda = (request, memoryId) -> "3";
    Calculator calculator = AiServices.builder(Calculator.class)
        .chatModel(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").modelName("gpt-4o-mini")
            .maxRetries(0).build())
        .tools(Map.of(add, lambda))
        .build();
    server.enqueue(Script.chat().toolCall("call_9", "add", "{\"a\":1,\"b\":2}"), Script.chat().content("3"));
    assertThat(calculator.ask("1+2?")).isEqualTo("3");

    List<ReceivedSpan> spans = receiver.awaitSpans(s -> !named(s, "execute_tool add").isEmpty()
        && !named(s, "invoke_agent").isEmpty(), Duration.ofSeconds(20));
    ReceivedSpan tool = named(spans, "execute_tool add").get(0);
    assertThat(parentOf(tool, spans).name()).isEqualTo("invoke_agent Calculator");
    assertThat(tool.attributes()).containsEntry("gen_ai.tool.call.id", "call_9")
        .containsEntry("gen_ai.tool.description", "Adds two integers");
  }

  @Test
  void toolProviderToolIsTracedWithTheProvidersDescription() {
    ToolSpecification multiply = ToolSpecification.builder().name("multiply").description("Multiplies two integers")
        .parameters(JsonObjectSchema.builder().addIntegerProperty("a").addIntegerProperty("b").build()).build();
    ToolExecutor lambda = (request, memoryId) -> "6";
    Calculator calculator = AiServices.builder(Calculator.class)
        .chatModel(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").modelName("gpt-4o-mini")
            .maxRetries(0).build())
        .toolProvider(request -> ToolProviderResult.builder().add(multiply, lambda).build())
        .build();
    server.enqueue(Script.chat().toolCall("call_10", "multiply", "{\"a\":2,\"b\":3}"), Script.chat().content("6"));
    assertThat(calculator.ask("2*3?")).isEqualTo("6");

    List<ReceivedSpan> spans = receiver.awaitSpans(s -> !named(s, "execute_tool multiply").isEmpty()
        && !named(s, "invoke_agent").isEmpty(), Duration.ofSeconds(20));
    ReceivedSpan tool = named(spans, "execute_tool multiply").get(0);
    assertThat(parentOf(tool, spans).name()).isEqualTo("invoke_agent Calculator");
    assertThat(tool.attributes()).containsEntry("gen_ai.tool.call.id", "call_10")
        .containsEntry("gen_ai.tool.description", "Multiplies two integers");
  }
}

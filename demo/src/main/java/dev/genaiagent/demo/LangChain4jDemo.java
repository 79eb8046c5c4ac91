package dev.genaiagent.demo;

import dev.genaiagent.testing.openai.OpenAiTestServer;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The same support assistant written with LangChain4j, again with no telemetry code: an AI service with
 * chat memory, a tool and a retriever over help articles embedded by the in-process all-MiniLM-L6-v2
 * model; one blocking question, one streamed. Each call is one trace: the agent, its retrieval (with the
 * query's embedding), model calls and tool.
 */
final class LangChain4jDemo {

  interface SupportAgent {
    @SystemMessage("You are the support assistant of {{company}}. Use the articles and the order tool.")
    String answer(@MemoryId String customer, @UserMessage String question,
        @dev.langchain4j.service.V("company") String company);

    @SystemMessage("You are the support assistant of {{company}}. Use the articles and the order tool.")
    TokenStream stream(@MemoryId String customer, @UserMessage String question,
        @dev.langchain4j.service.V("company") String company);
  }

  static final class OrderTools {
    @Tool("Status of an order and its refund")
    String orderStatus(String orderId) {
      return "{\"order\":\"" + orderId + "\",\"refund\":\"issued yesterday\"}";
    }
  }

  private LangChain4jDemo() {}

  /** What the local model answers, in the order this part asks. */
  static void scriptLocalModel(OpenAiTestServer server) {
    server.enqueue(
        Script.chat().toolCall("call_7", "orderStatus", "{\"arg0\":\"1234\"}").usage(210, 16),
        Script.chat().content("Your refund for order 1234 was issued yesterday.").usage(260, 14),
        Script.chat().content("Shipping is free for orders over 50 EUR.").chunkSize(6).usage(190, 11)
            .firstChunkDelay(Duration.ofMillis(200)).interChunkDelay(Duration.ofMillis(15)));
  }

  static void run(String baseUrl, String apiKey, String chatModel, String[][] articles) throws Exception {
    EmbeddingModel embeddings = new AllMiniLmL6V2EmbeddingModel();
    InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    for (String[] article : articles) {
      TextSegment segment = TextSegment.from(article[1]);
      store.add(embeddings.embed(segment).content(), segment);
    }
    SupportAgent agent = AiServices.builder(SupportAgent.class)
        .chatModel(OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName(chatModel).build())
        .streamingChatModel(OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey(apiKey)
            .modelName(chatModel).build())
        .chatMemoryProvider(customer -> MessageWindowChatMemory.withMaxMessages(20))
        .tools(new OrderTools())
        .contentRetriever(EmbeddingStoreContentRetriever.builder().embeddingStore(store).embeddingModel(embeddings)
            .maxResults(2).minScore(0.2).build())
        .build();

    String question = "Where is my refund for order 1234?";
    System.out.println("Q (LangChain4j): " + question);
    System.out.println("A (LangChain4j): " + agent.answer("customer-42", question, "Acme"));

    String next = "Is shipping free?";
    StringBuilder streamed = new StringBuilder();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    agent.stream("customer-42", next, "Acme").onPartialResponse(streamed::append)
        .onCompleteResponse(done::complete).onError(done::completeExceptionally).start();
    done.get(60, TimeUnit.SECONDS);
    System.out.println("Q (LangChain4j, streamed): " + next);
    System.out.println("A (LangChain4j, streamed): " + streamed);
  }
}

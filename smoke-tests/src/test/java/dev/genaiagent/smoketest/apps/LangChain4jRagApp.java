package dev.genaiagent.smoketest.apps;

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
import dev.langchain4j.service.V;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A LangChain4j support assistant with no telemetry code: an AI service with chat memory, two tools and
 * a RAG retriever over an in-memory store filled by the real in-process all-MiniLM-L6-v2 model; one
 * blocking question and one streamed. Args: baseUrl of an OpenAI-compatible server.
 */
public final class LangChain4jRagApp {

  interface SupportAssistant {
    @SystemMessage("You are the support assistant of {{company}}. Answer from the provided documents.")
    String answer(@MemoryId String conversation, @UserMessage String question, @V("company") String company);

    @SystemMessage("You are the support assistant of {{company}}. Answer from the provided documents.")
    TokenStream stream(@MemoryId String conversation, @UserMessage String question, @V("company") String company);
  }

  static final class OrderTools {
    @Tool("Looks up the shipping status of an order")
    String orderStatus(String orderId) {
      return "Order " + orderId + " shipped yesterday";
    }

    @Tool("Opens a support ticket")
    String openTicket(String summary) {
      return "TICKET-7";
    }
  }

  public static void main(String[] args) throws Exception {
    String baseUrl = args[0];
    EmbeddingModel embeddings = new AllMiniLmL6V2EmbeddingModel();
    InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    for (String text : List.of(
        "Orders ship within two business days from our Lyon warehouse.",
        "Refunds are issued to the original payment method within 5 days.",
        "Support is open Monday to Friday, 9:00 to 17:00 CET.")) {
      TextSegment segment = TextSegment.from(text);
      store.add(embeddings.embed(segment).content(), segment);
    }
    SupportAssistant assistant = AiServices.builder(SupportAssistant.class)
        .chatModel(OpenAiChatModel.builder().baseUrl(baseUrl).apiKey("sk-smoke").modelName("gpt-4o-mini").build())
        .streamingChatModel(OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey("sk-smoke")
            .modelName("gpt-4o-mini").build())
        .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(20))
        .tools(new OrderTools())
        .contentRetriever(EmbeddingStoreContentRetriever.builder().embeddingStore(store).embeddingModel(embeddings)
            .maxResults(2).minScore(0.3).build())
        .build();

    System.out.println("answer: " + assistant.answer("conv-42", "Where is my order A-1001?", "Acme"));

    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    StringBuilder streamed = new StringBuilder();
    assistant.stream("conv-42", "When do you ship?", "Acme")
        .onPartialResponse(streamed::append)
        .onCompleteResponse(done::complete)
        .onError(done::completeExceptionally)
        .start();
    done.get(30, TimeUnit.SECONDS);
    System.out.println("streamed: " + streamed);
  }
}

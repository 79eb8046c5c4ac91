package dev.genaiagent.smoketest.apps;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.EmbeddingCreateParams;

/**
 * Uses the OpenAI SDK as an application would, with no telemetry code: a chat call, a streamed chat
 * call and an embeddings call. Args: baseUrl.
 */
public final class OpenAiApp {

  public static void main(String[] args) {
    OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(args[0]).apiKey("sk-smoke").build();
    try {
      ChatCompletionCreateParams chat = ChatCompletionCreateParams.builder()
          .model("gpt-4o-mini").addUserMessage("My email is jane@example.com. Say hi.").build();
      System.out.println("chat: " + client.chat().completions().create(chat).choices().get(0).message().content().orElse(""));

      StringBuilder streamed = new StringBuilder();
      try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat.toBuilder()
          .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
        stream.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(streamed::append)));
      }
      System.out.println("stream: " + streamed);

      int dims = client.embeddings().create(EmbeddingCreateParams.builder()
          .model("text-embedding-3-small").input("hello").build()).data().get(0).embedding().size();
      System.out.println("embedding dimensions: " + dims);
    } finally {
      client.close();
    }
  }
}

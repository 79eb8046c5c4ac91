package dev.genaiagent.benchmarks.jmh;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * LangChain4j's {@code OpenAiChatModel.chat(ChatRequest)} end to end (request mapping and JSON
 * serialization, response parsing into a {@code ChatResponse} with token usage) over
 * {@link LangChain4jFakeHttp}: the same system and user messages as {@link ChatBenchmarks}, answered with
 * the same canned {@code chat.completion}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class LangChain4jChatBenchmarks {
  private LangChain4jFakeHttp http;
  private OpenAiChatModel model;
  private ChatRequest request;

  @Setup(Level.Trial)
  public void setUp() {
    http = LangChain4jFakeHttp.json(Canned.chatCompletion());
    model = OpenAiChatModel.builder()
        .httpClientBuilder(http.builder())
        .baseUrl("https://api.openai.com/v1")
        .apiKey("sk-jmh-not-a-real-key")
        .modelName(Canned.MODEL)
        .temperature(0.2)
        .maxCompletionTokens(256)
        .maxRetries(0)
        .build();
    request = ChatRequest.builder()
        .messages(SystemMessage.from(Canned.SYSTEM_PROMPT), UserMessage.from(Canned.SHORT_PROMPT))
        .build();

    ChatResponse response = model.chat(request);
    if (!Canned.ANSWER.equals(response.aiMessage().text()) || response.tokenUsage() == null
        || response.tokenUsage().outputTokenCount() != 72 || http.requests() != 1) {
      throw new IllegalStateException("unexpected response: " + response);
    }
  }

  /** One non-streamed chat call: system and user message, about 130 characters. */
  @Benchmark
  public ChatResponse chat() {
    return model.chat(request);
  }
}

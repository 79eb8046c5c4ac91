package dev.genaiagent.benchmarks.jmh;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * LangChain4j's {@code OpenAiStreamingChatModel.chat(ChatRequest, handler)} over
 * {@link LangChain4jFakeHttp}, which feeds the canned {@code chat.completion.chunk} stream of
 * {@link ChatStreamBenchmarks} (with its usage chunk and {@code [DONE]}) through LangChain4j's own SSE
 * parser synchronously, on the benchmark thread. The handler appends every partial response to a
 * {@code StringBuilder}, as an application collecting the answer does. One operation is the whole call;
 * {@code Compare} derives the cost per partial response from two stream lengths.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class LangChain4jStreamBenchmarks {
  /**
   * {@code chat.completion.chunk} events per stream (role, content..., finish, usage): the handler gets
   * {@code chunks - 3} partial responses (one per content chunk).
   */
  @Param({"8", "200"})
  public int chunks;

  private OpenAiStreamingChatModel model;
  private ChatRequest request;
  private final Collector handler = new Collector();

  /** Collects the streamed text and the final response. */
  static final class Collector implements StreamingChatResponseHandler {
    final StringBuilder text = new StringBuilder(2048);
    int partials;
    ChatResponse response;
    Throwable error;

    void reset() {
      text.setLength(0);
      partials = 0;
      response = null;
      error = null;
    }

    @Override
    public void onPartialResponse(String partialResponse) {
      text.append(partialResponse);
      partials++;
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
      response = completeResponse;
    }

    @Override
    public void onError(Throwable t) {
      error = t;
    }
  }

  /** Partial responses per stream of {@code chunks} events. */
  static int partialResponses(int chunks) {
    return chunks - 3;
  }

  @Setup(Level.Trial)
  public void setUp() {
    LangChain4jFakeHttp http = LangChain4jFakeHttp.eventStream(Canned.chatStream(chunks));
    model = OpenAiStreamingChatModel.builder()
        .httpClientBuilder(http.builder())
        .baseUrl("https://api.openai.com/v1")
        .apiKey("sk-jmh-not-a-real-key")
        .modelName(Canned.MODEL)
        .temperature(0.2)
        .maxCompletionTokens(256)
        .build();
    request = ChatRequest.builder()
        .messages(SystemMessage.from(Canned.SYSTEM_PROMPT), UserMessage.from(Canned.SHORT_PROMPT))
        .build();

    ChatResponse response = stream();
    if (handler.partials != partialResponses(chunks) || response == null
        || !handler.text.toString().equals(response.aiMessage().text())
        || response.tokenUsage() == null || response.tokenUsage().outputTokenCount() != chunks - 3) {
      throw new IllegalStateException("expected " + partialResponses(chunks) + " partial responses and a complete"
          + " response with usage, got " + handler.partials + ", " + response + ", error " + handler.error);
    }
  }

  @Benchmark
  public ChatResponse stream() {
    handler.reset();
    model.chat(request, handler);
    if (handler.error != null) {
      throw new IllegalStateException(handler.error);
    }
    return handler.response;
  }
}

package dev.genaiagent.benchmarks.jmh;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A streamed Chat Completions call, {@code createStreaming} then every chunk read and closed, as an
 * application consumes it. One operation is the whole call: the cost per chunk is derived by
 * {@code Compare} from two stream lengths.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChatStreamBenchmarks {
  /** {@code chat.completion.chunk} events per stream (role, content..., finish, usage). */
  @Param({"8", "200"})
  public int chunks;

  private OpenAIClient client;
  private ChatCompletionCreateParams params;

  @Setup(Level.Trial)
  public void setUp() {
    client = Clients.over(FakeTransport.eventStream(Canned.chatStream(chunks)));
    params = ChatCompletionCreateParams.builder()
        .model(Canned.MODEL)
        .addSystemMessage(Canned.SYSTEM_PROMPT)
        .addUserMessage(Canned.SHORT_PROMPT)
        .temperature(0.2)
        .maxCompletionTokens(256L)
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
        .build();

    try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> raw =
        client.chat().completions().withRawResponse().createStreaming(params)) {
      Clients.checkInstrumentation(raw);
      try (StreamResponse<ChatCompletionChunk> stream = raw.parse()) {
        long n = stream.stream().count();
        if (n != chunks) {
          throw new IllegalStateException("expected " + chunks + " chunks, read " + n);
        }
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public void stream(Blackhole bh) {
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
      stream.stream().forEach(bh::consume);
    }
  }
}

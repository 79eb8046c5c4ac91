package dev.genaiagent.benchmarks.jmh;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** {@code client.embeddings().create(params)}: one input, a 1536-dimension float embedding back. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class EmbeddingsBenchmarks {
  public static final int DIMENSIONS = 1536;

  private OpenAIClient client;
  private EmbeddingCreateParams params;

  @Setup(Level.Trial)
  public void setUp() {
    client = Clients.over(FakeTransport.json(Canned.embeddings(DIMENSIONS)));
    params = EmbeddingCreateParams.builder()
        .model(Canned.EMBEDDING_MODEL)
        .input("Mild afternoons and cool evenings in Paris in early October.")
        .build();
    try (HttpResponseFor<CreateEmbeddingResponse> raw = client.embeddings().withRawResponse().create(params)) {
      Clients.checkInstrumentation(raw);
      int size = raw.parse().data().get(0).embedding().size();
      if (size != DIMENSIONS) {
        throw new IllegalStateException("expected " + DIMENSIONS + " dimensions, got " + size);
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public CreateEmbeddingResponse create() {
    return client.embeddings().create(params);
  }
}

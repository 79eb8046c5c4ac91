package dev.genaiagent.benchmarks.jmh;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
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

/**
 * Non-streamed Chat Completions: {@code client.chat().completions().create(params)} end to end through
 * the SDK (request serialization, response parsing) over the fake transport. The annotations are the
 * defaults of a plain {@code org.openjdk.jmh.Main} run; {@code Compare} sets its own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChatBenchmarks {
  /** The size of the large prompt: the content-capture budget is stated for a 4 KB prompt. */
  public static final int LARGE_PROMPT_BYTES = 4096;

  private OpenAIClient client;
  private ChatCompletionCreateParams shortPrompt;
  private ChatCompletionCreateParams largePrompt;

  @Setup(Level.Trial)
  public void setUp() {
    client = Clients.over(FakeTransport.json(Canned.chatCompletion()));
    shortPrompt = params(Canned.SHORT_PROMPT);
    largePrompt = params(Canned.prompt(LARGE_PROMPT_BYTES));

    try (HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(shortPrompt)) {
      Clients.checkInstrumentation(raw);
      String content = raw.parse().choices().get(0).message().content().orElse("");
      if (!content.equals(Canned.ANSWER)) {
        throw new IllegalStateException("unexpected completion: " + content);
      }
    }
  }

  private static ChatCompletionCreateParams params(String userMessage) {
    return ChatCompletionCreateParams.builder()
        .model(Canned.MODEL)
        .addSystemMessage(Canned.SYSTEM_PROMPT)
        .addUserMessage(userMessage)
        .temperature(0.2)
        .maxCompletionTokens(256L)
        .build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
  }

  /** A short prompt (system and user message, about 130 characters). */
  @Benchmark
  public ChatCompletion create() {
    return client.chat().completions().create(shortPrompt);
  }

  /** The same call with a 4096-byte user message. */
  @Benchmark
  public ChatCompletion createLargePrompt() {
    return client.chat().completions().create(largePrompt);
  }
}

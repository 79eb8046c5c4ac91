package dev.genaiagent.testing.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scripted delays as a client measures them. Bounds are generous (shared, noisy CI machines) but one-sided
 * where it matters: a chunk may never arrive before its delay has elapsed.
 */
class OpenAiTimingTest {

  private static final long FIRST_MS = 300;
  private static final long INTER_MS = 50;
  /** Slack for scheduling noise on a loaded 2-core machine; the server itself adds well under a millisecond. */
  private static final long SLACK_MS = 150;

  private OpenAiTestServer server;
  private OpenAIClient client;

  @BeforeEach
  void setUp() {
    server = OpenAiTestServer.start();
    client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("sk-test").maxRetries(0).build();
    // Warm up: the SDK's first call loads Jackson/Kotlin classes, which would count against the first chunk.
    try (StreamResponse<ChatCompletionChunk> s = client.chat().completions().createStreaming(chat())) {
      s.stream().forEach(c -> { });
    }
    try (StreamResponse<ResponseStreamEvent> s = client.responses().createStreaming(responses())) {
      s.stream().forEach(e -> { });
    }
  }

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  @Test
  void chatStreamFirstChunkAndInterChunkDelays() {
    server.enqueue(Script.chat().chunks("a", "b", "c", "d", "e").firstChunkDelay(Duration.ofMillis(FIRST_MS))
        .interChunkDelay(Duration.ofMillis(INTER_MS)));

    List<Long> arrivalsMs = new ArrayList<>();
    long start = System.nanoTime();
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat())) {
      Iterator<ChatCompletionChunk> it = stream.stream().iterator();
      while (it.hasNext()) {
        it.next();
        arrivalsMs.add((System.nanoTime() - start) / 1_000_000);
      }
    }

    // role chunk, 5 pieces, finish chunk. The role chunk and piece 1 leave together at first.
    assertThat(arrivalsMs).hasSize(7);
    assertThat(arrivalsMs.get(0)).isBetween(FIRST_MS, FIRST_MS + SLACK_MS);
    assertThat(arrivalsMs.get(1)).isBetween(FIRST_MS, FIRST_MS + SLACK_MS);
    for (int k = 2; k <= 5; k++) {
      // Never early: piece k is written no sooner than first + (k - 1) * inter after the request was read.
      // (One client-side gap can look shorter than the server's when the previous chunk was observed late,
      // so the lower bound is checked against the start, the upper bound per gap.)
      assertThat(arrivalsMs.get(k)).as("arrival of piece %d in %s", k, arrivalsMs)
          .isGreaterThanOrEqualTo(FIRST_MS + (k - 1) * INTER_MS);
      assertThat(arrivalsMs.get(k) - arrivalsMs.get(k - 1)).as("gap before piece %d in %s", k, arrivalsMs)
          .isLessThanOrEqualTo(INTER_MS + SLACK_MS);
    }
    // Framing (the finish chunk) is not paced.
    assertThat(arrivalsMs.get(6) - arrivalsMs.get(5)).isLessThan(SLACK_MS);
    assertThat(arrivalsMs.get(6)).isLessThanOrEqualTo(FIRST_MS + 4 * INTER_MS + SLACK_MS);
  }

  @Test
  void responsesStreamDelays() {
    server.enqueue(Script.responses().chunks("a", "b", "c").firstChunkDelay(Duration.ofMillis(FIRST_MS))
        .interChunkDelay(Duration.ofMillis(INTER_MS)));

    List<Long> deltaArrivalsMs = new ArrayList<>();
    long firstEventMs = -1;
    long start = System.nanoTime();
    try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(responses())) {
      Iterator<ResponseStreamEvent> it = stream.stream().iterator();
      while (it.hasNext()) {
        ResponseStreamEvent event = it.next();
        long now = (System.nanoTime() - start) / 1_000_000;
        if (firstEventMs < 0) {
          firstEventMs = now;
        }
        if (event.isOutputTextDelta()) {
          deltaArrivalsMs.add(now);
        }
      }
    }

    assertThat(firstEventMs).isBetween(FIRST_MS, FIRST_MS + SLACK_MS);
    assertThat(deltaArrivalsMs).hasSize(3);
    for (int k = 0; k < 3; k++) {
      // The lifecycle events and the first delta leave together; each further delta is paced.
      assertThat(deltaArrivalsMs.get(k)).as("delta %d in %s, first event at %d", k, deltaArrivalsMs, firstEventMs)
          .isGreaterThanOrEqualTo(FIRST_MS + k * INTER_MS);
    }
    assertThat(deltaArrivalsMs.get(0)).isLessThanOrEqualTo(FIRST_MS + SLACK_MS);
    assertThat(deltaArrivalsMs.get(2)).isLessThanOrEqualTo(FIRST_MS + 2 * INTER_MS + SLACK_MS);
  }

  @Test
  void nonStreamingAnswerWaitsForTheFirstChunkDelay() {
    server.enqueue(Script.chat().content("late").firstChunkDelay(Duration.ofMillis(FIRST_MS)));

    long start = System.nanoTime();
    client.chat().completions().create(chat());
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(elapsedMs).isBetween(FIRST_MS, FIRST_MS + SLACK_MS);
  }

  @Test
  void serverAddsLittleLatencyWithoutDelays() {
    server.setDefault(Script.chat().content("fast"));
    int calls = 50;
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      client.chat().completions().create(chat());
    }
    long perCallMicros = (System.nanoTime() - start) / 1_000 / calls;

    // Client serialization and parsing included: a few ms per call at most, even on a slow machine.
    assertThat(perCallMicros).isLessThan(20_000);
  }

  private static ChatCompletionCreateParams chat() {
    return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("hi").build();
  }

  private static ResponseCreateParams responses() {
    return ResponseCreateParams.builder().model("gpt-4o-mini").input("hi").build();
  }
}

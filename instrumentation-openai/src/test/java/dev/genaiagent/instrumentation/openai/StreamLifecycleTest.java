package dev.genaiagent.instrumentation.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.Script;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A stream's span ends exactly once however the application stops reading it. */
class StreamLifecycleTest extends SdkTestBase {

  private static ChatCompletionCreateParams params(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("hi").build();
  }

  @Test
  void closingEarlyEndsTheSpanWithoutErrorAndCloseTwiceIsHarmless() {
    server.enqueue(Script.chat().content("a b c d e f g").chunkSize(1).interChunkDelay(Duration.ofMillis(5)));
    StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params("early-close"));
    Iterator<ChatCompletionChunk> it = stream.stream().iterator();
    it.next();
    it.next();
    stream.close();
    stream.close();
    ReceivedSpan span = receiver.awaitSpan("chat early-close", Duration.ofSeconds(10));
    assertThat(span.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
    assertThat(receiver.spans().stream().filter(s -> s.name().equals("chat early-close"))).hasSize(1);
  }

  @Test
  void anAbandonedStreamEndsAsAbandonedOnceUnreachable() throws Exception {
    server.enqueue(Script.chat().content("a b c d e f g").chunkSize(1).interChunkDelay(Duration.ofMillis(5)));
    readTwoChunksAndDrop();
    Optional<ReceivedSpan> span = Optional.empty();
    for (int i = 0; i < 40 && span.isEmpty(); i++) {
      System.gc();
      Thread.sleep(50);
      client.chat().completions().create(params("poll-trigger")); // a new call polls for abandoned streams
      Thread.sleep(100);
      span = receiver.spans().stream().filter(s -> s.name().equals("chat abandoned")).findFirst();
    }
    assertThat(span).as("span of the abandoned stream").isPresent();
    assertThat(span.get().statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(span.get().attributes()).containsEntry("error.type", "stream_abandoned")
        .containsKey("gen_ai.response.time_to_first_chunk");
  }

  private void readTwoChunksAndDrop() {
    StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params("abandoned"));
    Iterator<ChatCompletionChunk> it = stream.stream().iterator();
    List.of(it.next(), it.next());
  }
}

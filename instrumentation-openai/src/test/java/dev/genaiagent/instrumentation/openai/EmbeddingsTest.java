package dev.genaiagent.instrumentation.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.Script;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmbeddingsTest extends SdkTestBase {

  @Test
  void floatEmbeddingsMakeAnEmbeddingsSpan() {
    server.enqueue(Script.embeddings().dimensions(16));
    CreateEmbeddingResponse response = client.embeddings().create(EmbeddingCreateParams.builder()
        .model("text-embedding-3-small").input("the quick brown fox").build());
    assertThat(response.data().get(0).embedding()).hasSize(16);

    ReceivedSpan span = receiver.awaitSpan("embeddings text-embedding-3-small", Duration.ofSeconds(10));
    assertThat(span.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
    assertThat(span.attributes())
        .containsEntry("gen_ai.operation.name", "embeddings")
        .containsEntry("gen_ai.provider.name", "openai")
        .containsEntry("gen_ai.request.model", "text-embedding-3-small")
        .containsEntry("gen_ai.embeddings.dimension.count", 16L)
        .containsEntry("server.address", "127.0.0.1")
        .containsKey("gen_ai.usage.input_tokens")
        .doesNotContainKey("gen_ai.usage.output_tokens");
  }

  @Test
  void base64EmbeddingsAsync() throws Exception {
    server.enqueue(Script.embeddings().dimensions(8));
    CreateEmbeddingResponse response = client.async().embeddings().create(EmbeddingCreateParams.builder()
            .model("text-embedding-3-small").input("hello")
            .encodingFormat(EmbeddingCreateParams.EncodingFormat.BASE64).build())
        .get(10, TimeUnit.SECONDS);
    assertThat(response.data()).hasSize(1);

    ReceivedSpan span = receiver.awaitSpan("embeddings text-embedding-3-small", Duration.ofSeconds(10));
    assertThat(span.attributes()).containsEntry("gen_ai.request.encoding_formats", List.of("base64"));
  }
}

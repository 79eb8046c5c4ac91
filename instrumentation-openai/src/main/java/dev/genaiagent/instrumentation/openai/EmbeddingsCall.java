package dev.genaiagent.instrumentation.openai;

import com.openai.core.ClientOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import java.util.concurrent.CompletableFuture;
import javax.annotation.Nullable;

/** Typed entry points for the embeddings advice. */
public final class EmbeddingsCall {
  private final OpenAiCall<EmbeddingsRequest, CreateEmbeddingResponse> call;

  private EmbeddingsCall(OpenAiCall<EmbeddingsRequest, CreateEmbeddingResponse> call) {
    this.call = call;
  }

  public static EmbeddingsCall start(EmbeddingCreateParams params, @Nullable ClientOptions options) {
    EmbeddingsRequest request = new EmbeddingsRequest(params, OpenAiEndpoint.of(options));
    return new EmbeddingsCall(OpenAiCall.start(OpenAiSingletons.EMBEDDINGS, request));
  }

  public HttpResponseFor<CreateEmbeddingResponse> end(
      @Nullable HttpResponseFor<CreateEmbeddingResponse> response, @Nullable Throwable error) {
    return call.end(response, error, parsed -> parsed);
  }

  public CompletableFuture<HttpResponseFor<CreateEmbeddingResponse>> endAsync(
      @Nullable CompletableFuture<HttpResponseFor<CreateEmbeddingResponse>> future, @Nullable Throwable error) {
    return call.endAsync(future, error, parsed -> parsed);
  }
}

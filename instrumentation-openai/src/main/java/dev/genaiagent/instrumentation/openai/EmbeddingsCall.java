package dev.genaiagent.instrumentation.openai;

import com.openai.core.ClientOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.genaiagent.telemetry.GenAiCall;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import javax.annotation.Nullable;

/** One embeddings call, from advice enter to the parsed response. */
public final class EmbeddingsCall {
  private final EmbeddingsRequest request;
  private final GenAiCall call;
  private final Scope scope;

  private EmbeddingsCall(EmbeddingsRequest request, GenAiCall call) {
    this.request = request;
    this.call = call;
    this.scope = call.makeCurrent();
  }

  public static EmbeddingsCall start(EmbeddingCreateParams params, @Nullable ClientOptions options) {
    EmbeddingsRequest request =
        new EmbeddingsRequest(params, OpenAiEndpoint.of(options == null ? null : options.baseUrl()));
    return new EmbeddingsCall(request, OpenAiSingletons.EMBEDDINGS.start(Context.current(), request));
  }

  public HttpResponseFor<CreateEmbeddingResponse> end(
      @Nullable HttpResponseFor<CreateEmbeddingResponse> response, @Nullable Throwable error) {
    scope.close();
    return traced(response, error);
  }

  public CompletableFuture<HttpResponseFor<CreateEmbeddingResponse>> endAsync(
      @Nullable CompletableFuture<HttpResponseFor<CreateEmbeddingResponse>> future, @Nullable Throwable error) {
    scope.close();
    if (error != null || future == null) {
      OpenAiSingletons.EMBEDDINGS.end(call, request, null, error);
      return future;
    }
    return Futures.chain(future, this::traced);
  }

  private HttpResponseFor<CreateEmbeddingResponse> traced(
      @Nullable HttpResponseFor<CreateEmbeddingResponse> response, @Nullable Throwable error) {
    if (error != null || response == null) {
      OpenAiSingletons.EMBEDDINGS.end(call, request, null, error);
      return response;
    }
    return new TracedHttpResponseFor<>(response, new TracedHttpResponseFor.Completion<CreateEmbeddingResponse>() {
      @Override
      public CreateEmbeddingResponse onParsed(CreateEmbeddingResponse parsed) {
        OpenAiSingletons.EMBEDDINGS.end(call, request, parsed, null);
        return parsed;
      }

      @Override
      public void onFailed(Throwable e) {
        OpenAiSingletons.EMBEDDINGS.end(call, request, null, e);
      }

      @Override
      public void onClosedUnparsed(int statusCode) {
        OpenAiSingletons.EMBEDDINGS.end(call, request, null, null);
      }
    });
  }
}

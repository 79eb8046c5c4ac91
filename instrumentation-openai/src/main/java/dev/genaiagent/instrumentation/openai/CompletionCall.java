package dev.genaiagent.instrumentation.openai;

import com.openai.core.ClientOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import java.util.concurrent.CompletableFuture;
import javax.annotation.Nullable;

/** Typed entry points for the legacy Completions advice. */
public final class CompletionCall {
  private final OpenAiCall<CompletionRequest, CompletionSummary> call;

  private CompletionCall(OpenAiCall<CompletionRequest, CompletionSummary> call) {
    this.call = call;
  }

  public static CompletionCall start(CompletionCreateParams params, @Nullable ClientOptions options, boolean streaming) {
    CompletionRequest request = new CompletionRequest(params, OpenAiEndpoint.of(options), streaming);
    return new CompletionCall(OpenAiCall.start(OpenAiSingletons.COMPLETIONS, request));
  }

  public HttpResponseFor<Completion> end(@Nullable HttpResponseFor<Completion> response, @Nullable Throwable error) {
    return call.end(response, error, CompletionSummary::of);
  }

  public CompletableFuture<HttpResponseFor<Completion>> endAsync(
      @Nullable CompletableFuture<HttpResponseFor<Completion>> future, @Nullable Throwable error) {
    return call.endAsync(future, error, CompletionSummary::of);
  }

  public HttpResponseFor<StreamResponse<Completion>> endStreaming(
      @Nullable HttpResponseFor<StreamResponse<Completion>> response, @Nullable Throwable error) {
    return call.endStreaming(response, error, CompletionSummary.streaming(call.call, OpenAiSingletons.captureContent()));
  }

  public CompletableFuture<HttpResponseFor<StreamResponse<Completion>>> endAsyncStreaming(
      @Nullable CompletableFuture<HttpResponseFor<StreamResponse<Completion>>> future, @Nullable Throwable error) {
    return call.endAsyncStreaming(future, error,
        CompletionSummary.streaming(call.call, OpenAiSingletons.captureContent()));
  }
}

package dev.genaiagent.instrumentation.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.ClientOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import java.util.concurrent.CompletableFuture;
import javax.annotation.Nullable;

/** Typed entry points for the Responses API advice. */
public final class ResponsesCall {
  private final OpenAiCall<ResponsesRequest, JsonNode> call;

  private ResponsesCall(OpenAiCall<ResponsesRequest, JsonNode> call) {
    this.call = call;
  }

  public static ResponsesCall start(ResponseCreateParams params, @Nullable ClientOptions options, boolean streaming) {
    ResponsesRequest request = new ResponsesRequest(params, OpenAiEndpoint.of(options), streaming);
    return new ResponsesCall(OpenAiCall.start(OpenAiSingletons.RESPONSES, request));
  }

  public HttpResponseFor<Response> end(@Nullable HttpResponseFor<Response> response, @Nullable Throwable error) {
    return call.end(response, error, OpenAiContent::toJson);
  }

  public CompletableFuture<HttpResponseFor<Response>> endAsync(
      @Nullable CompletableFuture<HttpResponseFor<Response>> future, @Nullable Throwable error) {
    return call.endAsync(future, error, OpenAiContent::toJson);
  }

  public HttpResponseFor<StreamResponse<ResponseStreamEvent>> endStreaming(
      @Nullable HttpResponseFor<StreamResponse<ResponseStreamEvent>> response, @Nullable Throwable error) {
    return call.endStreaming(response, error, new ResponsesStreamAccumulator(call.call));
  }

  public CompletableFuture<HttpResponseFor<StreamResponse<ResponseStreamEvent>>> endAsyncStreaming(
      @Nullable CompletableFuture<HttpResponseFor<StreamResponse<ResponseStreamEvent>>> future,
      @Nullable Throwable error) {
    return call.endAsyncStreaming(future, error, new ResponsesStreamAccumulator(call.call));
  }
}

package dev.genaiagent.instrumentation.openai;

import com.openai.core.ClientOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import java.util.concurrent.CompletableFuture;
import javax.annotation.Nullable;

/**
 * The one entry point of the advice: every raw-response service's {@code create} and
 * {@code createStreaming}, blocking or async, of every API. The API is told by the params' type, the
 * blocking/async flavour by the return value's, so the advice stays the same two small classes.
 */
public final class OpenAiAdviceBridge {
  private final OpenAiCall<?, ?> call;
  private final Ender ender;

  private interface Ender {
    Object end(Object response, @Nullable Throwable error);
  }

  private OpenAiAdviceBridge(OpenAiCall<?, ?> call, Ender ender) {
    this.call = call;
    this.ender = ender;
  }

  /** Null for params of an API we do not instrument: the advice then does nothing. */
  @Nullable
  public static OpenAiAdviceBridge start(Object params, @Nullable Object clientOptions, boolean streaming) {
    OpenAiEndpoint endpoint = OpenAiEndpoint.of((ClientOptions) clientOptions);
    if (params instanceof ChatCompletionCreateParams) {
      OpenAiCall<ChatRequest, ChatResult> call = OpenAiCall.start(OpenAiSingletons.CHAT,
          new ChatRequest((ChatCompletionCreateParams) params, endpoint, streaming));
      return streaming
          ? OpenAiAdviceBridge.<ChatResult, ChatCompletionChunk>streamingBridge(
              call, () -> new ChatStreamAccumulator(call.call, OpenAiSingletons.captureContent()))
          : OpenAiAdviceBridge.<ChatResult, com.openai.models.chat.completions.ChatCompletion>bridge(
              call, CompletedChat::new);
    }
    if (params instanceof ResponseCreateParams) {
      OpenAiCall<ResponsesRequest, com.fasterxml.jackson.databind.JsonNode> call = OpenAiCall.start(
          OpenAiSingletons.RESPONSES, new ResponsesRequest((ResponseCreateParams) params, endpoint, streaming));
      return streaming
          ? OpenAiAdviceBridge.<com.fasterxml.jackson.databind.JsonNode, ResponseStreamEvent>streamingBridge(
              call, () -> new ResponsesStreamAccumulator(call.call))
          : OpenAiAdviceBridge.<com.fasterxml.jackson.databind.JsonNode, com.openai.models.responses.Response>bridge(
              call, OpenAiContent::toJson);
    }
    if (params instanceof EmbeddingCreateParams) {
      OpenAiCall<EmbeddingsRequest, com.openai.models.embeddings.CreateEmbeddingResponse> call = OpenAiCall.start(
          OpenAiSingletons.EMBEDDINGS, new EmbeddingsRequest((EmbeddingCreateParams) params, endpoint));
      return OpenAiAdviceBridge.<com.openai.models.embeddings.CreateEmbeddingResponse,
          com.openai.models.embeddings.CreateEmbeddingResponse>bridge(call, parsed -> parsed);
    }
    if (params instanceof CompletionCreateParams) {
      OpenAiCall<CompletionRequest, CompletionSummary> call = OpenAiCall.start(OpenAiSingletons.COMPLETIONS,
          new CompletionRequest((CompletionCreateParams) params, endpoint, streaming));
      return streaming
          ? OpenAiAdviceBridge.<CompletionSummary, Completion>streamingBridge(
              call, () -> CompletionSummary.streaming(call.call, OpenAiSingletons.captureContent()))
          : OpenAiAdviceBridge.<CompletionSummary, Completion>bridge(call, CompletionSummary::of);
    }
    return null;
  }

  /**
   * Ends the call with what the SDK method returned or threw, and returns what the application gets:
   * the same value, wrapped only to observe it.
   */
  public Object end(Object returned, @Nullable Throwable error) {
    return ender.end(returned, error);
  }

  @SuppressWarnings("unchecked")
  private static <RESULT, T> OpenAiAdviceBridge bridge(OpenAiCall<?, RESULT> call,
      OpenAiCall.ResultMapper<T, RESULT> mapper) {
    return new OpenAiAdviceBridge(call, (returned, error) -> returned instanceof CompletableFuture
        ? call.endAsync((CompletableFuture<HttpResponseFor<T>>) returned, error, mapper)
        : call.end((HttpResponseFor<T>) returned, error, mapper));
  }

  private interface AccumulatorFactory<E, RESULT> {
    OpenAiCall.StreamAccumulator<E, RESULT> create();
  }

  @SuppressWarnings("unchecked")
  private static <RESULT, E> OpenAiAdviceBridge streamingBridge(OpenAiCall<?, RESULT> call,
      AccumulatorFactory<E, RESULT> accumulator) {
    return new OpenAiAdviceBridge(call, (returned, error) -> returned instanceof CompletableFuture
        ? call.endAsyncStreaming((CompletableFuture<HttpResponseFor<StreamResponse<E>>>) returned, error,
            accumulator.create())
        : call.endStreaming((HttpResponseFor<StreamResponse<E>>) returned, error, accumulator.create()));
  }
}

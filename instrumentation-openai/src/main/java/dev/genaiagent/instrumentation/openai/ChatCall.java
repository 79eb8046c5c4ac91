package dev.genaiagent.instrumentation.openai;

import com.openai.core.ClientOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.util.concurrent.CompletableFuture;
import javax.annotation.Nullable;

/** Typed entry points for the Chat Completions advice. */
public final class ChatCall {
  private final OpenAiCall<ChatRequest, ChatResult> call;

  private ChatCall(OpenAiCall<ChatRequest, ChatResult> call) {
    this.call = call;
  }

  public static ChatCall start(ChatCompletionCreateParams params, @Nullable ClientOptions options, boolean streaming) {
    ChatRequest request = new ChatRequest(params, OpenAiEndpoint.of(options), streaming);
    return new ChatCall(OpenAiCall.start(OpenAiSingletons.CHAT, request));
  }

  public HttpResponseFor<ChatCompletion> end(@Nullable HttpResponseFor<ChatCompletion> response,
      @Nullable Throwable error) {
    return call.end(response, error, CompletedChat::new);
  }

  public CompletableFuture<HttpResponseFor<ChatCompletion>> endAsync(
      @Nullable CompletableFuture<HttpResponseFor<ChatCompletion>> future, @Nullable Throwable error) {
    return call.endAsync(future, error, CompletedChat::new);
  }

  public HttpResponseFor<StreamResponse<ChatCompletionChunk>> endStreaming(
      @Nullable HttpResponseFor<StreamResponse<ChatCompletionChunk>> response, @Nullable Throwable error) {
    return call.endStreaming(response, error, accumulator());
  }

  public CompletableFuture<HttpResponseFor<StreamResponse<ChatCompletionChunk>>> endAsyncStreaming(
      @Nullable CompletableFuture<HttpResponseFor<StreamResponse<ChatCompletionChunk>>> future,
      @Nullable Throwable error) {
    return call.endAsyncStreaming(future, error, accumulator());
  }

  private ChatStreamAccumulator accumulator() {
    return new ChatStreamAccumulator(call.call, OpenAiSingletons.captureContent());
  }
}

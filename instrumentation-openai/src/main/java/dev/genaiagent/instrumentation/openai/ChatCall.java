package dev.genaiagent.instrumentation.openai;

import com.openai.core.ClientOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.genaiagent.telemetry.GenAiCall;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import javax.annotation.Nullable;

/**
 * One Chat Completions call from advice enter to the end of its response: the advice only calls
 * {@link #start} and one of the {@code end*} methods; everything else lives here.
 */
public final class ChatCall {
  private final ChatRequest request;
  private final GenAiCall call;
  private final Scope scope;

  private ChatCall(ChatRequest request, GenAiCall call) {
    this.request = request;
    this.call = call;
    this.scope = call.makeCurrent();
  }

  /** Starts the call and makes it current, so the HTTP request beneath it nests under its span. */
  @Nullable
  public static ChatCall start(ChatCompletionCreateParams params, @Nullable ClientOptions options, boolean streaming) {
    ChatRequest request = new ChatRequest(params, OpenAiEndpoint.of(options == null ? null : options.baseUrl()), streaming);
    GenAiCall call = OpenAiSingletons.CHAT.start(Context.current(), request);
    OpenAiSingletons.CHAT.captureRequestContent(call, request);
    return new ChatCall(request, call);
  }

  public HttpResponseFor<ChatCompletion> end(@Nullable HttpResponseFor<ChatCompletion> response, @Nullable Throwable error) {
    scope.close();
    return traced(response, error);
  }

  private HttpResponseFor<ChatCompletion> traced(@Nullable HttpResponseFor<ChatCompletion> response, @Nullable Throwable error) {
    if (error != null || response == null) {
      fail(error);
      return response;
    }
    return new TracedHttpResponseFor<>(response, new TracedHttpResponseFor.Completion<ChatCompletion>() {
      @Override
      public ChatCompletion onParsed(ChatCompletion parsed) {
        OpenAiSingletons.CHAT.end(call, request, new CompletedChat(parsed), null);
        return parsed;
      }

      @Override
      public void onFailed(Throwable e) {
        fail(e);
      }

      @Override
      public void onClosedUnparsed(int statusCode) {
        OpenAiSingletons.CHAT.end(call, request, null, null);
      }
    });
  }

  public HttpResponseFor<StreamResponse<ChatCompletionChunk>> endStreaming(
      @Nullable HttpResponseFor<StreamResponse<ChatCompletionChunk>> response, @Nullable Throwable error) {
    scope.close();
    return tracedStreaming(response, error);
  }

  private HttpResponseFor<StreamResponse<ChatCompletionChunk>> tracedStreaming(
      @Nullable HttpResponseFor<StreamResponse<ChatCompletionChunk>> response, @Nullable Throwable error) {
    if (error != null || response == null) {
      fail(error);
      return response;
    }
    return new TracedHttpResponseFor<>(response, new TracedHttpResponseFor.Completion<StreamResponse<ChatCompletionChunk>>() {
      @Override
      public StreamResponse<ChatCompletionChunk> onParsed(StreamResponse<ChatCompletionChunk> stream) {
        return new TracedStreamResponse<>(stream, new StreamObserver());
      }

      @Override
      public void onFailed(Throwable e) {
        fail(e);
      }

      @Override
      public void onClosedUnparsed(int statusCode) {
        OpenAiSingletons.CHAT.end(call, request, null, null);
      }
    });
  }

  public CompletableFuture<HttpResponseFor<ChatCompletion>> endAsync(
      @Nullable CompletableFuture<HttpResponseFor<ChatCompletion>> future, @Nullable Throwable error) {
    scope.close();
    if (error != null || future == null) {
      fail(error);
      return future;
    }
    return Futures.chain(future, (response, e) -> traced(response, e));
  }

  public CompletableFuture<HttpResponseFor<StreamResponse<ChatCompletionChunk>>> endAsyncStreaming(
      @Nullable CompletableFuture<HttpResponseFor<StreamResponse<ChatCompletionChunk>>> future,
      @Nullable Throwable error) {
    scope.close();
    if (error != null || future == null) {
      fail(error);
      return future;
    }
    return Futures.chain(future, (response, e) -> tracedStreaming(response, e));
  }

  private void fail(@Nullable Throwable error) {
    OpenAiSingletons.CHAT.end(call, request, null, error);
  }

  /** Feeds chunks to the accumulator; never throws into the application's stream. */
  private final class StreamObserver implements TracedStreamResponse.Observer<ChatCompletionChunk> {
    private final ChatStreamAccumulator accumulator =
        new ChatStreamAccumulator(call, OpenAiSingletons.captureContent());

    @Override
    public void onElement(ChatCompletionChunk chunk) {
      try {
        accumulator.onChunk(chunk);
      } catch (Throwable ignored) {
        // an odd chunk costs its own telemetry only
      }
    }

    @Override
    public void onExhausted() {
      OpenAiSingletons.CHAT.end(call, request, accumulator, null);
    }

    @Override
    public void onClosed() {
      OpenAiSingletons.CHAT.end(call, request, accumulator, null);
    }

    @Override
    public void onFailed(Throwable error) {
      OpenAiSingletons.CHAT.end(call, request, accumulator, error);
    }
  }
}

package dev.genaiagent.instrumentation.openai;

import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import dev.genaiagent.telemetry.GenAiCall;
import dev.genaiagent.telemetry.GenAiInstrumenter;
import dev.genaiagent.telemetry.StreamWatch;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import javax.annotation.Nullable;

/**
 * One SDK call of any API, from advice enter to the end of its response: current while the SDK sends
 * the request (so the HTTP span nests under it), ended when the response is parsed, its stream ends,
 * or it fails. The public {@code *Call} classes give advice typed entry points onto this.
 */
final class OpenAiCall<REQUEST, RESULT> {

  /** Turns a parsed SDK value into what the getter reads. */
  interface ResultMapper<T, RESULT> {
    RESULT map(T parsed);
  }

  /** Assembles a streamed result element by element; must never throw. */
  interface StreamAccumulator<E, RESULT> {
    void onElement(E element);

    RESULT result();
  }

  private final GenAiInstrumenter<REQUEST, RESULT> instrumenter;
  private final REQUEST request;
  final GenAiCall call;
  private final Scope scope;

  private OpenAiCall(GenAiInstrumenter<REQUEST, RESULT> instrumenter, REQUEST request, GenAiCall call) {
    this.instrumenter = instrumenter;
    this.request = request;
    this.call = call;
    this.scope = call.makeCurrent();
  }

  static <REQUEST, RESULT> OpenAiCall<REQUEST, RESULT> start(GenAiInstrumenter<REQUEST, RESULT> instrumenter,
      REQUEST request) {
    StreamWatch.poll();
    GenAiCall call = instrumenter.start(Context.current(), request);
    instrumenter.captureRequestContent(call, request);
    return new OpenAiCall<>(instrumenter, request, call);
  }

  <T> HttpResponseFor<T> end(@Nullable HttpResponseFor<T> response, @Nullable Throwable error,
      ResultMapper<T, RESULT> mapper) {
    scope.close();
    return traced(response, error, mapper);
  }

  <T> CompletableFuture<HttpResponseFor<T>> endAsync(@Nullable CompletableFuture<HttpResponseFor<T>> future,
      @Nullable Throwable error, ResultMapper<T, RESULT> mapper) {
    scope.close();
    if (error != null || future == null) {
      fail(error);
      return future;
    }
    return Futures.chain(future, (response, e) -> traced(response, e, mapper));
  }

  <E> HttpResponseFor<StreamResponse<E>> endStreaming(@Nullable HttpResponseFor<StreamResponse<E>> response,
      @Nullable Throwable error, StreamAccumulator<E, RESULT> accumulator) {
    scope.close();
    return tracedStream(response, error, accumulator);
  }

  <E> CompletableFuture<HttpResponseFor<StreamResponse<E>>> endAsyncStreaming(
      @Nullable CompletableFuture<HttpResponseFor<StreamResponse<E>>> future, @Nullable Throwable error,
      StreamAccumulator<E, RESULT> accumulator) {
    scope.close();
    if (error != null || future == null) {
      fail(error);
      return future;
    }
    return Futures.chain(future, (response, e) -> tracedStream(response, e, accumulator));
  }

  private <T> HttpResponseFor<T> traced(@Nullable HttpResponseFor<T> response, @Nullable Throwable error,
      ResultMapper<T, RESULT> mapper) {
    if (error != null || response == null) {
      fail(error);
      return response;
    }
    return new TracedHttpResponseFor<>(response, new EndingCompletion<T>() {
      @Override
      public T onParsed(T parsed) {
        RESULT result = null;
        try {
          result = mapper.map(parsed);
        } catch (Throwable ignored) {
          // the call still ends, with what the request told
        }
        instrumenter.end(call, request, result, null);
        return parsed;
      }
    });
  }

  private <E> HttpResponseFor<StreamResponse<E>> tracedStream(@Nullable HttpResponseFor<StreamResponse<E>> response,
      @Nullable Throwable error, StreamAccumulator<E, RESULT> accumulator) {
    if (error != null || response == null) {
      fail(error);
      return response;
    }
    return new TracedHttpResponseFor<>(response, new EndingCompletion<StreamResponse<E>>() {
      @Override
      public StreamResponse<E> onParsed(StreamResponse<E> stream) {
        StreamObserver<E> observer = new StreamObserver<>(OpenAiCall.this, accumulator);
        TracedStreamResponse<E> traced = new TracedStreamResponse<>(stream, observer);
        // The abandon action must not reach the stream object, or it could never become unreachable.
        GenAiInstrumenter<REQUEST, RESULT> instrumenter = OpenAiCall.this.instrumenter;
        GenAiCall call = OpenAiCall.this.call;
        observer.watch = StreamWatch.watch(traced,
            errorType -> instrumenter.fail(call, accumulator.result(), errorType),
            OpenAiSingletons.TELEMETRY.streamTimeoutNanos());
        return traced;
      }
    });
  }

  /** A response that fails to parse fails the call; one closed unparsed ends it with what the request told. */
  private abstract class EndingCompletion<T> implements TracedHttpResponseFor.Completion<T> {
    @Override
    public void onFailed(Throwable e) {
      fail(e);
    }

    @Override
    public void onClosedUnparsed() {
      instrumenter.end(call, request, null, null);
    }
  }

  private void fail(@Nullable Throwable error) {
    instrumenter.end(call, request, null, error);
  }

  /** Ends the call once, however the stream ends; never throws into the application's stream. */
  private static final class StreamObserver<E> implements TracedStreamResponse.Observer<E> {
    private final OpenAiCall<?, ?> owner;
    private final StreamAccumulator<E, ?> accumulator;
    @Nullable volatile StreamWatch.Watch watch;

    StreamObserver(OpenAiCall<?, ?> owner, StreamAccumulator<E, ?> accumulator) {
      this.owner = owner;
      this.accumulator = accumulator;
    }

    @Override
    public void onElement(E element) {
      try {
        accumulator.onElement(element);
      } catch (Throwable ignored) {
        // an odd element costs its own telemetry only
      }
    }

    @Override
    public void onExhausted() {
      finish(null);
    }

    @Override
    public void onClosed() {
      finish(null);
    }

    @Override
    public void onFailed(Throwable error) {
      finish(error);
    }

    private void finish(@Nullable Throwable error) {
      StreamWatch.Watch w = watch;
      if (w != null) {
        w.done();
      }
      owner.endStream(accumulator, error);
    }
  }

  @SuppressWarnings("unchecked")
  private void endStream(StreamAccumulator<?, ?> accumulator, @Nullable Throwable error) {
    instrumenter.end(call, request, (RESULT) accumulator.result(), error);
  }
}

package dev.genaiagent.instrumentation.openai;

import com.openai.core.http.Headers;
import com.openai.core.http.HttpResponseFor;
import java.io.InputStream;
import java.util.Optional;

/**
 * The SDK's raw response, unchanged for the application, that tells the call what {@link #parse()}
 * returned. The SDK's own {@code create} parses right away; a {@code withRawResponse()} caller may parse
 * later or never, so {@link #close()} ends the call too.
 */
final class TracedHttpResponseFor<T> implements HttpResponseFor<T> {

  /** What to do with the parsed value: end the call, or wrap a stream that ends it later. */
  interface Completion<T> {
    T onParsed(T parsed);

    void onFailed(Throwable error);

    void onClosedUnparsed();
  }

  private final HttpResponseFor<T> delegate;
  private final Completion<T> completion;

  TracedHttpResponseFor(HttpResponseFor<T> delegate, Completion<T> completion) {
    this.delegate = delegate;
    this.completion = completion;
  }

  @Override
  public T parse() {
    T parsed;
    try {
      parsed = delegate.parse();
    } catch (RuntimeException | Error e) {
      completion.onFailed(e);
      throw e;
    }
    return completion.onParsed(parsed);
  }

  @Override
  public int statusCode() {
    return delegate.statusCode();
  }

  @Override
  public Headers headers() {
    return delegate.headers();
  }

  @Override
  public Optional<String> requestId() {
    return delegate.requestId();
  }

  @Override
  public InputStream body() {
    return delegate.body();
  }

  @Override
  public void close() {
    try {
      delegate.close();
    } finally {
      completion.onClosedUnparsed();
    }
  }
}

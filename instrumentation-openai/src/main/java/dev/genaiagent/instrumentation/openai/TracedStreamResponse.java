package dev.genaiagent.instrumentation.openai;

import com.openai.core.http.StreamResponse;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A stream the application reads exactly as it would without the agent (same elements, order and
 * exceptions), that ends the call once: when exhausted, closed, or failed. The SDK's async streams
 * read this same object on their executor, so they are covered too.
 */
final class TracedStreamResponse<T> implements StreamResponse<T> {

  /** Receives what the application reads. */
  interface Observer<T> {
    void onElement(T element);

    void onExhausted();

    void onClosed();

    void onFailed(Throwable error);
  }

  private final StreamResponse<T> delegate;
  private final Observer<T> observer;

  TracedStreamResponse(StreamResponse<T> delegate, Observer<T> observer) {
    this.delegate = delegate;
    this.observer = observer;
  }

  @Override
  public Stream<T> stream() {
    Stream<T> inner = delegate.stream();
    return StreamSupport.stream(new ObservingSpliterator<>(inner.spliterator(), observer), inner.isParallel())
        .onClose(inner::close);
  }

  @Override
  public void close() {
    try {
      delegate.close();
    } finally {
      observer.onClosed();
    }
  }

  private static final class ObservingSpliterator<T> implements Spliterator<T> {
    private final Spliterator<T> inner;
    private final Observer<T> observer;

    ObservingSpliterator(Spliterator<T> inner, Observer<T> observer) {
      this.inner = inner;
      this.observer = observer;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
      boolean advanced;
      try {
        advanced = inner.tryAdvance(element -> {
          observer.onElement(element);
          action.accept(element);
        });
      } catch (RuntimeException | Error e) {
        observer.onFailed(e);
        throw e;
      }
      if (!advanced) {
        observer.onExhausted();
      }
      return advanced;
    }

    @Override
    public Spliterator<T> trySplit() {
      return null; // chunks arrive in order from one connection: never split
    }

    @Override
    public long estimateSize() {
      return inner.estimateSize();
    }

    @Override
    public int characteristics() {
      return inner.characteristics() & ~(Spliterator.SIZED | Spliterator.SUBSIZED);
    }
  }
}

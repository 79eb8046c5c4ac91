package dev.genaiagent.instrumentation.openai;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.annotation.Nullable;

/** Async SDK calls: telemetry on completion without changing what the application observes. */
final class Futures {

  interface Mapper<R> {
    R apply(@Nullable R response, @Nullable Throwable error);
  }

  /**
   * A future that completes exactly like {@code original} (same value, possibly wrapped by
   * {@code mapper}, same exception) and whose cancellation reaches {@code original}.
   */
  static <R> CompletableFuture<R> chain(CompletableFuture<R> original, Mapper<R> mapper) {
    CompletableFuture<R> result = new CompletableFuture<>();
    original.whenComplete((response, e) -> {
      R mapped = response;
      try {
        mapped = mapper.apply(response, e == null ? null : unwrap(e));
      } catch (Throwable ignored) {
        // telemetry must not change the outcome
      }
      if (e != null) {
        result.completeExceptionally(e);
      } else {
        result.complete(mapped);
      }
    });
    result.whenComplete((r, e) -> {
      if (e instanceof CancellationException) {
        original.cancel(false);
      }
    });
    return result;
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  private Futures() {}
}

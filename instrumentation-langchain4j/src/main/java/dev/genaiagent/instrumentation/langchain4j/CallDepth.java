package dev.genaiagent.instrumentation.langchain4j;

/**
 * Only the outermost of nested calls of one kind on a thread is instrumented: {@code chat(request)}
 * delegating to {@code chat(request, options)}, user decorators and LangChain4j's listening wrappers
 * around a model, {@code embedAll} calling {@code embed(request)}. Advice increments on enter and
 * always decrements on exit.
 */
public final class CallDepth {
  private final ThreadLocal<int[]> depth = new ThreadLocal<int[]>() {
    @Override
    protected int[] initialValue() {
      return new int[1];
    }
  };

  /** True when this call is the outermost one. */
  public boolean enter() {
    return depth.get()[0]++ == 0;
  }

  public void exit() {
    int[] d = depth.get();
    if (d[0] > 0) {
      d[0]--;
    }
  }
}

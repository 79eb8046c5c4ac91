package dev.genaiagent.instrumentation.openai.javaagent;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import com.openai.core.ClientOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import dev.genaiagent.instrumentation.openai.CompletionCall;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code create} and {@code createStreaming} of the legacy Completions raw-response services. */
final class CompletionsInstrumentation implements TypeInstrumentation {
  static final String BLOCKING = "com.openai.services.blocking.CompletionServiceImpl$WithRawResponseImpl";
  static final String ASYNC = "com.openai.services.async.CompletionServiceAsyncImpl$WithRawResponseImpl";
  private static final String PARAMS = "com.openai.models.completions.CompletionCreateParams";

  private final String className;

  CompletionsInstrumentation(String className) {
    this.className = className;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(className);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    String prefix = CompletionsInstrumentation.class.getName();
    boolean async = ASYNC.equals(className);
    transformer.applyAdviceToMethod(
        isPublic().and(named("create")).and(takesArguments(2)).and(takesArgument(0, named(PARAMS))),
        prefix + (async ? "$AsyncCreateAdvice" : "$CreateAdvice"));
    transformer.applyAdviceToMethod(
        isPublic().and(named("createStreaming")).and(takesArguments(2)).and(takesArgument(0, named(PARAMS))),
        prefix + (async ? "$AsyncCreateStreamingAdvice" : "$CreateStreamingAdvice"));
  }

  @SuppressWarnings("unused")
  public static final class CreateAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static CompletionCall onEnter(
        @Advice.Argument(0) CompletionCreateParams params,
        @Advice.FieldValue("clientOptions") ClientOptions options) {
      return CompletionCall.start(params, options, false);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter CompletionCall call,
        @Advice.Return(readOnly = false) HttpResponseFor<Completion> response,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        response = call.end(response, error);
      }
    }
  }

  @SuppressWarnings("unused")
  public static final class CreateStreamingAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static CompletionCall onEnter(
        @Advice.Argument(0) CompletionCreateParams params,
        @Advice.FieldValue("clientOptions") ClientOptions options) {
      return CompletionCall.start(params, options, true);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter CompletionCall call,
        @Advice.Return(readOnly = false) HttpResponseFor<StreamResponse<Completion>> response,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        response = call.endStreaming(response, error);
      }
    }
  }

  @SuppressWarnings("unused")
  public static final class AsyncCreateAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static CompletionCall onEnter(
        @Advice.Argument(0) CompletionCreateParams params,
        @Advice.FieldValue("clientOptions") ClientOptions options) {
      return CompletionCall.start(params, options, false);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter CompletionCall call,
        @Advice.Return(readOnly = false) CompletableFuture<HttpResponseFor<Completion>> response,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        response = call.endAsync(response, error);
      }
    }
  }

  @SuppressWarnings("unused")
  public static final class AsyncCreateStreamingAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static CompletionCall onEnter(
        @Advice.Argument(0) CompletionCreateParams params,
        @Advice.FieldValue("clientOptions") ClientOptions options) {
      return CompletionCall.start(params, options, true);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter CompletionCall call,
        @Advice.Return(readOnly = false) CompletableFuture<HttpResponseFor<StreamResponse<Completion>>> response,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        response = call.endAsyncStreaming(response, error);
      }
    }
  }
}

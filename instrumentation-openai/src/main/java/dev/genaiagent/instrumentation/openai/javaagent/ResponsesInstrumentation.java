package dev.genaiagent.instrumentation.openai.javaagent;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import com.openai.core.ClientOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ResponseCreateParams;
import dev.genaiagent.instrumentation.openai.ResponsesCall;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code create} and {@code createStreaming} of the Responses API raw-response services. */
final class ResponsesInstrumentation implements TypeInstrumentation {
  static final String BLOCKING = "com.openai.services.blocking.ResponseServiceImpl$WithRawResponseImpl";
  static final String ASYNC = "com.openai.services.async.ResponseServiceAsyncImpl$WithRawResponseImpl";
  private static final String PARAMS = "com.openai.models.responses.ResponseCreateParams";

  private final String className;

  ResponsesInstrumentation(String className) {
    this.className = className;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(className);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    String prefix = ResponsesInstrumentation.class.getName();
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
    public static ResponsesCall onEnter(
        @Advice.Argument(0) ResponseCreateParams params,
        @Advice.FieldValue("clientOptions") ClientOptions options) {
      return ResponsesCall.start(params, options, false);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter ResponsesCall call,
        @Advice.Return(readOnly = false) HttpResponseFor<Response> response,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        response = call.end(response, error);
      }
    }
  }

  @SuppressWarnings("unused")
  public static final class CreateStreamingAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ResponsesCall onEnter(
        @Advice.Argument(0) ResponseCreateParams params,
        @Advice.FieldValue("clientOptions") ClientOptions options) {
      return ResponsesCall.start(params, options, true);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter ResponsesCall call,
        @Advice.Return(readOnly = false) HttpResponseFor<StreamResponse<ResponseStreamEvent>> response,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        response = call.endStreaming(response, error);
      }
    }
  }

  @SuppressWarnings("unused")
  public static final class AsyncCreateAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ResponsesCall onEnter(
        @Advice.Argument(0) ResponseCreateParams params,
        @Advice.FieldValue("clientOptions") ClientOptions options) {
      return ResponsesCall.start(params, options, false);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter ResponsesCall call,
        @Advice.Return(readOnly = false) CompletableFuture<HttpResponseFor<Response>> response,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        response = call.endAsync(response, error);
      }
    }
  }

  @SuppressWarnings("unused")
  public static final class AsyncCreateStreamingAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ResponsesCall onEnter(
        @Advice.Argument(0) ResponseCreateParams params,
        @Advice.FieldValue("clientOptions") ClientOptions options) {
      return ResponsesCall.start(params, options, true);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter ResponsesCall call,
        @Advice.Return(readOnly = false) CompletableFuture<HttpResponseFor<StreamResponse<ResponseStreamEvent>>> response,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        response = call.endAsyncStreaming(response, error);
      }
    }
  }
}

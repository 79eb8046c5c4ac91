package dev.genaiagent.instrumentation.openai.javaagent;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import com.openai.core.ClientOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.genaiagent.instrumentation.openai.EmbeddingsCall;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code create} of the embeddings raw-response services. */
final class EmbeddingsInstrumentation implements TypeInstrumentation {
  static final String BLOCKING = "com.openai.services.blocking.EmbeddingServiceImpl$WithRawResponseImpl";
  static final String ASYNC = "com.openai.services.async.EmbeddingServiceAsyncImpl$WithRawResponseImpl";
  private static final String PARAMS = "com.openai.models.embeddings.EmbeddingCreateParams";

  private final String className;

  EmbeddingsInstrumentation(String className) {
    this.className = className;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(className);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic().and(named("create")).and(takesArguments(2)).and(takesArgument(0, named(PARAMS))),
        EmbeddingsInstrumentation.class.getName() + (ASYNC.equals(className) ? "$AsyncCreateAdvice" : "$CreateAdvice"));
  }

  @SuppressWarnings("unused")
  public static final class CreateAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static EmbeddingsCall onEnter(
        @Advice.Argument(0) EmbeddingCreateParams params,
        @Advice.FieldValue("clientOptions") ClientOptions options) {
      return EmbeddingsCall.start(params, options);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter EmbeddingsCall call,
        @Advice.Return(readOnly = false) HttpResponseFor<CreateEmbeddingResponse> response,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        response = call.end(response, error);
      }
    }
  }

  @SuppressWarnings("unused")
  public static final class AsyncCreateAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static EmbeddingsCall onEnter(
        @Advice.Argument(0) EmbeddingCreateParams params,
        @Advice.FieldValue("clientOptions") ClientOptions options) {
      return EmbeddingsCall.start(params, options);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter EmbeddingsCall call,
        @Advice.Return(readOnly = false) CompletableFuture<HttpResponseFor<CreateEmbeddingResponse>> response,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        response = call.endAsync(response, error);
      }
    }
  }
}

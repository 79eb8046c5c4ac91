package dev.genaiagent.instrumentation.langchain4j.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.genaiagent.instrumentation.langchain4j.service.LangChain4jService;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code AiServiceStreamingResponseHandler}, one per model round of a streaming AI service: its
 * constructors (any arguments: they change in almost every release), {@code onCompleteResponse} (runs
 * the tools and the next round, or completes the stream) and {@code onError} (terminal in every
 * version, also when the application chose {@code ignoreErrors()}).
 */
final class StreamingResponseHandlerInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(AiServicesInstrumentation.AI_SERVICES);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("dev.langchain4j.service.AiServiceStreamingResponseHandler");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    String prefix = StreamingResponseHandlerInstrumentation.class.getName();
    transformer.applyAdviceToMethod(isConstructor(), prefix + "$ConstructorAdvice");
    transformer.applyAdviceToMethod(named("onCompleteResponse").and(takesArguments(1)),
        prefix + "$CompleteAdvice");
    transformer.applyAdviceToMethod(named("onError").and(takesArguments(Throwable.class)),
        prefix + "$ErrorAdvice");
  }

  @SuppressWarnings("unused")
  public static final class ConstructorAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void onExit(@Advice.This Object handler) {
      LangChain4jService.roundCreated(handler);
    }
  }

  @SuppressWarnings("unused")
  public static final class CompleteAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static LangChain4jService.Round onEnter(@Advice.This Object handler) {
      return LangChain4jService.roundCompleting(handler);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Enter LangChain4jService.Round round, @Advice.Thrown Throwable error) {
      if (round != null) {
        round.end(error);
      }
    }
  }

  @SuppressWarnings("unused")
  public static final class ErrorAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter(@Advice.This Object handler, @Advice.Argument(0) Throwable error) {
      LangChain4jService.roundFailed(handler, error);
    }
  }
}

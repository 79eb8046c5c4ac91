package dev.genaiagent.instrumentation.langchain4j.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.genaiagent.instrumentation.langchain4j.service.LangChain4jService;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.lang.reflect.Method;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The AI-service proxy's handler, {@code DefaultAiServices$1.invoke(Object, Method, Object[])}: the
 * anonymous class has that name in every 1.x release. 1.6+ adds {@code invoke(Method, Object[],
 * InvocationContext)} on the same class, called by the first: the exact arguments keep it out.
 */
final class AiServicesInstrumentation implements TypeInstrumentation {
  static final String AI_SERVICES = "dev.langchain4j.service.AiServices";

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(AI_SERVICES);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("dev.langchain4j.service.DefaultAiServices$1");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("invoke").and(takesArguments(3)).and(takesArgument(0, Object.class))
            .and(takesArgument(1, Method.class)).and(takesArgument(2, Object[].class)),
        AiServicesInstrumentation.class.getName() + "$InvokeAdvice");
  }

  @SuppressWarnings("unused")
  public static final class InvokeAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static LangChain4jService onEnter(
        @Advice.This Object handler,
        @Advice.Argument(0) Object proxy,
        @Advice.Argument(1) Method method,
        @Advice.Argument(2) Object[] args) {
      return LangChain4jService.start(handler, proxy, method, args);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Enter LangChain4jService call, @Advice.Thrown Throwable error) {
      if (call != null) {
        call.end(error);
      }
    }
  }
}

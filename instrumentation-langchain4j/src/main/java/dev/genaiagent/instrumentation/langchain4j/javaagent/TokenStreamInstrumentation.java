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
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code AiServiceTokenStream}: built during the service call (the {@code invoke_agent} span goes on
 * with it), run by {@code start()}. Constructor, {@code start()} and the {@code completeResponseHandler}
 * field are the same in every 1.x release.
 */
final class TokenStreamInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(AiServicesInstrumentation.AI_SERVICES);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("dev.langchain4j.service.AiServiceTokenStream");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(isConstructor(),
        TokenStreamInstrumentation.class.getName() + "$ConstructorAdvice");
    transformer.applyAdviceToMethod(named("start").and(takesArguments(0)),
        TokenStreamInstrumentation.class.getName() + "$StartAdvice");
  }

  @SuppressWarnings("unused")
  public static final class ConstructorAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void onExit(@Advice.This Object stream) {
      LangChain4jService.tokenStreamCreated(stream);
    }
  }

  @SuppressWarnings("unused")
  public static final class StartAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static LangChain4jService onEnter(
        @Advice.This Object stream,
        @Advice.FieldValue(value = "completeResponseHandler", readOnly = false, typing = Assigner.Typing.DYNAMIC)
            Object completion) {
      LangChain4jService call = LangChain4jService.startStream(stream);
      if (call != null && completion != null) {
        completion = call.completionHandler(completion);
      }
      return call;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Enter LangChain4jService call, @Advice.Thrown Throwable error) {
      if (call != null) {
        call.endStart(error);
      }
    }
  }
}

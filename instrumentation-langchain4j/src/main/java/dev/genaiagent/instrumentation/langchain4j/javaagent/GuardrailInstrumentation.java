package dev.genaiagent.instrumentation.langchain4j.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.genaiagent.instrumentation.langchain4j.guardrail.LangChain4jGuardrail;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Guardrails (LangChain4j 1.1.0+): {@code AbstractGuardrailExecutor.validate(GuardrailRequest, Guardrail)},
 * the one place every input and output guardrail of an AI service is run, once per guardrail (descriptor
 * unchanged 1.1.0-1.19.0). 1.0.x has no such class: nothing matches there, the rest of the module applies.
 */
final class GuardrailInstrumentation implements TypeInstrumentation {
  static final String EXECUTOR = "dev.langchain4j.guardrail.AbstractGuardrailExecutor";

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(EXECUTOR);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(EXECUTOR);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("validate").and(not(isAbstract())).and(takesArguments(2))
            .and(takesArgument(0, named("dev.langchain4j.guardrail.GuardrailRequest")))
            .and(takesArgument(1, named("dev.langchain4j.guardrail.Guardrail"))),
        GuardrailInstrumentation.class.getName() + "$ValidateAdvice");
  }

  @SuppressWarnings("unused")
  public static final class ValidateAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static LangChain4jGuardrail onEnter(@Advice.Argument(1) Object guardrail) {
      return LangChain4jGuardrail.start(guardrail);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter LangChain4jGuardrail validation,
        @Advice.Return Object result,
        @Advice.Thrown Throwable error) {
      if (validation != null) {
        validation.end(result, error);
      }
    }
  }
}

package dev.genaiagent.instrumentation.langchain4j.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.genaiagent.instrumentation.langchain4j.service.LangChain4jTool;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code DefaultToolExecutor}'s private {@code execute(Object[])} (every version; returns {@code String}
 * up to 1.5, {@code ToolExecutionResult} since 1.6), where the {@code @Tool} method is invoked. Its
 * {@code InvocationTargetException} is the tool's failure, which 1.0-1.3 (and 1.6+ when not propagating)
 * turn into result text the service carries on with: the only place the failure can be seen.
 */
final class DefaultToolExecutorInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(ToolExecutorInstrumentation.TOOL_EXECUTOR);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("dev.langchain4j.service.tool.DefaultToolExecutor");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(named("execute").and(isPrivate()).and(takesArguments(Object[].class)),
        DefaultToolExecutorInstrumentation.class.getName() + "$InvokeToolMethodAdvice");
  }

  @SuppressWarnings("unused")
  public static final class InvokeToolMethodAdvice {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Thrown Throwable error) {
      if (error != null) {
        LangChain4jTool.toolMethodThrew(error);
      }
    }
  }
}

package dev.genaiagent.instrumentation.langchain4j.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.genaiagent.instrumentation.langchain4j.service.LangChain4jTool;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ToolExecutor.execute(ToolExecutionRequest, Object)} and (1.6+) {@code executeWithContext(
 * ToolExecutionRequest, InvocationContext)} of every implementation, the interface's default included:
 * {@code @Tool} methods ({@code DefaultToolExecutor}), programmatic executors and lambdas, MCP tools.
 */
final class ToolExecutorInstrumentation implements TypeInstrumentation {
  static final String TOOL_EXECUTOR = "dev.langchain4j.service.tool.ToolExecutor";
  static final String TOOL_EXECUTION_REQUEST = "dev.langchain4j.agent.tool.ToolExecutionRequest";

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(TOOL_EXECUTOR);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(TOOL_EXECUTOR).or(implementsInterface(named(TOOL_EXECUTOR)));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("execute").and(not(isAbstract())).and(takesArguments(2))
            .and(takesArgument(0, named(TOOL_EXECUTION_REQUEST))).and(takesArgument(1, Object.class)),
        ToolExecutorInstrumentation.class.getName() + "$ExecuteAdvice");
    transformer.applyAdviceToMethod(
        named("executeWithContext").and(not(isAbstract())).and(takesArguments(2))
            .and(takesArgument(0, named(TOOL_EXECUTION_REQUEST)))
            .and(takesArgument(1, named("dev.langchain4j.invocation.InvocationContext"))),
        ToolExecutorInstrumentation.class.getName() + "$ExecuteAdvice");
  }

  @SuppressWarnings("unused")
  public static final class ExecuteAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static LangChain4jTool onEnter(@Advice.This Object executor, @Advice.Argument(0) Object request) {
      return LangChain4jTool.start(executor, request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter LangChain4jTool tool,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable error) {
      if (tool != null) {
        tool.end(result, error);
      }
    }
  }
}

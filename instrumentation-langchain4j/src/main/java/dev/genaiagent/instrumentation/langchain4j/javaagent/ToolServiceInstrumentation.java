package dev.genaiagent.instrumentation.langchain4j.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.genaiagent.instrumentation.langchain4j.service.ToolDescriptions;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.util.Map;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ToolService.tools(Map<ToolSpecification, ToolExecutor>)} (every version; {@code AiServices.tools(Map)}
 * and its 1.x variants land here): remembers each programmatic executor's description, which the
 * execution request does not carry.
 */
final class ToolServiceInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(AiServicesInstrumentation.AI_SERVICES);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("dev.langchain4j.service.tool.ToolService");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(named("tools").and(takesArguments(Map.class)),
        ToolServiceInstrumentation.class.getName() + "$RegisterAdvice");
  }

  @SuppressWarnings("unused")
  public static final class RegisterAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter(@Advice.Argument(0) Map<?, ?> tools) {
      ToolDescriptions.register(tools);
    }
  }
}

package dev.genaiagent.instrumentation.langchain4j.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.genaiagent.instrumentation.langchain4j.service.ToolDescriptions;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The constructors of {@code ToolProviderResult} (every 1.x version; built by {@code ToolProvider}s such
 * as {@code McpToolProvider} for each AI service call): remembers each provided executor's description,
 * which the execution request does not carry. Where a constructor delegates to another (1.10+), the
 * same descriptions are remembered twice, harmlessly.
 */
final class ToolProviderResultInstrumentation implements TypeInstrumentation {
  static final String TOOL_PROVIDER_RESULT = "dev.langchain4j.service.tool.ToolProviderResult";

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(TOOL_PROVIDER_RESULT);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(TOOL_PROVIDER_RESULT);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(isConstructor(),
        ToolProviderResultInstrumentation.class.getName() + "$ConstructorAdvice");
  }

  @SuppressWarnings("unused")
  public static final class ConstructorAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void onExit(@Advice.This Object result) {
      ToolDescriptions.provided(result);
    }
  }
}

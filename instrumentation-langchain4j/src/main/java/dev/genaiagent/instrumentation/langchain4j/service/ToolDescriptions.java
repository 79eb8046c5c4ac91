package dev.genaiagent.instrumentation.langchain4j.service;

import dev.genaiagent.instrumentation.langchain4j.Reflection;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.service.tool.ToolProviderResult;
import io.opentelemetry.instrumentation.api.internal.cache.Cache;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * {@code gen_ai.tool.description}, which a {@code ToolExecutionRequest} does not carry: for a
 * {@code @Tool} method, the annotation's text as LangChain4j sends it to the model (its lines joined by
 * newlines), from {@code DefaultToolExecutor}'s {@code originalMethod} (a field in every version); for
 * a programmatic executor, the {@code ToolSpecification} it was registered with, or a tool provider
 * returned it with. Both are looked up once; only strings are kept, keyed weakly by the executor or
 * method.
 */
public final class ToolDescriptions {
  private static final Cache<Object, Map<String, String>> REGISTERED = Cache.weak();
  private static final Cache<Method, String> ANNOTATED = Cache.weak();
  private static final String TOOL = "dev.langchain4j.agent.tool.Tool";

  private ToolDescriptions() {}

  /** At {@code ToolService.tools(Map<ToolSpecification, ToolExecutor>)}: how the application described them. */
  public static void register(@Nullable Map<?, ?> tools) {
    if (tools == null) {
      return;
    }
    for (Map.Entry<?, ?> e : tools.entrySet()) {
      if (!(e.getKey() instanceof ToolSpecification) || e.getValue() == null) {
        continue;
      }
      ToolSpecification spec = (ToolSpecification) e.getKey();
      if (spec.name() == null || spec.description() == null) {
        continue;
      }
      // One executor may serve several tools: descriptions are kept per tool name.
      Map<String, String> byName = REGISTERED.computeIfAbsent(e.getValue(), k -> new HashMap<>());
      synchronized (byName) {
        byName.put(spec.name(), spec.description());
      }
    }
  }

  /**
   * At the end of a {@code ToolProviderResult} constructor: how a tool provider described its tools (an
   * MCP server's tool list through {@code McpToolProvider}, an application's own provider). Read with
   * {@code tools()}, which every 1.x version has.
   */
  public static void provided(@Nullable Object result) {
    if (result instanceof ToolProviderResult) {
      register(((ToolProviderResult) result).tools());
    }
  }

  @Nullable
  static String of(Object executor, @Nullable String toolName) {
    Map<String, String> byName = REGISTERED.get(executor);
    if (byName != null) {
      synchronized (byName) {
        return byName.get(toolName);
      }
    }
    Object method = Reflection.field(executor, "originalMethod");
    if (!(method instanceof Method)) {
      return null;
    }
    String description = ANNOTATED.get((Method) method);
    if (description == null) {
      description = annotated((Method) method);
      ANNOTATED.put((Method) method, description);
    }
    return description.isEmpty() ? null : description;
  }

  private static String annotated(Method method) {
    for (Annotation a : method.getAnnotations()) {
      if (a.annotationType().getName().equals(TOOL)) {
        Object value = AnnotationValues.get(a, "value");
        return value instanceof String[] ? String.join("\n", (String[]) value) : "";
      }
    }
    return "";
  }
}

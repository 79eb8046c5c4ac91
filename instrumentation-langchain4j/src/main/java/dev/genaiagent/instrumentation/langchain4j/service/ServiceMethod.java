package dev.genaiagent.instrumentation.langchain4j.service;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.instrumentation.api.internal.cache.Cache;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Scanner;
import javax.annotation.Nullable;

/**
 * What an AI-service method declares, read once per {@link Method} (the proxy class holds one instance
 * per method, so the weak cache hits on every call): whether the call is an AI call at all, where its
 * {@code @MemoryId} is, and its system message template. The template, not the rendered message, is
 * fingerprinted: {@code gen_ai.system_instructions.hash} then changes when the prompt is edited, not
 * with each user's variables.
 */
final class ServiceMethod {
  private static final Cache<Method, ServiceMethod> METHODS = Cache.weak();
  /** Calls LangChain4j answers itself, without a model: they are not agent invocations. */
  static final ServiceMethod NOT_AN_AI_CALL = new ServiceMethod(false, -1, null, null, null, false);

  private static final String CHAT_MEMORY_ACCESS = "dev.langchain4j.service.memory.ChatMemoryAccess";
  private static final String MEMORY_ID = "dev.langchain4j.service.MemoryId";
  private static final String SYSTEM_MESSAGE = "dev.langchain4j.service.SystemMessage";
  private static final String TOKEN_STREAM = "dev.langchain4j.service.TokenStream";
  private static final String V = "dev.langchain4j.service.V";

  final boolean aiCall;
  final int memoryIdIndex;
  /** {@code code.function.name}: the interface's fully qualified name and the method name. */
  @Nullable final Attributes codeAttributes;
  @Nullable final String systemTemplate;
  @Nullable final String promptName;
  /** Returns a {@code TokenStream}: the streaming model answers (adapted return types are not told apart). */
  final boolean streaming;
  /** The template variable each argument fills ({@code @V} names), null for other arguments; null if none. */
  @Nullable String[] variableNames;

  private ServiceMethod(boolean aiCall, int memoryIdIndex, @Nullable String functionName,
      @Nullable String systemTemplate, @Nullable String promptName, boolean streaming) {
    this.streaming = streaming;
    this.aiCall = aiCall;
    this.memoryIdIndex = memoryIdIndex;
    this.codeAttributes = functionName == null ? null
        : Attributes.of(AgentAttributesGetter.CODE_FUNCTION_NAME, functionName);
    this.systemTemplate = systemTemplate;
    this.promptName = promptName;
  }

  static ServiceMethod of(Method method, Class<?> serviceInterface, Class<?> handlerClass) {
    ServiceMethod m = METHODS.get(method);
    if (m == null) {
      m = read(method, serviceInterface, handlerClass);
      METHODS.put(method, m);
    }
    return m;
  }

  private static ServiceMethod read(Method method, Class<?> serviceInterface, Class<?> handlerClass) {
    Class<?> declaring = method.getDeclaringClass();
    if (declaring == Object.class || declaring.getName().equals(CHAT_MEMORY_ACCESS)
        || (method.isDefault() && LibraryVersion.invokesDefaultMethods(handlerClass))) {
      return NOT_AN_AI_CALL;
    }
    int memoryIdIndex = -1;
    Annotation[][] parameters = method.getParameterAnnotations();
    String[] variableNames = null;
    for (int i = 0; i < parameters.length; i++) {
      for (Annotation a : parameters[i]) {
        Object name = a.annotationType().getName().equals(V) ? AnnotationValues.get(a, "value") : null;
        if (name instanceof String) {
          if (variableNames == null) {
            variableNames = new String[parameters.length];
          }
          variableNames[i] = (String) name;
        }
      }
    }
    for (int i = 0; i < parameters.length && memoryIdIndex < 0; i++) {
      for (Annotation a : parameters[i]) {
        if (a.annotationType().getName().equals(MEMORY_ID)) {
          memoryIdIndex = i;
          break;
        }
      }
    }
    String template = null;
    String promptName = null;
    // The lookup order of DefaultAiServices: the method's annotation, then (1.19+) the interface's.
    Annotation annotation = annotation(method.getAnnotations());
    Class<?> annotated = declaring;
    String defaultName = serviceInterface.getSimpleName() + '.' + method.getName();
    if (annotation == null && LibraryVersion.readsInterfaceSystemMessage(handlerClass)) {
      annotation = annotation(serviceInterface.getAnnotations());
      annotated = serviceInterface;
      defaultName = serviceInterface.getSimpleName();
    }
    if (annotation != null) {
      Object resource = AnnotationValues.get(annotation, "fromResource");
      if (resource instanceof String && !((String) resource).trim().isEmpty()) {
        template = resourceText(annotated, (String) resource);
        promptName = (String) resource;
      } else {
        Object value = AnnotationValues.get(annotation, "value");
        Object delimiter = AnnotationValues.get(annotation, "delimiter");
        if (value instanceof String[] && delimiter instanceof String) {
          template = String.join((String) delimiter, (String[]) value);
          promptName = defaultName;
        }
      }
      if (template == null || template.trim().isEmpty()) {
        template = null; // LangChain4j rejects it: the call fails before any model call
        promptName = null;
      }
    }
    ServiceMethod m = new ServiceMethod(true, memoryIdIndex, serviceInterface.getName() + '.' + method.getName(),
        template, promptName, method.getReturnType().getName().equals(TOKEN_STREAM));
    m.variableNames = variableNames;
    return m;
  }

  /** The {@code @V} arguments by variable name, as text; null when the method has none. */
  @Nullable
  Map<String, String> variables(@Nullable Object[] args) {
    if (variableNames == null || args == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < variableNames.length && i < args.length; i++) {
      if (variableNames[i] != null) {
        out.put(variableNames[i], args[i] == null ? null : String.valueOf(args[i]));
      }
    }
    return out;
  }

  @Nullable
  private static Annotation annotation(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a.annotationType().getName().equals(SYSTEM_MESSAGE)) {
        return a;
      }
    }
    return null;
  }

  /** As DefaultAiServices reads it: relative to the class, then from the class path root. */
  @Nullable
  private static String resourceText(Class<?> type, String resource) {
    try {
      InputStream in = type.getResourceAsStream(resource);
      if (in == null) {
        in = type.getResourceAsStream("/" + resource);
      }
      if (in == null) {
        return null;
      }
      try (Scanner s = new Scanner(in, "UTF-8").useDelimiter("\\A")) {
        return s.hasNext() ? s.next() : "";
      }
    } catch (Throwable t) {
      return null;
    }
  }
}

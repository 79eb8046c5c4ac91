package dev.genaiagent.instrumentation.langchain4j.service;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import javax.annotation.Nullable;

/**
 * Reads an annotation's element by name. The advice side never links to LangChain4j's annotation types
 * ({@code @SystemMessage}, {@code @Tool}): their elements differ between versions, their names do not.
 */
final class AnnotationValues {
  private AnnotationValues() {}

  @Nullable
  static Object get(Annotation annotation, String element) {
    try {
      Method m = annotation.annotationType().getMethod(element);
      m.setAccessible(true);
      return m.invoke(annotation);
    } catch (Throwable t) {
      return null;
    }
  }
}

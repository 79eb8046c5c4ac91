package dev.genaiagent.instrumentation.langchain4j;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.annotation.Nullable;

/**
 * Reads what LangChain4j keeps in provider classes or private fields (token details, base URLs, model
 * names), looked up once per class and name. Anything missing or inaccessible (a named module, a
 * renamed field) answers null: telemetry goes without it, the application never notices.
 */
public final class Reflection {
  private static final Object MISSING = new Object();

  private static final ClassValue<ConcurrentMap<String, Object>> METHODS =
      new ClassValue<ConcurrentMap<String, Object>>() {
        @Override
        protected ConcurrentMap<String, Object> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };
  private static final ClassValue<ConcurrentMap<String, Object>> FIELDS =
      new ClassValue<ConcurrentMap<String, Object>>() {
        @Override
        protected ConcurrentMap<String, Object> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private Reflection() {}

  /** {@code target.name()} for a public no-argument method, or null. */
  @Nullable
  public static Object call(@Nullable Object target, String name) {
    if (target == null) {
      return null;
    }
    ConcurrentMap<String, Object> methods = METHODS.get(target.getClass());
    Object m = methods.get(name);
    if (m == null) {
      m = findMethod(target.getClass(), name);
      methods.put(name, m);
    }
    if (m == MISSING) {
      return null;
    }
    try {
      return ((Method) m).invoke(target);
    } catch (Throwable t) {
      return null;
    }
  }

  /** The value of the field {@code name} declared by the class of {@code target} or a superclass, or null. */
  @Nullable
  public static Object field(@Nullable Object target, String name) {
    if (target == null) {
      return null;
    }
    ConcurrentMap<String, Object> fields = FIELDS.get(target.getClass());
    Object f = fields.get(name);
    if (f == null) {
      f = findField(target.getClass(), name);
      fields.put(name, f);
    }
    if (f == MISSING) {
      return null;
    }
    try {
      return ((Field) f).get(target);
    } catch (Throwable t) {
      return null;
    }
  }

  @Nullable
  public static Long asLong(@Nullable Object value) {
    return value instanceof Number ? ((Number) value).longValue() : null;
  }

  private static Object findMethod(Class<?> type, String name) {
    try {
      Method m = type.getMethod(name);
      if (m.getReturnType() == void.class) {
        return MISSING;
      }
      m.setAccessible(true); // public method of a non-public class
      return m;
    } catch (Throwable t) {
      return MISSING;
    }
  }

  private static Object findField(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // keep looking in the superclass
      } catch (Throwable t) {
        return MISSING; // inaccessible (named module) or security manager: give up on this class
      }
    }
    return MISSING;
  }
}

package dev.genaiagent.instrumentation.langchain4j.service;

import java.lang.reflect.Method;

/**
 * Behaviour of the AI-service proxy that changed between LangChain4j releases, told from the proxy's
 * own class (so a mixed class path is judged by the class that actually runs), once per class.
 */
final class LibraryVersion {
  private static final ClassValue<Boolean> INVOKES_DEFAULT_METHODS = new ClassValue<Boolean>() {
    @Override
    protected Boolean computeValue(Class<?> handlerClass) {
      // 1.4.0 made invoke(...) declare Throwable, in the same change that routed default methods to
      // InvocationHandler.invokeDefault; 1.0-1.3 declare Exception and treat a default method as an AI call.
      try {
        Method invoke = handlerClass.getMethod("invoke", Object.class, Method.class, Object[].class);
        for (Class<?> e : invoke.getExceptionTypes()) {
          if (e == Throwable.class) {
            return true;
          }
        }
      } catch (Throwable t) {
        // keep the 1.0 behaviour
      }
      return false;
    }
  };

  private static final ClassValue<Boolean> READS_INTERFACE_SYSTEM_MESSAGE = new ClassValue<Boolean>() {
    @Override
    protected Boolean computeValue(Class<?> handlerClass) {
      // 1.19.0: a @SystemMessage on the service interface applies to methods without their own.
      Class<?> services = handlerClass.getEnclosingClass();
      if (services == null) {
        return false;
      }
      try {
        for (Method m : services.getDeclaredMethods()) {
          if (m.getName().equals("findSystemMessageTemplateFromClassAnnotation")) {
            return true;
          }
        }
      } catch (Throwable t) {
        // no such support
      }
      return false;
    }
  };

  private LibraryVersion() {}

  static boolean invokesDefaultMethods(Class<?> handlerClass) {
    return INVOKES_DEFAULT_METHODS.get(handlerClass);
  }

  static boolean readsInterfaceSystemMessage(Class<?> handlerClass) {
    return READS_INTERFACE_SYSTEM_MESSAGE.get(handlerClass);
  }
}

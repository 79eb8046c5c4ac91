package dev.genaiagent.instrumentation.openai.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;

import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The OpenAI Java SDK. Every call of every client (OkHttp builders, custom HTTP clients, clients a
 * framework builds itself) runs through the services' {@code WithRawResponseImpl} classes, so those are
 * hooked, not the client builders. Switch: {@code otel.instrumentation.genai-openai.enabled}.
 */
public final class OpenAiInstrumentationModule extends InstrumentationModule {

  public OpenAiInstrumentationModule() {
    super("genai-openai", "genai");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // Service packages and raw-response services as laid out since openai-java 1.0; an SDK without
    // them is skipped whole rather than half-instrumented.
    return hasClassesNamed(
        "com.openai.core.http.HttpResponseFor",
        "com.openai.core.ObjectMappers",
        ChatCompletionsInstrumentation.BLOCKING,
        ChatCompletionsInstrumentation.ASYNC);
  }

  @Override
  public boolean isHelperClass(String className) {
    return className.startsWith("dev.genaiagent.") && !className.contains(".javaagent.");
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return HelperClasses.reachableFrom(
        ChatCompletionsInstrumentation.class, EmbeddingsInstrumentation.class, ResponsesInstrumentation.class,
        CompletionsInstrumentation.class);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new ChatCompletionsInstrumentation(ChatCompletionsInstrumentation.BLOCKING),
        new ChatCompletionsInstrumentation(ChatCompletionsInstrumentation.ASYNC),
        new EmbeddingsInstrumentation(EmbeddingsInstrumentation.BLOCKING),
        new EmbeddingsInstrumentation(EmbeddingsInstrumentation.ASYNC),
        new ResponsesInstrumentation(ResponsesInstrumentation.BLOCKING),
        new ResponsesInstrumentation(ResponsesInstrumentation.ASYNC),
        new CompletionsInstrumentation(CompletionsInstrumentation.BLOCKING),
        new CompletionsInstrumentation(CompletionsInstrumentation.ASYNC));
  }
}

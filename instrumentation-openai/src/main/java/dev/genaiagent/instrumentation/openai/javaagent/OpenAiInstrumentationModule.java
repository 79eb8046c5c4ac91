package dev.genaiagent.instrumentation.openai.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;

import dev.genaiagent.telemetry.cost.PricingTable;
import dev.genaiagent.telemetry.javaagent.HelperClasses;
import io.opentelemetry.javaagent.extension.instrumentation.HelperResourceBuilder;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.Collections;
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
    // The raw-response services and public params bodies we rely on exist from openai-java 0.43;
    // ResponsesModel$ResponsesOnlyModel appeared in 1.1.0, the oldest version we support (checked
    // against every jar from 0.34 to 4.101). An older SDK is skipped whole, not half-instrumented.
    return hasClassesNamed(
        "com.openai.models.ResponsesModel$ResponsesOnlyModel",
        "com.openai.core.http.HttpResponseFor",
        "com.openai.core.ObjectMappers",
        RawResponseServicesInstrumentation.CHAT_BLOCKING,
        RawResponseServicesInstrumentation.CHAT_ASYNC);
  }

  @Override
  public boolean isHelperClass(String className) {
    return className.startsWith("dev.genaiagent.") && !className.contains(".javaagent.");
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return HelperClasses.reachableFrom(RawResponseServicesInstrumentation.class);
  }

  /** The core's helpers read the bundled pricing table from the application's class loader. */
  @Override
  public void registerHelperResources(HelperResourceBuilder helperResourceBuilder) {
    helperResourceBuilder.register(PricingTable.BUNDLED_RESOURCE);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new RawResponseServicesInstrumentation());
  }
}

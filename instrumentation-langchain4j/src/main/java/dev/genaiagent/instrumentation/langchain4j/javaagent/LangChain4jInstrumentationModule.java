package dev.genaiagent.instrumentation.langchain4j.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.genaiagent.telemetry.cost.PricingTable;
import dev.genaiagent.telemetry.javaagent.HelperClasses;
import io.opentelemetry.javaagent.extension.instrumentation.HelperResourceBuilder;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * LangChain4j 1.x: chat and streaming chat models of every provider; AI services (blocking and
 * {@code TokenStream}) as agents, and their tools; embeddings and retrieval; input and output guardrails
 * (1.1.0+, skipped where absent). Hooks sit on LangChain4j's core
 * interfaces, not on provider classes, so a provider we have never seen is covered too. Switch:
 * {@code otel.instrumentation.genai-langchain4j.enabled}.
 */
public final class LangChain4jInstrumentationModule extends InstrumentationModule {

  public LangChain4jInstrumentationModule() {
    super("genai-langchain4j", "genai");
  }

  /** First in core 1.20.0, which added calls that bypass our hooks (chatAsync, Flow.Publisher streaming). */
  static final String NEWER_THAN_SUPPORTED = "dev.langchain4j.model.chat.response.ChatModelStreamingEvent";

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // ChatModel replaced ChatLanguageModel in 1.0.0-rc1: 0.x and the 1.0 betas are skipped whole, and so
    // is 1.20+, rather than traced in part (supported: 1.0.0 to 1.19.x).
    return hasClassesNamed(ChatModelInstrumentation.CHAT_MODEL,
            StreamingChatModelInstrumentation.STREAMING_CHAT_MODEL,
            StreamingChatModelInstrumentation.HANDLER)
        .and(not(hasClassesNamed(NEWER_THAN_SUPPORTED)));
  }

  @Override
  public boolean isHelperClass(String className) {
    return className.startsWith("dev.genaiagent.") && !className.contains(".javaagent.");
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    List<TypeInstrumentation> instrumentations = typeInstrumentations();
    Class<?>[] roots = new Class<?>[instrumentations.size()];
    for (int i = 0; i < roots.length; i++) {
      roots[i] = instrumentations.get(i).getClass();
    }
    return HelperClasses.reachableFrom(roots);
  }

  /** The core's helpers read the bundled pricing table from the application's class loader. */
  @Override
  public void registerHelperResources(HelperResourceBuilder helperResourceBuilder) {
    helperResourceBuilder.register(PricingTable.BUNDLED_RESOURCE);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new ChatModelInstrumentation(),
        new StreamingChatModelInstrumentation(),
        new EmbeddingModelInstrumentation(),
        RetrievalInstrumentation.embeddingStores(),
        RetrievalInstrumentation.contentRetrievers(),
        new AiServicesInstrumentation(),
        new TokenStreamInstrumentation(),
        new StreamingResponseHandlerInstrumentation(),
        new ToolExecutorInstrumentation(),
        new DefaultToolExecutorInstrumentation(),
        new ToolServiceInstrumentation(),
        new ToolProviderResultInstrumentation(),
        new GuardrailInstrumentation());
  }
}

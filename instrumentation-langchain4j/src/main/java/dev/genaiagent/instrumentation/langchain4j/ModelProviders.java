package dev.genaiagent.instrumentation.langchain4j;

import dev.genaiagent.telemetry.GenAiProviders;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * {@code gen_ai.provider.name} for a LangChain4j model: its {@code provider()} (a {@code ModelProvider}
 * constant, read by name so every version links), else what its class name says, else the class's
 * simple name (a custom model: the user's own name for it beats a made-up one).
 */
public final class ModelProviders {
  private ModelProviders() {}

  public static String of(@Nullable Enum<?> modelProvider, Class<?> modelClass, @Nullable String host) {
    String byEnum = modelProvider == null ? null : byProviderName(modelProvider.name(), host);
    return byEnum != null ? byEnum : byClassName(modelClass);
  }

  @Nullable
  static String byProviderName(String name, @Nullable String host) {
    switch (name) {
      case "OPEN_AI":
        return GenAiProviders.forOpenAiCompatibleHost(host);
      case "AZURE_OPEN_AI":
        return GenAiProviders.AZURE_AI_OPENAI;
      case "ANTHROPIC":
        return GenAiProviders.ANTHROPIC;
      case "AMAZON_BEDROCK":
        return GenAiProviders.AWS_BEDROCK;
      case "GOOGLE_AI_GEMINI":
        return GenAiProviders.GCP_GEMINI;
      case "GOOGLE_VERTEX_AI_GEMINI":
      case "GOOGLE_VERTEX_AI_ANTHROPIC":
        return GenAiProviders.GCP_VERTEX_AI;
      case "GOOGLE_GENAI":
        return GenAiProviders.GCP_GEN_AI;
      case "MISTRAL_AI":
        return GenAiProviders.MISTRAL_AI;
      case "COHERE":
        return GenAiProviders.COHERE;
      case "WATSONX":
        return GenAiProviders.IBM_WATSONX_AI;
      case "MICROSOFT_FOUNDRY":
        return GenAiProviders.AZURE_AI_INFERENCE;
      case "OTHER":
        return null;
      default: // OLLAMA, GITHUB_MODELS, JINA, VOYAGE_AI and later ones: not well-known values
        return name.toLowerCase(Locale.ROOT);
    }
  }

  static String byClassName(Class<?> modelClass) {
    String simple = modelClass.getSimpleName();
    String n = simple.toLowerCase(Locale.ROOT);
    if (n.contains("azureopenai")) {
      return GenAiProviders.AZURE_AI_OPENAI;
    }
    if (n.contains("openai")) {
      return GenAiProviders.OPENAI;
    }
    if (n.contains("anthropic")) {
      return GenAiProviders.ANTHROPIC;
    }
    if (n.contains("bedrock")) {
      return GenAiProviders.AWS_BEDROCK;
    }
    if (n.contains("vertex")) {
      return GenAiProviders.GCP_VERTEX_AI;
    }
    if (n.contains("gemini")) {
      return GenAiProviders.GCP_GEMINI;
    }
    if (n.contains("mistral")) {
      return GenAiProviders.MISTRAL_AI;
    }
    if (n.contains("ollama")) {
      return "ollama";
    }
    return simple.isEmpty() ? modelClass.getName() : simple;
  }
}

package dev.genaiagent.telemetry;

import java.util.Locale;
import javax.annotation.Nullable;

/** Well-known {@code gen_ai.provider.name} values, and the mapping from an endpoint host. */
public final class GenAiProviders {
  public static final String OPENAI = "openai";
  public static final String AZURE_AI_OPENAI = "azure.ai.openai";
  public static final String AZURE_AI_INFERENCE = "azure.ai.inference";
  public static final String ANTHROPIC = "anthropic";
  public static final String AWS_BEDROCK = "aws.bedrock";
  public static final String GCP_GEMINI = "gcp.gemini";
  public static final String GCP_VERTEX_AI = "gcp.vertex_ai";
  public static final String GCP_GEN_AI = "gcp.gen_ai";
  public static final String COHERE = "cohere";
  public static final String MISTRAL_AI = "mistral_ai";
  public static final String GROQ = "groq";
  public static final String DEEPSEEK = "deepseek";
  public static final String PERPLEXITY = "perplexity";
  public static final String X_AI = "x_ai";
  public static final String IBM_WATSONX_AI = "ibm.watsonx.ai";

  /**
   * The provider behind an OpenAI-compatible API, judged by host where that is unambiguous: Azure
   * OpenAI hosts are {@code azure.ai.openai}; any other host (a gateway, a local server) still
   * speaks the OpenAI API and is {@code openai}.
   */
  public static String forOpenAiCompatibleHost(@Nullable String host) {
    if (host != null) {
      String h = host.toLowerCase(Locale.ROOT);
      if (h.endsWith(".openai.azure.com") || h.endsWith(".cognitiveservices.azure.com")) {
        return AZURE_AI_OPENAI;
      }
    }
    return OPENAI;
  }

  private GenAiProviders() {}
}

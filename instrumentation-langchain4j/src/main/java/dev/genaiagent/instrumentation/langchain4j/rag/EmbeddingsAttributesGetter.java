package dev.genaiagent.instrumentation.langchain4j.rag;

import dev.genaiagent.instrumentation.langchain4j.ProviderErrors;
import dev.genaiagent.telemetry.GenAiAttributesGetter;
import dev.genaiagent.telemetry.GenAiOperation;

/** A LangChain4j embeddings call, remote provider or in-process model. No content: inputs are not captured. */
final class EmbeddingsAttributesGetter implements GenAiAttributesGetter<EmbeddingInvocation, EmbeddingResult> {

  @Override
  public GenAiOperation operation(EmbeddingInvocation e) {
    return GenAiOperation.EMBEDDINGS;
  }

  @Override
  public String providerName(EmbeddingInvocation e) {
    return e.provider;
  }

  @Override
  public String requestModel(EmbeddingInvocation e) {
    return e.modelName;
  }

  @Override
  public String serverAddress(EmbeddingInvocation e) {
    return e.host;
  }

  @Override
  public Integer serverPort(EmbeddingInvocation e) {
    return e.port;
  }

  @Override
  public boolean inProcess(EmbeddingInvocation e) {
    return e.inProcess;
  }

  @Override
  public String responseModel(EmbeddingResult r) {
    return r.responseModel;
  }

  @Override
  public Long inputTokens(EmbeddingResult r) {
    return r.inputTokens;
  }

  @Override
  public Long embeddingsDimensionCount(EmbeddingResult r) {
    return r.dimensionCount;
  }

  @Override
  public String errorType(Throwable error) {
    return ProviderErrors.errorType(error);
  }
}

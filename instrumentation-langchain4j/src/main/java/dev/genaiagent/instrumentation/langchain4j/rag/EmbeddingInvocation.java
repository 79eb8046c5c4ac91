package dev.genaiagent.instrumentation.langchain4j.rag;

import dev.genaiagent.instrumentation.langchain4j.Reflection;
import dev.genaiagent.instrumentation.langchain4j.ModelEndpoint;
import dev.genaiagent.instrumentation.langchain4j.ModelProviders;
import javax.annotation.Nullable;

/**
 * One {@code embedAll(...)} or (1.18+) {@code embed(EmbeddingRequest)} of an {@code EmbeddingModel}:
 * who serves it and which model. Read through {@link Reflection} by name, because {@code provider()}
 * (1.18) and {@code modelName()} (1.9.1) do not exist in every supported version.
 */
final class EmbeddingInvocation {
  private static final String LISTENING_MODEL = "dev.langchain4j.model.embedding.ListeningEmbeddingModel";
  private static final String UNKNOWN = "unknown"; // EmbeddingModel.modelName()'s default

  final String provider;
  @Nullable final String modelName;
  @Nullable final String host;
  @Nullable final Integer port;
  final boolean inProcess;

  private EmbeddingInvocation(String provider, @Nullable String modelName, @Nullable String host,
      @Nullable Integer port, boolean inProcess) {
    this.provider = provider;
    this.modelName = modelName;
    this.host = host;
    this.port = port;
    this.inProcess = inProcess;
  }

  /** {@code requestModel}: the per-call model name of a 1.18+ request, which overrides the model's. */
  static EmbeddingInvocation of(Object model, @Nullable String requestModel) {
    model = unwrap(model);
    Class<?> type = model.getClass();
    if (InProcessModels.isInProcess(type)) {
      return new EmbeddingInvocation(InProcessModels.PROVIDER,
          requestModel != null ? requestModel : InProcessModels.modelName(type), null, null, true);
    }
    ModelEndpoint endpoint = ModelEndpoint.of(model);
    Object provider = Reflection.call(model, "provider");
    String modelName = requestModel != null ? requestModel : modelName(model);
    return new EmbeddingInvocation(
        ModelProviders.of(provider instanceof Enum ? (Enum<?>) provider : null, type, endpoint.host),
        modelName, endpoint.host, endpoint.host == null ? null : endpoint.port, false);
  }

  @Nullable
  private static String modelName(Object model) {
    Object name = Reflection.call(model, "modelName");
    if (name instanceof String && !((String) name).isEmpty() && !UNKNOWN.equals(name)) {
      return (String) name;
    }
    name = Reflection.field(model, "modelName"); // providers before 1.9.1 keep it here (OpenAI, Ollama, ...)
    return name instanceof String && !((String) name).isEmpty() ? (String) name : null;
  }

  /** LangChain4j's listener wrapper (1.11+) says nothing itself: describe the model it wraps. */
  static Object unwrap(Object model) {
    for (int i = 0; i < 4 && model.getClass().getName().equals(LISTENING_MODEL); i++) {
      Object delegate = Reflection.field(model, "delegate");
      if (delegate == null) {
        break;
      }
      model = delegate;
    }
    return model;
  }
}

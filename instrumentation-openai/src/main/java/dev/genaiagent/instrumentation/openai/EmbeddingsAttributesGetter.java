package dev.genaiagent.instrumentation.openai;

import com.openai.models.embeddings.CreateEmbeddingResponse;
import dev.genaiagent.telemetry.GenAiAttributesGetter;
import dev.genaiagent.telemetry.GenAiOperation;
import java.util.Collections;
import java.util.List;

/** Answers the core's questions about embeddings requests and responses. */
final class EmbeddingsAttributesGetter implements GenAiAttributesGetter<EmbeddingsRequest, CreateEmbeddingResponse> {

  @Override
  public GenAiOperation operation(EmbeddingsRequest r) {
    return GenAiOperation.EMBEDDINGS;
  }

  @Override
  public String providerName(EmbeddingsRequest r) {
    return r.endpoint.provider;
  }

  @Override
  public String requestModel(EmbeddingsRequest r) {
    return r.params.model().toString();
  }

  @Override
  public String serverAddress(EmbeddingsRequest r) {
    return r.endpoint.host;
  }

  @Override
  public Integer serverPort(EmbeddingsRequest r) {
    return r.endpoint.port;
  }

  @Override
  public List<String> encodingFormats(EmbeddingsRequest r) {
    return r.params.encodingFormat().map(f -> Collections.singletonList(f.asString())).orElse(null);
  }

  @Override
  public String responseModel(CreateEmbeddingResponse r) {
    return r.model();
  }

  @Override
  public Long inputTokens(CreateEmbeddingResponse r) {
    return r.usage().promptTokens();
  }

  @Override
  public Long embeddingsDimensionCount(CreateEmbeddingResponse r) {
    // Base64 responses are decoded by the SDK; either way the first vector's length is the dimension.
    return r.data().isEmpty() ? null : (long) r.data().get(0).embedding().size();
  }

  @Override
  public String errorType(Throwable error) {
    return OpenAiErrors.errorType(error);
  }
}

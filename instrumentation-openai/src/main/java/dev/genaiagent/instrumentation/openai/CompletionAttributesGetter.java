package dev.genaiagent.instrumentation.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiagent.telemetry.GenAiAttributesGetter;
import dev.genaiagent.telemetry.GenAiOperation;
import dev.genaiagent.telemetry.content.GenAiMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Answers the core's questions about legacy Completions ({@code text_completion}) calls. */
final class CompletionAttributesGetter implements GenAiAttributesGetter<CompletionRequest, CompletionSummary> {

  @Override
  public GenAiOperation operation(CompletionRequest r) {
    return GenAiOperation.TEXT_COMPLETION;
  }

  @Override
  public String providerName(CompletionRequest r) {
    return r.endpoint.provider;
  }

  @Override
  public String requestModel(CompletionRequest r) {
    return r.params.model().toString();
  }

  @Override
  public String serverAddress(CompletionRequest r) {
    return r.endpoint.host;
  }

  @Override
  public Integer serverPort(CompletionRequest r) {
    return r.endpoint.port;
  }

  @Override
  public Long maxTokens(CompletionRequest r) {
    return r.params.maxTokens().orElse(null);
  }

  @Override
  public Double temperature(CompletionRequest r) {
    return r.params.temperature().orElse(null);
  }

  @Override
  public Double topP(CompletionRequest r) {
    return r.params.topP().orElse(null);
  }

  @Override
  public Double frequencyPenalty(CompletionRequest r) {
    return r.params.frequencyPenalty().orElse(null);
  }

  @Override
  public Double presencePenalty(CompletionRequest r) {
    return r.params.presencePenalty().orElse(null);
  }

  @Override
  public Long seed(CompletionRequest r) {
    return r.params.seed().orElse(null);
  }

  @Override
  public Long choiceCount(CompletionRequest r) {
    return r.params.n().filter(n -> n != 1).orElse(null);
  }

  @Override
  public Boolean stream(CompletionRequest r) {
    return r.streaming ? Boolean.TRUE : null;
  }

  @Override
  public String responseId(CompletionSummary r) {
    return r.id;
  }

  @Override
  public String responseModel(CompletionSummary r) {
    return r.model;
  }

  @Override
  public List<String> finishReasons(CompletionSummary r) {
    return r.finishReasons();
  }

  @Override
  public Long inputTokens(CompletionSummary r) {
    return r.usage == null ? null : r.usage.promptTokens();
  }

  @Override
  public Long outputTokens(CompletionSummary r) {
    return r.usage == null ? null : r.usage.completionTokens();
  }

  @Override
  public String systemFingerprint(CompletionSummary r) {
    return r.systemFingerprint;
  }

  @Override
  public String errorType(Throwable error) {
    return OpenAiErrors.errorType(error);
  }

  /** The prompt (a string or a list of strings) as user messages. */
  @Override
  public List<GenAiMessage> inputMessages(CompletionRequest r) {
    JsonNode prompt = OpenAiContent.toJson(r.params._body()).path("prompt");
    List<GenAiMessage> messages = new ArrayList<>();
    if (prompt.isTextual()) {
      messages.add(GenAiMessage.input("user", Collections.singletonList(GenAiMessage.Part.text(prompt.asText()))));
    } else {
      for (JsonNode p : prompt) {
        if (p.isTextual()) {
          messages.add(GenAiMessage.input("user", Collections.singletonList(GenAiMessage.Part.text(p.asText()))));
        }
      }
    }
    return messages;
  }

  @Override
  public List<GenAiMessage> outputMessages(CompletionSummary r) {
    return r.outputMessages();
  }
}

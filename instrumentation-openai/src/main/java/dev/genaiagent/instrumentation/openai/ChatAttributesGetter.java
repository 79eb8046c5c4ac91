package dev.genaiagent.instrumentation.openai;

import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionDeveloperMessageParam;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionSystemMessageParam;
import dev.genaiagent.telemetry.GenAiAttributesGetter;
import dev.genaiagent.telemetry.GenAiOperation;
import dev.genaiagent.telemetry.content.GenAiMessage;
import dev.genaiagent.telemetry.content.ToolDefinition;
import java.util.Collections;
import java.util.List;

/** Answers the core's questions about Chat Completions requests and results. */
final class ChatAttributesGetter implements GenAiAttributesGetter<ChatRequest, ChatResult> {

  @Override
  public GenAiOperation operation(ChatRequest r) {
    return GenAiOperation.CHAT;
  }

  @Override
  public String providerName(ChatRequest r) {
    return r.endpoint.provider;
  }

  @Override
  public String requestModel(ChatRequest r) {
    return r.params.model().toString();
  }

  @Override
  public String serverAddress(ChatRequest r) {
    return r.endpoint.host;
  }

  @Override
  public Integer serverPort(ChatRequest r) {
    return r.endpoint.port;
  }

  @Override
  public Long maxTokens(ChatRequest r) {
    return r.params.maxCompletionTokens().orElseGet(() -> r.params.maxTokens().orElse(null));
  }

  @Override
  public Double temperature(ChatRequest r) {
    return r.params.temperature().orElse(null);
  }

  @Override
  public Double topP(ChatRequest r) {
    return r.params.topP().orElse(null);
  }

  @Override
  public List<String> stopSequences(ChatRequest r) {
    return r.params.stop().map(stop -> stop.isString()
        ? Collections.singletonList(stop.asString()) : stop.asStrings()).orElse(null);
  }

  @Override
  public Double frequencyPenalty(ChatRequest r) {
    return r.params.frequencyPenalty().orElse(null);
  }

  @Override
  public Double presencePenalty(ChatRequest r) {
    return r.params.presencePenalty().orElse(null);
  }

  @Override
  public Long seed(ChatRequest r) {
    return r.params.seed().orElse(null);
  }

  @Override
  public Long choiceCount(ChatRequest r) {
    return r.params.n().filter(n -> n != 1).orElse(null);
  }

  @Override
  public Boolean stream(ChatRequest r) {
    return r.streaming ? Boolean.TRUE : null;
  }

  @Override
  public String outputType(ChatRequest r) {
    return r.params.responseFormat().map(f -> f.isJsonSchema() || f.isJsonObject() ? "json" : "text").orElse(null);
  }

  @Override
  public String requestServiceTier(ChatRequest r) {
    return r.params.serviceTier().map(t -> t.asString()).orElse(null);
  }

  @Override
  public String responseId(ChatResult r) {
    return r.id();
  }

  @Override
  public String responseModel(ChatResult r) {
    return r.model();
  }

  @Override
  public List<String> finishReasons(ChatResult r) {
    return r.finishReasons();
  }

  @Override
  public Long inputTokens(ChatResult r) {
    return r.inputTokens();
  }

  @Override
  public Long outputTokens(ChatResult r) {
    return r.outputTokens();
  }

  @Override
  public Long cacheReadInputTokens(ChatResult r) {
    return r.cachedInputTokens();
  }

  /** On SDKs before 4.43 the method is missing: the core's guard turns that into "not reported". */
  @Override
  public Long cacheCreationInputTokens(ChatResult r) {
    return r.cacheWriteTokens();
  }

  @Override
  public Long reasoningOutputTokens(ChatResult r) {
    return r.reasoningTokens();
  }

  @Override
  public String responseServiceTier(ChatResult r) {
    return r.serviceTier();
  }

  @Override
  public String systemFingerprint(ChatResult r) {
    return r.systemFingerprint();
  }

  @Override
  public String errorType(Throwable error) {
    return OpenAiErrors.errorType(error);
  }

  /**
   * System and developer messages, joined by newlines, read through the SDK's typed params (no JSON
   * conversion: this runs on every call, content capture or not).
   */
  @Override
  public String systemPromptText(ChatRequest r) {
    StringBuilder text = null;
    for (ChatCompletionMessageParam m : r.params.messages()) {
      String part = m.isSystem() ? systemText(m.asSystem().content())
          : m.isDeveloper() ? developerText(m.asDeveloper().content()) : null;
      if (part != null) {
        text = text == null ? new StringBuilder(part) : text.append('\n').append(part);
      }
    }
    return text == null ? null : text.toString();
  }

  private static String systemText(ChatCompletionSystemMessageParam.Content content) {
    return content.isText() ? content.asText() : joined(content.asArrayOfContentParts());
  }

  private static String developerText(ChatCompletionDeveloperMessageParam.Content content) {
    return content.isText() ? content.asText() : joined(content.asArrayOfContentParts());
  }

  private static String joined(List<ChatCompletionContentPartText> parts) {
    StringBuilder b = new StringBuilder();
    for (ChatCompletionContentPartText p : parts) {
      b.append(b.length() == 0 ? "" : "\n").append(p.text());
    }
    return b.toString();
  }

  @Override
  public List<GenAiMessage> inputMessages(ChatRequest r) {
    return OpenAiContent.chatInputMessages(r.body());
  }

  @Override
  public List<ToolDefinition> toolDefinitions(ChatRequest r) {
    return OpenAiContent.chatToolDefinitions(r.body());
  }

  @Override
  public List<GenAiMessage> outputMessages(ChatResult r) {
    return r.outputMessages();
  }
}

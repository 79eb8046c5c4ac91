package dev.genaiagent.instrumentation.langchain4j.chat;

import dev.genaiagent.instrumentation.langchain4j.ProviderErrors;
import dev.genaiagent.instrumentation.langchain4j.Reflection;
import dev.genaiagent.telemetry.GenAiAttributesGetter;
import dev.genaiagent.telemetry.GenAiOperation;
import dev.genaiagent.telemetry.content.GenAiMessage;
import dev.genaiagent.telemetry.content.ToolDefinition;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.FinishReason;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/** A LangChain4j chat call, for every provider, from the core API plus what provider classes add. */
final class ChatAttributesGetter implements GenAiAttributesGetter<ChatInvocation, ChatResponse> {

  @Override
  public GenAiOperation operation(ChatInvocation c) {
    return GenAiOperation.CHAT;
  }

  @Override
  public String providerName(ChatInvocation c) {
    return c.provider;
  }

  @Override
  public String requestModel(ChatInvocation c) {
    return c.modelName;
  }

  @Override
  public String serverAddress(ChatInvocation c) {
    return c.endpoint.host;
  }

  @Override
  public Integer serverPort(ChatInvocation c) {
    return c.endpoint.host == null ? null : c.endpoint.port;
  }

  @Override
  public Long maxTokens(ChatInvocation c) {
    return c.parameters == null ? null : Reflection.asLong(c.parameters.maxOutputTokens());
  }

  @Override
  public Double temperature(ChatInvocation c) {
    return c.parameters == null ? null : c.parameters.temperature();
  }

  @Override
  public Double topP(ChatInvocation c) {
    return c.parameters == null ? null : c.parameters.topP();
  }

  @Override
  public Double topK(ChatInvocation c) {
    Integer k = c.parameters == null ? null : c.parameters.topK();
    return k == null ? null : k.doubleValue();
  }

  @Override
  public List<String> stopSequences(ChatInvocation c) {
    List<String> stop = c.parameters == null ? null : c.parameters.stopSequences();
    return stop == null || stop.isEmpty() ? null : stop;
  }

  @Override
  public Double frequencyPenalty(ChatInvocation c) {
    return c.parameters == null ? null : c.parameters.frequencyPenalty();
  }

  @Override
  public Double presencePenalty(ChatInvocation c) {
    return c.parameters == null ? null : c.parameters.presencePenalty();
  }

  @Override
  public Long seed(ChatInvocation c) {
    return Reflection.asLong(Reflection.call(c.parameters, "seed")); // OpenAI's parameters only
  }

  @Override
  public Boolean stream(ChatInvocation c) {
    return c.streaming;
  }

  @Override
  public String outputType(ChatInvocation c) {
    ResponseFormat format = c.parameters == null ? null : c.parameters.responseFormat();
    if (format == null || format.type() == null) {
      return null;
    }
    return format.type().name().equals("JSON") ? "json" : "text";
  }

  @Override
  public String conversationId(ChatInvocation c) {
    return c.conversationId;
  }

  @Override
  public String responseId(ChatResponse r) {
    ChatResponseMetadata m = r.metadata();
    return m == null ? null : m.id();
  }

  @Override
  public String responseModel(ChatResponse r) {
    ChatResponseMetadata m = r.metadata();
    return m == null ? null : m.modelName();
  }

  @Override
  public List<String> finishReasons(ChatResponse r) {
    ChatResponseMetadata m = r.metadata();
    FinishReason reason = m == null ? null : m.finishReason();
    return reason == null ? null : Collections.singletonList(finishReason(reason));
  }

  static String finishReason(FinishReason reason) {
    switch (reason.name()) {
      case "TOOL_EXECUTION":
        return "tool_call";
      case "CONTENT_FILTER":
        return "content_filter";
      default:
        return reason.name().toLowerCase(Locale.ROOT);
    }
  }

  @Override
  public Long inputTokens(ChatResponse r) {
    return TokenUsages.inputTokens(usage(r));
  }

  @Override
  public Long outputTokens(ChatResponse r) {
    return TokenUsages.outputTokens(usage(r));
  }

  @Override
  public Long cacheReadInputTokens(ChatResponse r) {
    return TokenUsages.cacheReadInputTokens(usage(r));
  }

  @Override
  public Long cacheCreationInputTokens(ChatResponse r) {
    return TokenUsages.cacheCreationInputTokens(usage(r));
  }

  @Override
  public Long reasoningOutputTokens(ChatResponse r) {
    return TokenUsages.reasoningOutputTokens(usage(r));
  }

  @Override
  public String responseServiceTier(ChatResponse r) {
    Object tier = Reflection.call(r.metadata(), "serviceTier"); // OpenAI's metadata only
    return tier instanceof String ? (String) tier : null;
  }

  @Override
  public String systemFingerprint(ChatResponse r) {
    Object fingerprint = Reflection.call(r.metadata(), "systemFingerprint");
    return fingerprint instanceof String ? (String) fingerprint : null;
  }

  @Nullable
  private static Object usage(ChatResponse r) {
    ChatResponseMetadata m = r.metadata();
    return m == null ? null : m.tokenUsage();
  }

  @Override
  public String errorType(Throwable error) {
    return ProviderErrors.errorType(error);
  }

  @Override
  public String systemPromptText(ChatInvocation c) {
    return ChatMessages.systemText(c.request.messages());
  }

  @Override
  public List<GenAiMessage> inputMessages(ChatInvocation c) {
    return ChatMessages.input(c.request.messages());
  }

  @Override
  public List<ToolDefinition> toolDefinitions(ChatInvocation c) {
    ChatRequestParameters p = c.parameters;
    return p == null ? null : ChatMessages.tools(p.toolSpecifications());
  }

  @Override
  public List<GenAiMessage> outputMessages(ChatResponse r) {
    return ChatMessages.output(r);
  }
}

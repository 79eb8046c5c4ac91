package dev.genaiagent.instrumentation.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiagent.telemetry.GenAiAttributesGetter;
import dev.genaiagent.telemetry.GenAiOperation;
import dev.genaiagent.telemetry.content.GenAiMessage;
import dev.genaiagent.telemetry.content.ToolDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.annotation.Nullable;

/** Answers the core's questions about Responses API calls, from the request's and response's JSON. */
final class ResponsesAttributesGetter implements GenAiAttributesGetter<ResponsesRequest, JsonNode> {

  @Override
  public GenAiOperation operation(ResponsesRequest r) {
    return GenAiOperation.CHAT;
  }

  @Override
  public String providerName(ResponsesRequest r) {
    return r.endpoint.provider;
  }

  @Override
  public String requestModel(ResponsesRequest r) {
    return text(r.body, "model");
  }

  @Override
  public String serverAddress(ResponsesRequest r) {
    return r.endpoint.host;
  }

  @Override
  public Integer serverPort(ResponsesRequest r) {
    return r.endpoint.port;
  }

  @Override
  public Long maxTokens(ResponsesRequest r) {
    JsonNode v = r.body.get("max_output_tokens");
    return v == null || !v.isNumber() ? null : v.asLong();
  }

  @Override
  public Double temperature(ResponsesRequest r) {
    return number(r.body, "temperature");
  }

  @Override
  public Double topP(ResponsesRequest r) {
    return number(r.body, "top_p");
  }

  @Override
  public Boolean stream(ResponsesRequest r) {
    return r.streaming ? Boolean.TRUE : null;
  }

  @Override
  public String outputType(ResponsesRequest r) {
    String format = text(r.body.path("text").path("format"), "type");
    if (format == null) {
      return null;
    }
    return format.startsWith("json") ? "json" : "text";
  }

  @Override
  public String conversationId(ResponsesRequest r) {
    JsonNode conversation = r.body.get("conversation");
    if (conversation == null || conversation.isNull()) {
      return null;
    }
    return conversation.isTextual() ? conversation.asText() : text(conversation, "id");
  }

  @Override
  public String requestServiceTier(ResponsesRequest r) {
    return text(r.body, "service_tier");
  }

  @Override
  public String responseId(JsonNode response) {
    return text(response, "id");
  }

  @Override
  public String responseModel(JsonNode response) {
    return text(response, "model");
  }

  /**
   * The Responses API has no finish reason; it is derived from the status as the chat vocabulary
   * would say it: a tool call, an incomplete answer's reason (max_output_tokens is "length"), or stop.
   */
  @Override
  public List<String> finishReasons(JsonNode response) {
    String status = text(response, "status");
    if (status == null) {
      return null;
    }
    for (JsonNode item : response.path("output")) {
      if ("function_call".equals(text(item, "type"))) {
        return Collections.singletonList("tool_call");
      }
    }
    switch (status) {
      case "completed":
        return Collections.singletonList("stop");
      case "incomplete":
        String reason = text(response.path("incomplete_details"), "reason");
        return Collections.singletonList("max_output_tokens".equals(reason) ? "length" : reason == null ? "incomplete" : reason);
      case "failed":
        return Collections.singletonList("error");
      default:
        return null;
    }
  }

  @Override
  public Long inputTokens(JsonNode response) {
    return integer(response.path("usage"), "input_tokens");
  }

  @Override
  public Long outputTokens(JsonNode response) {
    return integer(response.path("usage"), "output_tokens");
  }

  @Override
  public Long cacheReadInputTokens(JsonNode response) {
    return integer(response.path("usage").path("input_tokens_details"), "cached_tokens");
  }

  @Override
  public Long cacheCreationInputTokens(JsonNode response) {
    return integer(response.path("usage").path("input_tokens_details"), "cache_write_tokens");
  }

  @Override
  public Long reasoningOutputTokens(JsonNode response) {
    return integer(response.path("usage").path("output_tokens_details"), "reasoning_tokens");
  }

  @Override
  public String responseServiceTier(JsonNode response) {
    return text(response, "service_tier");
  }

  @Override
  public String errorType(Throwable error) {
    return OpenAiErrors.errorType(error);
  }

  @Override
  public List<GenAiMessage.Part> systemInstructions(ResponsesRequest r) {
    String instructions = text(r.body, "instructions");
    return instructions == null ? null : Collections.singletonList(GenAiMessage.Part.text(instructions));
  }

  @Override
  public List<GenAiMessage> inputMessages(ResponsesRequest r) {
    return OpenAiContent.responsesInputMessages(r.body.path("input"));
  }

  @Override
  public List<ToolDefinition> toolDefinitions(ResponsesRequest r) {
    List<ToolDefinition> tools = new ArrayList<>();
    for (JsonNode t : r.body.path("tools")) {
      String name = text(t, "name");
      if (name != null) {
        JsonNode parameters = t.get("parameters");
        tools.add(ToolDefinition.function(name, text(t, "description"),
            parameters == null || parameters.isNull() ? null : parameters.toString()));
      }
    }
    return tools;
  }

  @Override
  public List<GenAiMessage> outputMessages(JsonNode response) {
    List<String> reasons = finishReasons(response);
    return OpenAiContent.responsesOutputMessages(response.path("output"),
        reasons == null ? null : reasons.get(0));
  }

  @Nullable
  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  @Nullable
  private static Double number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isNumber() ? null : v.asDouble();
  }

  @Nullable
  private static Long integer(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isNumber() ? null : v.asLong();
  }
}

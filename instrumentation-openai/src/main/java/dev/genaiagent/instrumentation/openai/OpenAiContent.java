package dev.genaiagent.instrumentation.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.ObjectMappers;
import dev.genaiagent.telemetry.content.GenAiMessage;
import dev.genaiagent.telemetry.content.GenAiMessage.Part;
import dev.genaiagent.telemetry.content.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * Content capture reads the request and response as their wire JSON (through the SDK's own object
 * mapper) rather than through the SDK's typed unions: the wire format is the documented API and is the
 * same in every SDK version, the unions are not. Only called when content capture is on.
 */
final class OpenAiContent {

  static JsonNode toJson(Object sdkModel) {
    return ObjectMappers.jsonMapper().valueToTree(sdkModel);
  }

  /** Chat Completions {@code messages}, in order, system and developer messages included. */
  static List<GenAiMessage> chatInputMessages(JsonNode body) {
    List<GenAiMessage> messages = new ArrayList<>();
    for (JsonNode m : body.path("messages")) {
      String role = m.path("role").asText("user");
      List<Part> parts = new ArrayList<>();
      if ("tool".equals(role)) {
        parts.add(Part.toolCallResponse(text(m, "tool_call_id"), contentText(m.path("content"))));
      } else {
        addContentParts(m.path("content"), parts);
        for (JsonNode call : m.path("tool_calls")) {
          addToolCall(call, parts);
        }
      }
      messages.add(GenAiMessage.input(role, text(m, "name"), parts));
    }
    return messages;
  }

  static List<ToolDefinition> chatToolDefinitions(JsonNode body) {
    List<ToolDefinition> tools = new ArrayList<>();
    for (JsonNode t : body.path("tools")) {
      JsonNode f = t.has("function") ? t.path("function") : t.path("custom");
      String name = text(f, "name");
      if (name != null) {
        JsonNode parameters = f.path("parameters");
        tools.add(ToolDefinition.function(name, text(f, "description"),
            parameters.isMissingNode() || parameters.isNull() ? null : parameters.toString()));
      }
    }
    return tools;
  }

  /** The {@code choices} of a {@code chat.completion} as output messages. */
  static List<GenAiMessage> chatOutputMessages(JsonNode completion) {
    List<GenAiMessage> messages = new ArrayList<>();
    for (JsonNode choice : completion.path("choices")) {
      JsonNode message = choice.path("message");
      List<Part> parts = new ArrayList<>();
      addContentParts(message.path("content"), parts);
      String refusal = text(message, "refusal");
      if (refusal != null) {
        parts.add(Part.text(refusal));
      }
      for (JsonNode call : message.path("tool_calls")) {
        addToolCall(call, parts);
      }
      messages.add(GenAiMessage.output(message.path("role").asText("assistant"), parts,
          finishReason(text(choice, "finish_reason"))));
    }
    return messages;
  }

  /** Responses API {@code input}: a string (one user message) or a list of items. */
  static List<GenAiMessage> responsesInputMessages(JsonNode input) {
    List<GenAiMessage> messages = new ArrayList<>();
    if (input.isTextual()) {
      messages.add(GenAiMessage.input("user", java.util.Collections.singletonList(Part.text(input.asText()))));
      return messages;
    }
    for (JsonNode item : input) {
      String type = item.path("type").asText("message");
      List<Part> parts = new ArrayList<>();
      switch (type) {
        case "function_call":
          parts.add(Part.toolCall(text(item, "call_id"), item.path("name").asText(""), text(item, "arguments")));
          messages.add(GenAiMessage.input("assistant", parts));
          break;
        case "function_call_output":
          parts.add(Part.toolCallResponse(text(item, "call_id"), contentText(item.path("output"))));
          messages.add(GenAiMessage.input("tool", parts));
          break;
        case "message":
          addContentParts(item.path("content"), parts);
          messages.add(GenAiMessage.input(item.path("role").asText("user"), parts));
          break;
        default:
          break; // reasoning items, tool results of hosted tools: no conversational text
      }
    }
    return messages;
  }

  /** Responses API {@code output} items as one assistant message. */
  static List<GenAiMessage> responsesOutputMessages(JsonNode output, @Nullable String finishReason) {
    List<Part> parts = new ArrayList<>();
    for (JsonNode item : output) {
      switch (item.path("type").asText()) {
        case "message":
          addContentParts(item.path("content"), parts);
          break;
        case "function_call":
          parts.add(Part.toolCall(text(item, "call_id"), item.path("name").asText(""), text(item, "arguments")));
          break;
        case "reasoning":
          for (JsonNode summary : item.path("summary")) {
            parts.add(Part.reasoning(summary.path("text").asText()));
          }
          break;
        default:
          break;
      }
    }
    List<GenAiMessage> messages = new ArrayList<>();
    messages.add(GenAiMessage.output("assistant", parts, finishReason));
    return messages;
  }

  /** OpenAI finish reasons in the vocabulary of the output message schema. */
  @Nullable
  static String finishReason(@Nullable String openAi) {
    if (openAi == null) {
      return null;
    }
    switch (openAi) {
      case "tool_calls":
      case "function_call":
        return "tool_call";
      default:
        return openAi;
    }
  }

  private static void addContentParts(JsonNode content, List<Part> parts) {
    if (content.isTextual()) {
      parts.add(Part.text(content.asText()));
      return;
    }
    for (JsonNode p : content) {
      String type = p.path("type").asText();
      switch (type) {
        case "text":
        case "input_text":
        case "output_text":
          parts.add(Part.text(p.path("text").asText()));
          break;
        case "input_image":
          addImage(p.path("image_url").asText(null), parts);
          break;
        case "input_file":
          parts.add(Part.file("document", null, text(p, "file_id")));
          break;
        case "refusal":
          parts.add(Part.text(p.path("refusal").asText()));
          break;
        case "image_url":
          addImage(p.path("image_url").path("url").asText(null), parts);
          break;
        case "input_audio":
          parts.add(Part.blob("audio", "audio/" + p.path("input_audio").path("format").asText("wav")));
          break;
        case "file":
          JsonNode file = p.path("file");
          if (file.has("file_data")) {
            parts.add(Part.blob("document", null));
          } else {
            parts.add(Part.file("document", null, text(file, "file_id")));
          }
          break;
        default:
          break; // unknown part types carry no text we know how to read
      }
    }
  }

  private static void addImage(@Nullable String url, List<Part> parts) {
    if (url == null) {
      return;
    }
    if (url.startsWith("data:")) {
      // Inline image: record that it was there and its type, never the bytes.
      int end = url.indexOf(';');
      parts.add(Part.blob("image", end > 5 ? url.substring(5, end).toLowerCase(Locale.ROOT) : null));
    } else {
      parts.add(Part.uri("image", null, url));
    }
  }

  private static void addToolCall(JsonNode call, List<Part> parts) {
    JsonNode function = call.path("function");
    if (!function.isMissingNode()) {
      parts.add(Part.toolCall(text(call, "id"), function.path("name").asText(""), text(function, "arguments")));
    } else if (call.has("custom")) {
      JsonNode custom = call.path("custom");
      parts.add(Part.toolCall(text(call, "id"), custom.path("name").asText(""), text(custom, "input")));
    }
  }

  @Nullable
  private static String contentText(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode p : content) {
      if (p.has("text")) {
        text.append(p.path("text").asText());
      }
    }
    return text.length() == 0 ? null : text.toString();
  }

  @Nullable
  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private OpenAiContent() {}
}

package dev.genaiagent.instrumentation.langchain4j.chat;

import dev.genaiagent.telemetry.content.GenAiMessage;
import dev.genaiagent.telemetry.content.GenAiMessage.Part;
import dev.genaiagent.telemetry.content.ToolDefinition;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/** LangChain4j messages in the conventions' JSON shapes (content capture only, except {@link #systemText}). */
final class ChatMessages {
  private ChatMessages() {}

  /** The system messages' text, for the prompt fingerprint: no conversion, read on every call. */
  @Nullable
  static String systemText(@Nullable List<ChatMessage> messages) {
    if (messages == null) {
      return null;
    }
    StringBuilder sb = null;
    for (ChatMessage m : messages) {
      if (m instanceof SystemMessage) {
        if (sb == null) {
          sb = new StringBuilder();
        } else {
          sb.append('\n');
        }
        sb.append(((SystemMessage) m).text());
      }
    }
    return sb == null ? null : sb.toString();
  }

  static List<GenAiMessage> input(@Nullable List<ChatMessage> messages) {
    if (messages == null) {
      return Collections.emptyList();
    }
    List<GenAiMessage> out = new ArrayList<>(messages.size());
    for (ChatMessage m : messages) {
      if (m instanceof SystemMessage) {
        out.add(GenAiMessage.input("system", Collections.singletonList(Part.text(((SystemMessage) m).text()))));
      } else if (m instanceof UserMessage) {
        UserMessage u = (UserMessage) m;
        out.add(GenAiMessage.input("user", u.name(), userParts(u.contents())));
      } else if (m instanceof AiMessage) {
        out.add(GenAiMessage.input("assistant", aiParts((AiMessage) m)));
      } else if (m instanceof ToolExecutionResultMessage) {
        ToolExecutionResultMessage t = (ToolExecutionResultMessage) m;
        out.add(GenAiMessage.input("tool", Collections.singletonList(Part.toolCallResponse(t.id(), t.text()))));
      } else if (m != null) {
        out.add(GenAiMessage.input(m.type().name().toLowerCase(Locale.ROOT), Collections.<Part>emptyList()));
      }
    }
    return out;
  }

  static List<GenAiMessage> output(ChatResponse response) {
    AiMessage ai = response.aiMessage();
    if (ai == null) {
      return Collections.emptyList();
    }
    String finish = response.finishReason() == null ? null : ChatAttributesGetter.finishReason(response.finishReason());
    return Collections.singletonList(GenAiMessage.output("assistant", aiParts(ai), finish));
  }

  @Nullable
  static List<ToolDefinition> tools(@Nullable List<ToolSpecification> specifications) {
    if (specifications == null || specifications.isEmpty()) {
      return null;
    }
    List<ToolDefinition> out = new ArrayList<>(specifications.size());
    for (ToolSpecification s : specifications) {
      out.add(ToolDefinition.function(s.name(), s.description(), null));
    }
    return out;
  }

  private static List<Part> userParts(@Nullable List<Content> contents) {
    if (contents == null) {
      return Collections.emptyList();
    }
    List<Part> parts = new ArrayList<>(contents.size());
    for (Content c : contents) {
      if (c instanceof TextContent) {
        parts.add(Part.text(((TextContent) c).text()));
      } else if (c instanceof ImageContent) {
        parts.add(image((ImageContent) c));
      } else if (c != null) {
        // audio, video, PDF: the kind of content, never its bytes
        String kind = c.type().name().toLowerCase(Locale.ROOT);
        parts.add(Part.blob(kind.equals("pdf") ? "document" : kind, null));
      }
    }
    return parts;
  }

  private static Part image(ImageContent c) {
    String mime = c.image() == null ? null : c.image().mimeType();
    URI url = c.image() == null ? null : c.image().url();
    return url != null ? Part.uri("image", mime, url.toString()) : Part.blob("image", mime);
  }

  private static List<Part> aiParts(AiMessage ai) {
    List<Part> parts = new ArrayList<>(2);
    String thinking = thinking(ai);
    if (thinking != null) {
      parts.add(Part.reasoning(thinking));
    }
    if (ai.text() != null) {
      parts.add(Part.text(ai.text()));
    }
    if (ai.hasToolExecutionRequests()) {
      for (ToolExecutionRequest r : ai.toolExecutionRequests()) {
        parts.add(Part.toolCall(r.id(), r.name(), r.arguments()));
      }
    }
    return parts;
  }

  @Nullable
  private static String thinking(AiMessage ai) {
    try {
      return ai.thinking(); // 1.2.0+
    } catch (LinkageError e) {
      return null;
    }
  }
}

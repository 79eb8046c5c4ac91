package dev.genaiagent.telemetry.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.annotation.Nullable;

/**
 * One chat message in the library-neutral shape of the v1.41.1 GenAI message schemas:
 * {@code {role, parts:[...], name?, finish_reason?}}. Instrumentations build these from their
 * library's objects only when content capture is on.
 */
public final class GenAiMessage {
  private final String role;
  @Nullable private final String name;
  private final List<Part> parts;
  @Nullable private final String finishReason;

  private GenAiMessage(String role, @Nullable String name, List<Part> parts, @Nullable String finishReason) {
    this.role = role;
    this.name = name;
    this.parts = Collections.unmodifiableList(new ArrayList<>(parts));
    this.finishReason = finishReason;
  }

  /** An input message ({@code system}, {@code user}, {@code assistant}, {@code tool}). */
  public static GenAiMessage input(String role, List<Part> parts) {
    return new GenAiMessage(role, null, parts, null);
  }

  public static GenAiMessage input(String role, @Nullable String name, List<Part> parts) {
    return new GenAiMessage(role, name, parts, null);
  }

  /** An output message; {@code finishReason} is one of stop, length, content_filter, tool_call, error. */
  public static GenAiMessage output(String role, List<Part> parts, @Nullable String finishReason) {
    return new GenAiMessage(role, null, parts, finishReason);
  }

  public String role() {
    return role;
  }

  @Nullable
  public String name() {
    return name;
  }

  public List<Part> parts() {
    return parts;
  }

  @Nullable
  public String finishReason() {
    return finishReason;
  }

  GenAiMessage withPolicies(ContentCapture capture, ContentField field) {
    return new GenAiMessage(role, name, capture.applyToParts(field, parts), finishReason);
  }

  /** A message part. Only the factories below create them, so every part has a schema type. */
  public static final class Part {
    final String type;
    @Nullable final String content; // text, reasoning
    @Nullable final String id; // tool_call, tool_call_response
    @Nullable final String name; // tool_call
    @Nullable final String arguments; // tool_call, as the model sent them (JSON text)
    @Nullable final String response; // tool_call_response
    @Nullable final String modality; // blob, file, uri
    @Nullable final String mimeType;
    @Nullable final String reference; // uri: the uri; file: the file id; blob: never the bytes

    private Part(String type, @Nullable String content, @Nullable String id, @Nullable String name,
        @Nullable String arguments, @Nullable String response, @Nullable String modality,
        @Nullable String mimeType, @Nullable String reference) {
      this.type = type;
      this.content = content;
      this.id = id;
      this.name = name;
      this.arguments = arguments;
      this.response = response;
      this.modality = modality;
      this.mimeType = mimeType;
      this.reference = reference;
    }

    /** The text of a text part, null for other parts. */
    @Nullable
    public String text() {
      return "text".equals(type) ? content : null;
    }

    public static Part text(String content) {
      return new Part("text", content, null, null, null, null, null, null, null);
    }

    public static Part reasoning(String content) {
      return new Part("reasoning", content, null, null, null, null, null, null, null);
    }

    public static Part toolCall(@Nullable String id, String name, @Nullable String arguments) {
      return new Part("tool_call", null, id, name, arguments, null, null, null, null);
    }

    public static Part toolCallResponse(@Nullable String id, @Nullable String response) {
      return new Part("tool_call_response", null, id, null, null, response, null, null, null);
    }

    /** Inline data: recorded by modality and type only, the bytes never leave the process. */
    public static Part blob(String modality, @Nullable String mimeType) {
      return new Part("blob", null, null, null, null, null, modality, mimeType, null);
    }

    public static Part file(String modality, @Nullable String mimeType, @Nullable String fileId) {
      return new Part("file", null, null, null, null, null, modality, mimeType, fileId);
    }

    public static Part uri(String modality, @Nullable String mimeType, String uri) {
      return new Part("uri", null, null, null, null, null, modality, mimeType, uri);
    }

    public String type() {
      return type;
    }

    /** The part with its texts run through the policies; null when the policies dropped its payload. */
    @Nullable
    static Part applyPolicies(Part p, ContentCapture capture, ContentField field) {
      switch (p.type) {
        case "text":
        case "reasoning":
          String content = capture.apply(field, p.content);
          return content == null ? null : new Part(p.type, content, null, null, null, null, null, null, null);
        case "tool_call":
          // The model's arguments are a tool input wherever they appear.
          String arguments = capture.apply(ContentField.TOOL_CALL_ARGUMENTS, p.arguments);
          return new Part(p.type, null, p.id, p.name, arguments, null, null, null, null);
        case "tool_call_response":
          String response = capture.apply(ContentField.TOOL_CALL_RESULT, p.response);
          return response == null ? null : new Part(p.type, null, p.id, null, null, response, null, null, null);
        default:
          return p; // blob, file, uri: no free text
      }
    }

    int longestText() {
      return Math.max(Math.max(ContentCapture.len(content), ContentCapture.len(arguments)),
          ContentCapture.len(response));
    }

    void writeJson(StringBuilder out, int cap) {
      out.append("{\"type\":");
      Json.appendString(out, type);
      if (content != null) {
        out.append(",\"content\":");
        Json.appendString(out, ContentCapture.truncate(content, cap));
      }
      if (id != null) {
        out.append(",\"id\":");
        Json.appendString(out, id);
      }
      if (name != null) {
        out.append(",\"name\":");
        Json.appendString(out, name);
      }
      if (arguments != null) {
        out.append(",\"arguments\":");
        ContentCapture.appendJsonOrString(out, arguments, cap);
      }
      if (response != null) {
        out.append(",\"response\":");
        Json.appendString(out, ContentCapture.truncate(response, cap));
      }
      if (modality != null) {
        out.append(",\"modality\":");
        Json.appendString(out, modality);
      }
      if (mimeType != null) {
        out.append(",\"mime_type\":");
        Json.appendString(out, mimeType);
      }
      if (reference != null) {
        out.append("uri".equals(type) ? ",\"uri\":" : ",\"file_id\":");
        Json.appendString(out, reference);
      }
      out.append('}');
    }
  }
}

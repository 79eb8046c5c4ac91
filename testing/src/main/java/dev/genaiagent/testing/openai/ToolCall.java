package dev.genaiagent.testing.openai;

import java.util.Objects;

/**
 * A function call the scripted model makes: {@code id} is the chat {@code tool_calls[].id} or the Responses
 * {@code call_id}; {@code arguments} is the JSON text of the arguments, sent verbatim.
 */
public record ToolCall(String id, String name, String arguments) {
  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arguments, "arguments");
  }
}

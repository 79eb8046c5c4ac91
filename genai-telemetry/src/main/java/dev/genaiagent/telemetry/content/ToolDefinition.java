package dev.genaiagent.telemetry.content;

import javax.annotation.Nullable;

/** A tool offered to the model: {@code {type:"function", name, description?, parameters?}}. */
public final class ToolDefinition {
  final String type;
  final String name;
  @Nullable final String description;
  @Nullable final String parametersJson;

  private ToolDefinition(String type, String name, @Nullable String description, @Nullable String parametersJson) {
    this.type = type;
    this.name = name;
    this.description = description;
    this.parametersJson = parametersJson;
  }

  /** {@code parametersJson} is the JSON schema as text; it is embedded as JSON when it parses. */
  public static ToolDefinition function(String name, @Nullable String description, @Nullable String parametersJson) {
    return new ToolDefinition("function", name, description, parametersJson);
  }

  public String name() {
    return name;
  }
}

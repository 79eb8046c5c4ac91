package dev.genaiagent.instrumentation.langchain4j.service;

import javax.annotation.Nullable;

/** One execution of a tool the model asked for: what its {@code execute_tool} span says. */
final class ToolInvocation {
  @Nullable final String name;
  @Nullable final String callId;
  @Nullable final String description;
  @Nullable final String arguments;
  @Nullable final String provider;

  ToolInvocation(@Nullable String name, @Nullable String callId, @Nullable String description,
      @Nullable String arguments, @Nullable String provider) {
    this.name = name;
    this.callId = callId;
    this.description = description;
    this.arguments = arguments;
    this.provider = provider;
  }
}

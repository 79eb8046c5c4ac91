package dev.genaiagent.instrumentation.langchain4j.service;

import dev.genaiagent.instrumentation.langchain4j.Reflection;
import dev.genaiagent.telemetry.GenAiAttributesGetter;
import dev.genaiagent.telemetry.GenAiOperation;
import javax.annotation.Nullable;

/**
 * A tool execution as an {@code execute_tool} span. The response is what the executor returned: a
 * {@code String} from {@code execute}, a {@code ToolExecutionResult} (1.6+, read by name so older
 * versions link) from {@code executeWithContext}.
 */
final class ToolAttributesGetter implements GenAiAttributesGetter<ToolInvocation, Object> {
  @Override
  public GenAiOperation operation(ToolInvocation tool) {
    return GenAiOperation.EXECUTE_TOOL;
  }

  /** The provider of the agent that runs the tool (the model that asked for it); {@code _OTHER} outside one. */
  @Override
  public String providerName(ToolInvocation tool) {
    return tool.provider;
  }

  @Nullable
  @Override
  public String toolName(ToolInvocation tool) {
    return tool.name;
  }

  @Nullable
  @Override
  public String toolCallId(ToolInvocation tool) {
    return tool.callId;
  }

  @Nullable
  @Override
  public String toolDescription(ToolInvocation tool) {
    return tool.description;
  }

  /** LangChain4j tools are functions the model calls with JSON arguments. */
  @Override
  public String toolType(ToolInvocation tool) {
    return "function";
  }

  @Nullable
  @Override
  public String toolCallArguments(ToolInvocation tool) {
    return tool.arguments;
  }

  @Nullable
  @Override
  public String toolCallResult(Object result) {
    if (result instanceof String) {
      return (String) result;
    }
    // Only with content capture: resultText() renders a lazy result once and caches it for LangChain4j.
    Object text = Reflection.call(result, "resultText");
    return text instanceof String ? (String) text : null;
  }
}

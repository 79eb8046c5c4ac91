package dev.genaiagent.instrumentation.langchain4j.service;

import dev.genaiagent.telemetry.GenAiAttributesGetter;
import dev.genaiagent.telemetry.GenAiOperation;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * An AI-service call as an {@code invoke_agent} span. Usage is not read here: the core sums the model
 * calls made under the agent.
 */
final class AgentAttributesGetter implements GenAiAttributesGetter<ServiceInvocation, Object> {
  /**
   * The service method, {@code com.example.Assistant.chat}: the agent name is the interface's simple
   * name (what the semantic conventions show), the method tells its operations apart. Semconv's code
   * attribute, on the span only (never a metric attribute).
   */
  static final AttributeKey<String> CODE_FUNCTION_NAME = AttributeKey.stringKey("code.function.name");

  @Override
  public GenAiOperation operation(ServiceInvocation call) {
    return GenAiOperation.INVOKE_AGENT;
  }

  @Override
  public String providerName(ServiceInvocation call) {
    return call.provider;
  }

  @Nullable
  @Override
  public String requestModel(ServiceInvocation call) {
    return call.model;
  }

  @Override
  public String agentName(ServiceInvocation call) {
    return call.agentName;
  }

  @Nullable
  @Override
  public String conversationId(ServiceInvocation call) {
    return call.conversationId;
  }

  @Nullable
  @Override
  public String systemPromptText(ServiceInvocation call) {
    return call.method.systemTemplate;
  }

  @Nullable
  @Override
  public String promptName(ServiceInvocation call) {
    return call.method.promptName;
  }

  @Nullable
  @Override
  public Map<String, String> promptVariables(ServiceInvocation call) {
    return call.variables;
  }

  @Nullable
  @Override
  public Attributes additionalAttributes(ServiceInvocation call) {
    return call.method.codeAttributes;
  }
}

package dev.genaiagent.instrumentation.langchain4j.service;

import java.util.Map;
import javax.annotation.Nullable;

/** One call of an AI-service method: what its {@code invoke_agent} span says. */
final class ServiceInvocation {
  final String agentName;
  final ServiceMethod method;
  @Nullable final String conversationId;
  @Nullable final String provider;
  @Nullable final String model;
  /** Read only with content capture on: argument values are content. */
  @Nullable Map<String, String> variables;

  ServiceInvocation(String agentName, ServiceMethod method, @Nullable String conversationId,
      @Nullable String provider, @Nullable String model) {
    this.agentName = agentName;
    this.method = method;
    this.conversationId = conversationId;
    this.provider = provider;
    this.model = model;
  }
}

package dev.genaiagent.telemetry;

/** The GenAI operations of the telemetry contract, with their {@code gen_ai.operation.name} values. */
public enum GenAiOperation {
  CHAT("chat", Family.INFERENCE),
  TEXT_COMPLETION("text_completion", Family.INFERENCE),
  GENERATE_CONTENT("generate_content", Family.INFERENCE),
  EMBEDDINGS("embeddings", Family.EMBEDDINGS),
  RETRIEVAL("retrieval", Family.RETRIEVAL),
  EXECUTE_TOOL("execute_tool", Family.TOOL),
  INVOKE_AGENT("invoke_agent", Family.AGENT);

  /**
   * Operations of one family started directly inside each other are layers of one call (a framework
   * over an SDK), except agents, which legitimately nest (an agent calling a sub-agent).
   */
  enum Family {
    INFERENCE,
    EMBEDDINGS,
    RETRIEVAL,
    TOOL,
    AGENT
  }

  private final String value;
  private final Family family;

  GenAiOperation(String value, Family family) {
    this.value = value;
    this.family = family;
  }

  /** The {@code gen_ai.operation.name} value. */
  public String value() {
    return value;
  }

  Family family() {
    return family;
  }

  public boolean isInference() {
    return family == Family.INFERENCE;
  }

  /** Whether a call of this operation directly inside one of {@code outer} is the same call seen by a lower layer. */
  boolean isLayerOf(GenAiOperation outer) {
    return family != Family.AGENT && family == outer.family;
  }
}

package dev.genaiagent.telemetry.content;

/** Which captured field a text belongs to, so a {@link ContentPolicy} can treat fields differently. */
public enum ContentField {
  SYSTEM_INSTRUCTIONS,
  INPUT_MESSAGE,
  OUTPUT_MESSAGE,
  TOOL_DEFINITION,
  TOOL_CALL_ARGUMENTS,
  TOOL_CALL_RESULT,
  RETRIEVAL_QUERY,
  RETRIEVAL_DOCUMENT,
  PROMPT_VARIABLE
}

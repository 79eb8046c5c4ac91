package dev.genaiagent.testing.openai;

/**
 * The operations the test server answers. A {@link Script} made for one of them is only consumed by a request
 * to it; error and fault scripts match any operation unless narrowed with {@link Script#on(Api)}.
 *
 * <p>Each provider protocol adds its constants here and a {@link Protocol} that routes its paths; {@link
 * RecordedRequest#api()} tells which provider a request was for.
 */
public enum Api {
  /** {@code POST /v1/chat/completions}. */
  CHAT_COMPLETIONS,
  /** {@code POST /v1/responses}. */
  RESPONSES,
  /** {@code POST /v1/embeddings}. */
  EMBEDDINGS,
  /** {@code POST /v1/completions} (legacy text completions). */
  COMPLETIONS,
  /** Anthropic's {@code POST /v1/messages} (the Messages API), answered by {@link Script#anthropic()}. */
  ANTHROPIC_MESSAGES
}

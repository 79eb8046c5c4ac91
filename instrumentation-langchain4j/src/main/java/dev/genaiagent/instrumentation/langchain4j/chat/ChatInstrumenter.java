package dev.genaiagent.instrumentation.langchain4j.chat;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTelemetry;
import dev.genaiagent.telemetry.GenAiInstrumenter;
import dev.langchain4j.model.chat.response.ChatResponse;

final class ChatInstrumenter {
  static final GenAiInstrumenter<ChatInvocation, ChatResponse> CHAT =
      LangChain4jTelemetry.TELEMETRY.instrumenter(new ChatAttributesGetter());

  private ChatInstrumenter() {}
}

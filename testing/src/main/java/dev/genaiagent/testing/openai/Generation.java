package dev.genaiagent.testing.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model output a script resolves to for one request, shared by the three text-generating endpoints:
 * final content and its streamed pieces, tool calls, model, and token usage (scripted or estimated).
 */
final class Generation {

  static final String FALLBACK_CONTENT = "Hello from the OpenAI test server.";

  final Script script;
  final String model;
  final long created = System.currentTimeMillis() / 1000;
  /** {@code null} when the answer is only tool calls. */
  final String content;
  final List<String> pieces;
  final List<ToolCall> toolCalls;
  final int promptTokens;
  final int completionTokens;

  /**
   * @param userText the input to echo when the script sets no content
   * @param promptText all input text, for the default prompt-token estimate
   * @param choices how many choices will be generated ({@code n}); output tokens are per choice
   */
  Generation(Script script, String requestModel, String userText, String promptText, int choices) {
    this.script = script;
    this.model = script.model != null ? script.model : requestModel;
    this.toolCalls = List.copyOf(script.toolCalls);
    if (script.content != null) {
      content = script.content;
    } else if (!toolCalls.isEmpty()) {
      content = null;
    } else {
      content = userText == null || userText.isEmpty() ? FALLBACK_CONTENT : "Echo: " + userText;
    }
    pieces = script.pieces != null ? script.pieces : Texts.pieces(content, script.chunkSize);

    int outputEstimate = Texts.tokens(content) + script.reasoningTokens;
    for (ToolCall call : toolCalls) {
      outputEstimate += Texts.tokens(call.name()) + Texts.tokens(call.arguments());
    }
    promptTokens = script.promptTokens != null ? script.promptTokens : Math.max(1, Texts.tokens(promptText));
    completionTokens = script.completionTokens != null ? script.completionTokens : outputEstimate * choices;
  }

  /** Tool-call arguments streamed in pieces like the content (at least one piece, possibly empty). */
  List<String> argumentPieces(ToolCall call) {
    List<String> p = Texts.pieces(call.arguments(), script.chunkSize);
    if (p.isEmpty()) {
      p = new ArrayList<>(List.of(""));
    }
    return p;
  }

  /** Chat/completions finish reason: scripted, else {@code tool_calls} when calling tools, else {@code stop}. */
  String finishReason() {
    if (script.finishReason != null) {
      return script.finishReason;
    }
    return toolCalls.isEmpty() ? "stop" : "tool_calls";
  }

  boolean reportsUsage() {
    return !script.omitUsage;
  }

  /** Chat Completions / legacy Completions {@code usage} (the {@code CompletionUsage} schema). */
  Map<String, Object> completionUsage(boolean withDetails) {
    Map<String, Object> usage = Json.obj(
        "prompt_tokens", promptTokens,
        "completion_tokens", completionTokens,
        "total_tokens", promptTokens + completionTokens);
    if (withDetails) {
      Map<String, Object> promptDetails = Json.obj("cached_tokens", script.cachedTokens, "audio_tokens", 0);
      if (script.cacheWriteTokens != null) {
        promptDetails.put("cache_write_tokens", script.cacheWriteTokens);
      }
      usage.put("prompt_tokens_details", promptDetails);
      usage.put("completion_tokens_details", Json.obj(
          "reasoning_tokens", script.reasoningTokens,
          "audio_tokens", 0,
          "accepted_prediction_tokens", 0,
          "rejected_prediction_tokens", 0));
    }
    return usage;
  }

  /** Responses API {@code usage} (the {@code ResponseUsage} schema). */
  Map<String, Object> responseUsage() {
    return Json.obj(
        "input_tokens", promptTokens,
        // openai-java 4.x requires cache_write_tokens here (validate() fails without it).
        "input_tokens_details", Json.obj(
            "cached_tokens", script.cachedTokens,
            "cache_write_tokens", script.cacheWriteTokens != null ? script.cacheWriteTokens : 0),
        "output_tokens", completionTokens,
        "output_tokens_details", Json.obj("reasoning_tokens", script.reasoningTokens),
        "total_tokens", promptTokens + completionTokens);
  }
}

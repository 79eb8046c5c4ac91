package dev.genaiagent.instrumentation.langchain4j.chat;

import static dev.genaiagent.instrumentation.langchain4j.chat.ChatInstrumenter.CHAT;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTelemetry;
import dev.genaiagent.telemetry.GenAiCall;
import dev.genaiagent.telemetry.StreamWatch;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Stands in for the application's streaming handler: times each partial response (thinking and tool
 * call deltas are output too), ends the chat span on the complete response or the error, and forwards
 * every callback unchanged, on the thread it arrived on.
 *
 * <p>Every method of the interface is overridden, including those added in later LangChain4j versions
 * (a default left in place would swallow the application's thinking or tool-call events); a method
 * naming a class an older version lacks is harmless, as it is never called there. Callbacks run in the
 * context the model was called in, not in the chat span: a tool or the next model call started from
 * {@code onCompleteResponse} (AI services do that) is a sibling of this call, under the same parent,
 * so the span ends before the complete response or error is forwarded.
 */
final class TracingStreamingHandler implements StreamingChatResponseHandler {
  private final StreamingChatResponseHandler delegate;
  private final GenAiCall call;
  private final ChatInvocation invocation;
  private final Context parent;
  private final StreamWatch.Watch watch;

  TracingStreamingHandler(StreamingChatResponseHandler delegate, GenAiCall call, ChatInvocation invocation,
      Context parent) {
    this.delegate = delegate;
    this.call = call;
    this.invocation = invocation;
    this.parent = parent;
    // Ends the span if the model drops the handler without completing (the lambda must not hold `this`).
    this.watch = StreamWatch.watch(this, errorType -> CHAT.fail(call, null, errorType),
        LangChain4jTelemetry.TELEMETRY.streamTimeoutNanos());
  }

  @Override
  public void onPartialResponse(String partialResponse) {
    call.onChunk();
    try (Scope ignored = parent.makeCurrent()) {
      delegate.onPartialResponse(partialResponse);
    }
  }

  @Override
  public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
    call.onChunk();
    try (Scope ignored = parent.makeCurrent()) {
      delegate.onPartialResponse(partialResponse, context);
    }
  }

  @Override
  public void onPartialThinking(PartialThinking partialThinking) {
    call.onChunk();
    try (Scope ignored = parent.makeCurrent()) {
      delegate.onPartialThinking(partialThinking);
    }
  }

  @Override
  public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
    call.onChunk();
    try (Scope ignored = parent.makeCurrent()) {
      delegate.onPartialThinking(partialThinking, context);
    }
  }

  @Override
  public void onPartialToolCall(PartialToolCall partialToolCall) {
    call.onChunk();
    try (Scope ignored = parent.makeCurrent()) {
      delegate.onPartialToolCall(partialToolCall);
    }
  }

  @Override
  public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
    call.onChunk();
    try (Scope ignored = parent.makeCurrent()) {
      delegate.onPartialToolCall(partialToolCall, context);
    }
  }

  @Override
  public void onCompleteToolCall(CompleteToolCall completeToolCall) {
    try (Scope ignored = parent.makeCurrent()) {
      delegate.onCompleteToolCall(completeToolCall);
    }
  }

  @Override
  public void onUnmappedRawEvent(Object rawEvent) {
    try (Scope ignored = parent.makeCurrent()) {
      delegate.onUnmappedRawEvent(rawEvent);
    }
  }

  @Override
  public void onCompleteResponse(ChatResponse completeResponse) {
    end(completeResponse, null);
    try (Scope ignored = parent.makeCurrent()) {
      delegate.onCompleteResponse(completeResponse);
    }
  }

  @Override
  public void onError(Throwable error) {
    end(null, error);
    try (Scope ignored = parent.makeCurrent()) {
      delegate.onError(error);
    }
  }

  /** Also the end of a call whose {@code chat(...)} threw before streaming; the first end wins. */
  void end(ChatResponse response, Throwable error) {
    try {
      watch.done();
      CHAT.end(call, invocation, response, error);
    } catch (Throwable t) {
      // telemetry must never reach the application's handler
    }
  }
}

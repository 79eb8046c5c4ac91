package dev.genaiagent.instrumentation.langchain4j.chat;

import static dev.genaiagent.instrumentation.langchain4j.chat.ChatInstrumenter.CHAT;

import dev.genaiagent.instrumentation.langchain4j.CallDepth;
import dev.genaiagent.instrumentation.langchain4j.Conversations;
import dev.genaiagent.telemetry.GenAiCall;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import javax.annotation.Nullable;

/**
 * The advice's side of a {@code chat(...)} call of a {@code ChatModel} or {@code StreamingChatModel}.
 * Enter always returns an instance, so exit always unwinds the call depth; only the outermost call of
 * each kind on a thread has a span.
 */
public final class LangChain4jChat {
  private static final CallDepth CHAT_DEPTH = new CallDepth();
  private static final CallDepth STREAMING_DEPTH = new CallDepth();

  private final CallDepth depth;
  @Nullable private final GenAiCall call;
  @Nullable private final ChatInvocation invocation;
  @Nullable private final Scope scope;
  @Nullable private final TracingStreamingHandler handler;

  private LangChain4jChat(CallDepth depth, @Nullable GenAiCall call, @Nullable ChatInvocation invocation,
      @Nullable Scope scope, @Nullable TracingStreamingHandler handler) {
    this.depth = depth;
    this.call = call;
    this.invocation = invocation;
    this.scope = scope;
    this.handler = handler;
  }

  public static LangChain4jChat start(Object model, Object request) {
    if (!CHAT_DEPTH.enter()) {
      return new LangChain4jChat(CHAT_DEPTH, null, null, null, null);
    }
    try {
      Context parent = Context.current();
      ChatInvocation invocation =
          ChatInvocation.of(model, (ChatRequest) request, false, Conversations.current(parent));
      GenAiCall call = CHAT.start(parent, invocation);
      CHAT.captureRequestContent(call, invocation);
      return new LangChain4jChat(CHAT_DEPTH, call, invocation, call.makeCurrent(), null);
    } catch (Throwable t) {
      return new LangChain4jChat(CHAT_DEPTH, null, null, null, null);
    }
  }

  public static LangChain4jChat startStreaming(Object model, Object request, Object handler) {
    if (!STREAMING_DEPTH.enter()) {
      return new LangChain4jChat(STREAMING_DEPTH, null, null, null, null);
    }
    try {
      if (handler == null) {
        return new LangChain4jChat(STREAMING_DEPTH, null, null, null, null); // the model's own error to throw
      }
      Context parent = Context.current();
      ChatInvocation invocation =
          ChatInvocation.of(model, (ChatRequest) request, true, Conversations.current(parent));
      GenAiCall call = CHAT.start(parent, invocation);
      CHAT.captureRequestContent(call, invocation);
      TracingStreamingHandler traced =
          new TracingStreamingHandler((StreamingChatResponseHandler) handler, call, invocation, parent);
      return new LangChain4jChat(STREAMING_DEPTH, call, invocation, call.makeCurrent(), traced);
    } catch (Throwable t) {
      return new LangChain4jChat(STREAMING_DEPTH, null, null, null, null);
    }
  }

  /** The handler the model should call: ours when this call is traced, else the application's. */
  public Object handler(Object original) {
    return handler == null ? original : handler;
  }

  /** A blocking call returned or threw. */
  public void end(@Nullable Object response, @Nullable Throwable error) {
    depth.exit();
    if (call == null) {
      return;
    }
    scope.close();
    CHAT.end(call, invocation, response instanceof ChatResponse ? (ChatResponse) response : null, error);
  }

  /** A streaming call returned (the stream goes on in the handler) or threw (it never started). */
  public void endStreaming(@Nullable Throwable error) {
    depth.exit();
    if (call == null) {
      return;
    }
    scope.close();
    if (error != null) {
      handler.end(null, error);
    }
  }
}

package dev.genaiagent.instrumentation.langchain4j.javaagent;

import static dev.genaiagent.instrumentation.langchain4j.javaagent.ChatModelInstrumentation.CHAT_REQUEST;
import static dev.genaiagent.instrumentation.langchain4j.javaagent.ChatModelInstrumentation.CHAT_REQUEST_OPTIONS;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.genaiagent.instrumentation.langchain4j.chat.LangChain4jChat;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code StreamingChatModel.chat(ChatRequest, handler)} and (1.13+) {@code chat(ChatRequest,
 * ChatRequestOptions, handler)}: the span starts here, the application's handler is replaced by one
 * that forwards every callback and ends the span when the stream completes or fails.
 */
final class StreamingChatModelInstrumentation implements TypeInstrumentation {
  static final String STREAMING_CHAT_MODEL = "dev.langchain4j.model.chat.StreamingChatModel";
  static final String HANDLER = "dev.langchain4j.model.chat.response.StreamingChatResponseHandler";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(STREAMING_CHAT_MODEL).or(implementsInterface(named(STREAMING_CHAT_MODEL)));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("chat").and(not(isAbstract())).and(takesArguments(2))
            .and(takesArgument(0, named(CHAT_REQUEST))).and(takesArgument(1, named(HANDLER))),
        StreamingChatModelInstrumentation.class.getName() + "$ChatAdvice");
    transformer.applyAdviceToMethod(
        named("chat").and(not(isAbstract())).and(takesArguments(3))
            .and(takesArgument(0, named(CHAT_REQUEST))).and(takesArgument(1, named(CHAT_REQUEST_OPTIONS)))
            .and(takesArgument(2, named(HANDLER))),
        StreamingChatModelInstrumentation.class.getName() + "$ChatWithOptionsAdvice");
  }

  @SuppressWarnings("unused")
  public static final class ChatAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static LangChain4jChat onEnter(
        @Advice.This Object model,
        @Advice.Argument(0) Object request,
        @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object handler) {
      LangChain4jChat call = LangChain4jChat.startStreaming(model, request, handler);
      handler = call.handler(handler);
      return call;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Enter LangChain4jChat call, @Advice.Thrown Throwable error) {
      if (call != null) {
        call.endStreaming(error);
      }
    }
  }

  @SuppressWarnings("unused")
  public static final class ChatWithOptionsAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static LangChain4jChat onEnter(
        @Advice.This Object model,
        @Advice.Argument(0) Object request,
        @Advice.Argument(value = 2, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object handler) {
      LangChain4jChat call = LangChain4jChat.startStreaming(model, request, handler);
      handler = call.handler(handler);
      return call;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Enter LangChain4jChat call, @Advice.Thrown Throwable error) {
      if (call != null) {
        call.endStreaming(error);
      }
    }
  }
}

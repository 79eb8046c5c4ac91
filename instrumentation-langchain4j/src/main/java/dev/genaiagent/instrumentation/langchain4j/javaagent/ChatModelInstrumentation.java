package dev.genaiagent.instrumentation.langchain4j.javaagent;

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
 * {@code ChatModel.chat(ChatRequest)} and (1.13+) {@code chat(ChatRequest, ChatRequestOptions)} of every
 * implementation, the interface's own defaults included: every provider's call passes there, also one
 * that overrides {@code chat} (Anthropic in 1.0.x) or a user's model.
 */
final class ChatModelInstrumentation implements TypeInstrumentation {
  static final String CHAT_MODEL = "dev.langchain4j.model.chat.ChatModel";
  static final String CHAT_REQUEST = "dev.langchain4j.model.chat.request.ChatRequest";
  static final String CHAT_REQUEST_OPTIONS = "dev.langchain4j.model.chat.ChatRequestOptions";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(CHAT_MODEL).or(implementsInterface(named(CHAT_MODEL)));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("chat").and(not(isAbstract())).and(takesArgument(0, named(CHAT_REQUEST)))
            .and(takesArguments(1).or(takesArguments(2).and(takesArgument(1, named(CHAT_REQUEST_OPTIONS))))),
        ChatModelInstrumentation.class.getName() + "$ChatAdvice");
  }

  @SuppressWarnings("unused")
  public static final class ChatAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static LangChain4jChat onEnter(@Advice.This Object model, @Advice.Argument(0) Object request) {
      return LangChain4jChat.start(model, request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter LangChain4jChat call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object response,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        call.end(response, error);
      }
    }
  }
}

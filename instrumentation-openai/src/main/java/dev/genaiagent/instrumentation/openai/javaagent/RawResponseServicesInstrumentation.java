package dev.genaiagent.instrumentation.openai.javaagent;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.genaiagent.instrumentation.openai.OpenAiAdviceBridge;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code create} and {@code createStreaming} of the raw-response services, blocking and async, of every
 * API we cover. The non-raw services delegate to these, so this sees every call exactly once.
 */
final class RawResponseServicesInstrumentation implements TypeInstrumentation {
  static final String CHAT_BLOCKING = "com.openai.services.blocking.chat.ChatCompletionServiceImpl$WithRawResponseImpl";
  static final String CHAT_ASYNC = "com.openai.services.async.chat.ChatCompletionServiceAsyncImpl$WithRawResponseImpl";
  private static final String[] SERVICES = {
      CHAT_BLOCKING,
      CHAT_ASYNC,
      "com.openai.services.blocking.ResponseServiceImpl$WithRawResponseImpl",
      "com.openai.services.async.ResponseServiceAsyncImpl$WithRawResponseImpl",
      "com.openai.services.blocking.EmbeddingServiceImpl$WithRawResponseImpl",
      "com.openai.services.async.EmbeddingServiceAsyncImpl$WithRawResponseImpl",
      "com.openai.services.blocking.CompletionServiceImpl$WithRawResponseImpl",
      "com.openai.services.async.CompletionServiceAsyncImpl$WithRawResponseImpl"};
  private static final String[] PARAMS = {
      "com.openai.models.chat.completions.ChatCompletionCreateParams",
      "com.openai.models.responses.ResponseCreateParams",
      "com.openai.models.embeddings.EmbeddingCreateParams",
      "com.openai.models.completions.CompletionCreateParams"};

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(SERVICES);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic().and(namedOneOf("create", "createStreaming")).and(takesArguments(2))
            .and(takesArgument(0, namedOneOf(PARAMS))),
        RawResponseServicesInstrumentation.class.getName() + "$CreateAdvice");
  }

  @SuppressWarnings("unused")
  public static final class CreateAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static OpenAiAdviceBridge onEnter(
        @Advice.Origin("#m") String method,
        @Advice.Argument(0) Object params,
        @Advice.FieldValue(value = "clientOptions", typing = Assigner.Typing.DYNAMIC) Object options) {
      return OpenAiAdviceBridge.start(params, options, "createStreaming".equals(method));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter OpenAiAdviceBridge call,
        @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        returned = call.end(returned, error);
      }
    }
  }
}

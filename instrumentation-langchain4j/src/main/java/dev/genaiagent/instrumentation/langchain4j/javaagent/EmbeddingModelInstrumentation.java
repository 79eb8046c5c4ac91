package dev.genaiagent.instrumentation.langchain4j.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.genaiagent.instrumentation.langchain4j.rag.LangChain4jEmbeddings;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code EmbeddingModel.embedAll(List)} (abstract up to 1.17, a default from 1.18) and (1.18+)
 * {@code embed(EmbeddingRequest)} of every implementation, the interface's own defaults included;
 * {@code dimension()} only to keep its {@code embed("test")} probe from making a span.
 */
final class EmbeddingModelInstrumentation implements TypeInstrumentation {
  static final String EMBEDDING_MODEL = "dev.langchain4j.model.embedding.EmbeddingModel";
  static final String EMBEDDING_REQUEST = "dev.langchain4j.model.embedding.request.EmbeddingRequest";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(EMBEDDING_MODEL).or(implementsInterface(named(EMBEDDING_MODEL)));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("embedAll").and(not(isAbstract())).and(not(isBridge())).and(takesArguments(1))
            .and(takesArgument(0, named("java.util.List"))),
        EmbeddingModelInstrumentation.class.getName() + "$EmbedAllAdvice");
    transformer.applyAdviceToMethod(
        named("embed").and(not(isAbstract())).and(not(isBridge())).and(takesArguments(1))
            .and(takesArgument(0, named(EMBEDDING_REQUEST))),
        EmbeddingModelInstrumentation.class.getName() + "$EmbedRequestAdvice");
    transformer.applyAdviceToMethod(
        named("dimension").and(not(isAbstract())).and(takesArguments(0)).and(returns(int.class)),
        EmbeddingModelInstrumentation.class.getName() + "$DimensionAdvice");
  }

  @SuppressWarnings("unused")
  public static final class EmbedAllAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static LangChain4jEmbeddings onEnter(@Advice.This Object model) {
      return LangChain4jEmbeddings.startEmbedAll(model);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter LangChain4jEmbeddings call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object response,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        call.end(response, error);
      }
    }
  }

  @SuppressWarnings("unused")
  public static final class EmbedRequestAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static LangChain4jEmbeddings onEnter(@Advice.This Object model, @Advice.Argument(0) Object request) {
      return LangChain4jEmbeddings.startEmbedRequest(model, request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter LangChain4jEmbeddings call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object response,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        call.end(response, error);
      }
    }
  }

  @SuppressWarnings("unused")
  public static final class DimensionAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter() {
      LangChain4jEmbeddings.enterDimension();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit() {
      LangChain4jEmbeddings.exitDimension();
    }
  }
}

package dev.genaiagent.instrumentation.langchain4j.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.genaiagent.instrumentation.langchain4j.rag.LangChain4jRetrievals;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The two ways LangChain4j retrieves: {@code EmbeddingStore.search(EmbeddingSearchRequest)} of every
 * store (abstract in the interface in all versions, so each store's own implementation: in-memory,
 * pgvector and any other store module), and {@code ContentRetriever.retrieve(Query)} of every retriever
 * (embedding-store, web-search, listener wrappers in 1.11+ and the application's own classes).
 */
final class RetrievalInstrumentation implements TypeInstrumentation {
  private final String type;
  private final String method;
  private final String argument;

  private RetrievalInstrumentation(String type, String method, String argument) {
    this.type = type;
    this.method = method;
    this.argument = argument;
  }

  static RetrievalInstrumentation embeddingStores() {
    return new RetrievalInstrumentation("dev.langchain4j.store.embedding.EmbeddingStore", "search",
        "dev.langchain4j.store.embedding.EmbeddingSearchRequest");
  }

  static RetrievalInstrumentation contentRetrievers() {
    return new RetrievalInstrumentation("dev.langchain4j.rag.content.retriever.ContentRetriever", "retrieve",
        "dev.langchain4j.rag.query.Query");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return implementsInterface(named(type));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named(method).and(not(isAbstract())).and(not(isBridge())).and(takesArguments(1))
            .and(takesArgument(0, named(argument))),
        RetrievalInstrumentation.class.getName() + "$RetrievalAdvice");
  }

  @SuppressWarnings("unused")
  public static final class RetrievalAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static LangChain4jRetrievals onEnter(@Advice.This Object target, @Advice.Argument(0) Object argument) {
      return LangChain4jRetrievals.start(target, argument);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter LangChain4jRetrievals call,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable error) {
      if (call != null) {
        call.end(result, error);
      }
    }
  }
}

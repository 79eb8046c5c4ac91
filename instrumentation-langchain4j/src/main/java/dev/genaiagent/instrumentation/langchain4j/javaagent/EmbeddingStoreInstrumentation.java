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
 * {@code EmbeddingStore.search(EmbeddingSearchRequest)} of every store (abstract in the interface in all
 * versions, so each store's own implementation): in-memory, pgvector and any other store module.
 */
final class EmbeddingStoreInstrumentation implements TypeInstrumentation {
  static final String EMBEDDING_STORE = "dev.langchain4j.store.embedding.EmbeddingStore";
  static final String SEARCH_REQUEST = "dev.langchain4j.store.embedding.EmbeddingSearchRequest";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return implementsInterface(named(EMBEDDING_STORE));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("search").and(not(isAbstract())).and(not(isBridge())).and(takesArguments(1))
            .and(takesArgument(0, named(SEARCH_REQUEST))),
        EmbeddingStoreInstrumentation.class.getName() + "$SearchAdvice");
  }

  @SuppressWarnings("unused")
  public static final class SearchAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static LangChain4jRetrievals onEnter(@Advice.This Object store, @Advice.Argument(0) Object request) {
      return LangChain4jRetrievals.startSearch(store, request);
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

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
 * {@code ContentRetriever.retrieve(Query)} of every retriever: embedding-store, web-search, listener
 * wrappers (1.11+) and the application's own classes.
 */
final class ContentRetrieverInstrumentation implements TypeInstrumentation {
  static final String CONTENT_RETRIEVER = "dev.langchain4j.rag.content.retriever.ContentRetriever";
  static final String QUERY = "dev.langchain4j.rag.query.Query";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return implementsInterface(named(CONTENT_RETRIEVER));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("retrieve").and(not(isAbstract())).and(not(isBridge())).and(takesArguments(1))
            .and(takesArgument(0, named(QUERY))),
        ContentRetrieverInstrumentation.class.getName() + "$RetrieveAdvice");
  }

  @SuppressWarnings("unused")
  public static final class RetrieveAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static LangChain4jRetrievals onEnter(@Advice.This Object retriever, @Advice.Argument(0) Object query) {
      return LangChain4jRetrievals.startRetrieve(retriever, query);
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

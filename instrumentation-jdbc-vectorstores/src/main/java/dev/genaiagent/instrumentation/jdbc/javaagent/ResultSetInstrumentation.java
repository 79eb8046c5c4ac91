package dev.genaiagent.instrumentation.jdbc.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import dev.genaiagent.instrumentation.jdbc.JdbcRetrievals;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.sql.ResultSet;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code next()} and {@code close()}: a retrieval reads its scores as the application reads its rows. */
final class ResultSetInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return implementsInterface(named("java.sql.ResultSet")).or(named("org.sqlite.jdbc3.JDBC3ResultSet"));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    String prefix = ResultSetInstrumentation.class.getName();
    transformer.applyAdviceToMethod(named("next").and(takesNoArguments()).and(isPublic()), prefix + "$NextAdvice");
    transformer.applyAdviceToMethod(named("close").and(takesNoArguments()).and(isPublic()), prefix + "$CloseAdvice");
  }

  @SuppressWarnings("unused")
  public static final class NextAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void onExit(@Advice.This Object resultSet, @Advice.Return boolean hasRow) {
      if (resultSet instanceof ResultSet) {
        JdbcRetrievals.onNext((ResultSet) resultSet, hasRow);
      }
    }
  }

  @SuppressWarnings("unused")
  public static final class CloseAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter(@Advice.This Object resultSet) {
      if (resultSet instanceof ResultSet) {
        JdbcRetrievals.onResultSetClose((ResultSet) resultSet);
      }
    }
  }
}

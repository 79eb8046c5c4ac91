package dev.genaiagent.instrumentation.jdbc.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import dev.genaiagent.instrumentation.jdbc.JdbcRetrievals;
import dev.genaiagent.instrumentation.jdbc.RetrievalScope;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.sql.ResultSet;
import java.sql.Statement;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code execute*(sql, …)}, {@code getResultSet()} and {@code close()} of every statement. */
final class StatementInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    // SQLite declares its statement methods on JDBC3Statement, which does not implement Statement.
    return implementsInterface(named("java.sql.Statement")).or(named("org.sqlite.jdbc3.JDBC3Statement"));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    String prefix = StatementInstrumentation.class.getName();
    transformer.applyAdviceToMethod(
        nameStartsWith("execute").and(takesArgument(0, String.class)).and(isPublic()),
        prefix + "$ExecuteSqlAdvice");
    transformer.applyAdviceToMethod(
        named("getResultSet").and(takesNoArguments()).and(isPublic()), prefix + "$GetResultSetAdvice");
    transformer.applyAdviceToMethod(named("close").and(takesNoArguments()).and(isPublic()), prefix + "$CloseAdvice");
  }

  @SuppressWarnings("unused")
  public static final class ExecuteSqlAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static RetrievalScope onEnter(@Advice.This Object statement, @Advice.Argument(0) String sql) {
      return statement instanceof Statement ? JdbcRetrievals.onExecute((Statement) statement, sql) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter RetrievalScope scope,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
        @Advice.Thrown Throwable error) {
      if (scope != null) {
        scope.end(returned, error);
      }
    }
  }

  @SuppressWarnings("unused")
  public static final class GetResultSetAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void onExit(
        @Advice.This Object statement, @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object resultSet) {
      if (statement instanceof Statement && resultSet instanceof ResultSet) {
        JdbcRetrievals.onResultSet((Statement) statement, (ResultSet) resultSet);
      }
    }
  }

  @SuppressWarnings("unused")
  public static final class CloseAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter(@Advice.This Object statement) {
      if (statement instanceof Statement) {
        JdbcRetrievals.onStatementClose((Statement) statement);
      }
    }
  }
}

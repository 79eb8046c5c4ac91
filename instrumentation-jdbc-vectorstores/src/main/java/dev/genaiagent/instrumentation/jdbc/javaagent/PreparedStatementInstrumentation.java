package dev.genaiagent.instrumentation.jdbc.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import dev.genaiagent.instrumentation.jdbc.JdbcRetrievals;
import dev.genaiagent.instrumentation.jdbc.RetrievalScope;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.sql.PreparedStatement;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/** Execution without SQL argument, parameter binding (top k, captured parameters) of prepared statements. */
final class PreparedStatementInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return implementsInterface(named("java.sql.PreparedStatement"))
        .or(named("org.sqlite.jdbc3.JDBC3PreparedStatement"));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    String prefix = PreparedStatementInstrumentation.class.getName();
    transformer.applyAdviceToMethod(
        namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate")
            .and(takesNoArguments()).and(isPublic()),
        prefix + "$ExecuteAdvice");
    transformer.applyAdviceToMethod(
        nameStartsWith("set").and(takesArgument(0, int.class)).and(takesArguments(2).or(takesArguments(3)))
            .and(isPublic()),
        prefix + "$SetParameterAdvice");
    transformer.applyAdviceToMethod(
        named("clearParameters").and(takesNoArguments()).and(isPublic()), prefix + "$ClearParametersAdvice");
  }

  @SuppressWarnings("unused")
  public static final class ExecuteAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static RetrievalScope onEnter(@Advice.This Object statement) {
      return statement instanceof PreparedStatement
          ? JdbcRetrievals.onExecutePrepared((PreparedStatement) statement) : null;
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
  public static final class SetParameterAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void onExit(
        @Advice.This Object statement,
        @Advice.Argument(0) int index,
        @Advice.Argument(value = 1, typing = Assigner.Typing.DYNAMIC) Object value) {
      if (statement instanceof PreparedStatement) {
        JdbcRetrievals.onParameter((PreparedStatement) statement, index, value);
      }
    }
  }

  @SuppressWarnings("unused")
  public static final class ClearParametersAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter(@Advice.This Object statement) {
      if (statement instanceof PreparedStatement) {
        JdbcRetrievals.onClearParameters((PreparedStatement) statement);
      }
    }
  }
}

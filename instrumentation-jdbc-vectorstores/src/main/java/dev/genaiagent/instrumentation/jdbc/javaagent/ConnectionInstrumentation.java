package dev.genaiagent.instrumentation.jdbc.javaagent;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.genaiagent.instrumentation.jdbc.JdbcRetrievals;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code prepareStatement}/{@code prepareCall}: a prepared statement's SQL is classified once, here. */
final class ConnectionInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return implementsInterface(named("java.sql.Connection"));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        namedOneOf("prepareStatement", "prepareCall").and(takesArgument(0, String.class)).and(isPublic()),
        ConnectionInstrumentation.class.getName() + "$PrepareAdvice");
  }

  @SuppressWarnings("unused")
  public static final class PrepareAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void onExit(
        @Advice.This Object connection,
        @Advice.Argument(0) String sql,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object statement) {
      if (connection instanceof Connection && statement instanceof PreparedStatement) {
        JdbcRetrievals.onPrepared((Connection) connection, sql, (PreparedStatement) statement);
      }
    }
  }
}

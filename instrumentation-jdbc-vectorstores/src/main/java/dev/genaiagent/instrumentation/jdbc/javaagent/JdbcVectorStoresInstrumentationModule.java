package dev.genaiagent.instrumentation.jdbc.javaagent;

import dev.genaiagent.instrumentation.jdbc.JdbcRetrievals;
import dev.genaiagent.telemetry.cost.PricingTable;
import dev.genaiagent.telemetry.javaagent.HelperClasses;
import io.opentelemetry.javaagent.extension.instrumentation.HelperResourceBuilder;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Vector similarity searches run through any JDBC driver. Switch:
 * {@code otel.instrumentation.genai-jdbc-vectorstores.enabled} (also {@code genai}).
 */
public final class JdbcVectorStoresInstrumentationModule extends InstrumentationModule {

  public JdbcVectorStoresInstrumentationModule() {
    super("genai-jdbc-vectorstores", "genai");
  }

  /**
   * Applied before upstream's JDBC instrumentation (order 0), so our advice wraps theirs: the retrieval
   * span is current when theirs runs, and theirs then makes no second span for the same statement.
   */
  @Override
  public int order() {
    return -1;
  }

  @Override
  public boolean isHelperClass(String className) {
    return className.startsWith("dev.genaiagent.") && !className.contains(".javaagent.");
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return HelperClasses.reachableFrom(JdbcRetrievals.class);
  }

  /** The core (shared with the other modules in this class loader) reads the pricing table from it. */
  @Override
  public void registerHelperResources(HelperResourceBuilder helperResourceBuilder) {
    helperResourceBuilder.register(PricingTable.BUNDLED_RESOURCE);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new ConnectionInstrumentation(),
        new StatementInstrumentation(),
        new PreparedStatementInstrumentation(),
        new ResultSetInstrumentation());
  }
}

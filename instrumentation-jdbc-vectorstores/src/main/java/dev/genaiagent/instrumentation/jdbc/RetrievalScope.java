package dev.genaiagent.instrumentation.jdbc;

import dev.genaiagent.instrumentation.jdbc.sql.VectorSql;
import dev.genaiagent.telemetry.GenAiCall;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.sql.Connection;
import java.sql.Statement;
import javax.annotation.Nullable;

/** What an execute advice keeps between enter and exit: a retrieval in flight, or settings to learn. */
public final class RetrievalScope {
  @Nullable final Statement statement;
  @Nullable final GenAiCall call;
  @Nullable final RetrievalRequest request;
  @Nullable final Context metricsContext;
  @Nullable final Scope scope;
  @Nullable final VectorSql settings;
  @Nullable final Connection settingsConnection;

  RetrievalScope(Statement statement, GenAiCall call, RetrievalRequest request, Context metricsContext, Scope scope) {
    this.statement = statement;
    this.call = call;
    this.request = request;
    this.metricsContext = metricsContext;
    this.scope = scope;
    this.settings = null;
    this.settingsConnection = null;
  }

  RetrievalScope(VectorSql settings, Connection connection) {
    this.statement = null;
    this.call = null;
    this.request = null;
    this.metricsContext = null;
    this.scope = null;
    this.settings = settings;
    this.settingsConnection = connection;
  }

  /** The statement returned {@code returned} or threw {@code error}. */
  public void end(@Nullable Object returned, @Nullable Throwable error) {
    JdbcRetrievals.onExecuted(this, returned, error);
  }
}

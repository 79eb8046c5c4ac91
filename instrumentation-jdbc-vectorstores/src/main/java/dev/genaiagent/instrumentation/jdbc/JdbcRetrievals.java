package dev.genaiagent.instrumentation.jdbc;

import dev.genaiagent.instrumentation.jdbc.sql.SqlDialect;
import dev.genaiagent.instrumentation.jdbc.sql.VectorSql;
import dev.genaiagent.instrumentation.jdbc.sql.VectorSqlCache;
import dev.genaiagent.telemetry.GenAiCall;
import dev.genaiagent.telemetry.GenAiInstrumenter;
import dev.genaiagent.telemetry.GenAiOperation;
import dev.genaiagent.telemetry.GenAiTelemetry;
import dev.genaiagent.telemetry.config.GenAiConfig;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.incubator.config.internal.DeclarativeConfigUtil;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.DbClientMetrics;
import io.opentelemetry.instrumentation.api.instrumenter.OperationListener;
import io.opentelemetry.instrumentation.api.internal.SpanKey;
import io.opentelemetry.instrumentation.api.internal.cache.Cache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * Vector searches over JDBC as GenAI retrievals: what the advice calls. Every statement passes here,
 * so the common case (not a vector search) is one cached classification of the SQL string and one
 * counter read per row; everything else happens only for vector searches and settings.
 *
 * <p>One statement, one span: while the search executes, the retrieval span is the current database
 * client span, so upstream's JDBC instrumentation (inside ours) suppresses its own. A retrieval already
 * in progress (a framework's vector store calling JDBC, a pool's proxy calling the driver) is left to
 * that owner: the SQL beneath it stays an ordinary database span.
 */
public final class JdbcRetrievals {
  private static final Logger logger = Logger.getLogger(JdbcRetrievals.class.getName());
  static final String INSTRUMENTATION_NAME = "dev.genaiagent.jdbc-vectorstores";

  static final GenAiTelemetry TELEMETRY =
      GenAiTelemetry.builder(GlobalOpenTelemetry.get(), INSTRUMENTATION_NAME)
          .setConfig(GenAiConfig.fromEnvironmentQuietly())
          .build();
  static final GenAiInstrumenter<RetrievalRequest, RetrievalResult> INSTRUMENTER =
      TELEMETRY.instrumenter(new RetrievalAttributesGetter());
  /** upstream's {@code db.client.operation.duration} (a no-op unless the stable database semconv is on). */
  private static final OperationListener DB_METRICS =
      DbClientMetrics.get().create(GlobalOpenTelemetry.get().getMeter(INSTRUMENTATION_NAME));
  private static final boolean CAPTURE_PARAMETERS = captureQueryParameters();
  private static final VectorSqlCache CLASSIFIER = new VectorSqlCache();

  // Per-object state in weak-keyed identity maps: never keeps the application's objects alive. (Upstream
  // adds real fields for VirtualField with its Gradle muzzle plugin, which extensions cannot use.)
  private static final Cache<Connection, JdbcConnectionInfo> CONNECTION_INFO = Cache.weak();
  private static final Cache<Connection, VectorSettings> CONNECTION_SETTINGS = Cache.weak();
  private static final Cache<PreparedStatement, PreparedVectorSql> PREPARED = Cache.weak();
  private static final Cache<Statement, RetrievalCursor> STATEMENT_CURSOR = Cache.weak();
  private static final Cache<ResultSet, RetrievalCursor> RESULT_SET_CURSOR = Cache.weak();

  /** Retrievals not yet complete: while zero, rows and closes cost one volatile read. */
  private static final AtomicInteger openCursors = new AtomicInteger();
  /** Prepared statements holding vector SQL: while zero, parameter binding costs one volatile read. */
  private static final AtomicInteger preparedVectorStatements = new AtomicInteger();

  // ---- statements ----

  /** {@code Connection.prepareStatement(sql, …)} returned {@code statement}. */
  public static void onPrepared(Connection connection, @Nullable String sql, @Nullable PreparedStatement statement) {
    if (sql == null || statement == null) {
      return;
    }
    VectorSql vectorSql = classify(sql, DriverDialects.of(connection), connection);
    if (vectorSql == null) {
      return;
    }
    JdbcConnectionInfo info = connectionInfo(connection);
    if (vectorSql.kind() != VectorSql.Kind.OTHER && PREPARED.get(statement) == null) {
      PREPARED.put(statement, new PreparedVectorSql(sql, vectorSql, info));
      preparedVectorStatements.incrementAndGet();
    }
  }

  /** {@code Statement.execute*(sql, …)} is about to run; null when there is nothing to observe. */
  @Nullable
  public static RetrievalScope onExecute(Statement statement, @Nullable String sql) {
    if (sql == null) {
      return null;
    }
    SqlDialect dialect = DriverDialects.of(statement);
    if (CLASSIFIER.classify(sql, dialect).kind() == VectorSql.Kind.OTHER) {
      return null; // the common case: no connection lookup
    }
    Connection connection = connection(statement);
    VectorSql vectorSql = classify(sql, dialect, connection);
    if (vectorSql == null) {
      return null;
    }
    JdbcConnectionInfo info = connectionInfo(connection);
    return begin(statement, connection, sql, vectorSql, info, vectorSql.topK() >= 0 ? vectorSql.topK() : null, null);
  }

  /** {@code PreparedStatement.execute()/executeQuery()/executeUpdate()} is about to run. */
  @Nullable
  public static RetrievalScope onExecutePrepared(PreparedStatement statement) {
    if (preparedVectorStatements.get() == 0) {
      return null;
    }
    PreparedVectorSql prepared = PREPARED.get(statement);
    if (prepared == null) {
      return null;
    }
    return begin(statement, connection(statement), prepared.sql, prepared.vectorSql, prepared.connection,
        prepared.topK(), prepared.parameters());
  }

  /** {@code PreparedStatement.setXxx(index, value, …)}. */
  public static void onParameter(PreparedStatement statement, int index, @Nullable Object value) {
    if (preparedVectorStatements.get() == 0) {
      return;
    }
    PreparedVectorSql prepared = PREPARED.get(statement);
    if (prepared != null) {
      prepared.bind(index, value, CAPTURE_PARAMETERS);
    }
  }

  /** {@code PreparedStatement.clearParameters()}. */
  public static void onClearParameters(PreparedStatement statement) {
    if (preparedVectorStatements.get() == 0) {
      return;
    }
    PreparedVectorSql prepared = PREPARED.get(statement);
    if (prepared != null) {
      prepared.clear();
    }
  }

  /**
   * The classification under the statement's real dialect, null for ordinary SQL. A wrapper's class
   * tells no dialect: its SQL is lexed generically first, and again with the connection's dialect only
   * when that found something.
   */
  @Nullable
  private static VectorSql classify(String sql, SqlDialect dialect, @Nullable Connection connection) {
    VectorSql vectorSql = CLASSIFIER.classify(sql, dialect);
    if (vectorSql.kind() != VectorSql.Kind.OTHER && dialect == SqlDialect.OTHER) {
      vectorSql = CLASSIFIER.classify(sql, connectionInfo(connection).dialect);
    }
    return vectorSql.kind() == VectorSql.Kind.OTHER ? null : vectorSql;
  }

  @Nullable
  private static RetrievalScope begin(Statement statement, @Nullable Connection connection, String sql,
      VectorSql vectorSql, JdbcConnectionInfo info, @Nullable Long topK, @Nullable Map<String, String> parameters) {
    endOpenCursor(statement); // running a statement again closes its previous result set
    if (vectorSql.kind() == VectorSql.Kind.SESSION_SETTINGS) {
      return connection == null ? null : new RetrievalScope(vectorSql, physical(connection));
    }
    if (vectorSql.kind() != VectorSql.Kind.VECTOR_SEARCH) {
      return null;
    }
    Context parent = Context.current();
    GenAiCall outer = GenAiCall.current(parent);
    if (outer != null && outer.operation() == GenAiOperation.RETRIEVAL) {
      return null;
    }
    if (connection != null && !vectorSql.settings().isEmpty()) {
      settingsOf(physical(connection)).apply(vectorSql.settings()); // "SET …; SELECT …" in one string
    }
    VectorSettings settings = connection == null ? null : CONNECTION_SETTINGS.get(physical(connection));
    RetrievalRequest request = new RetrievalRequest(info, vectorSql, sql, topK,
        settings == null ? Collections.<String, String>emptyMap() : settings.snapshot(), parameters);
    GenAiCall call = INSTRUMENTER.start(parent, request);
    Context context = call.context();
    // The retrieval span is this statement's database client span: upstream's JDBC span is suppressed.
    context = SpanKey.DB_CLIENT.storeInContext(context, Span.fromContext(context));
    long startNanos = System.nanoTime();
    Context metricsContext = DB_METRICS.onStart(context, dbMetricAttributes(request), startNanos);
    return new RetrievalScope(statement, call, request, metricsContext, context.makeCurrent());
  }

  /** The statement returned or threw. */
  static void onExecuted(RetrievalScope scope, @Nullable Object returned, @Nullable Throwable error) {
    if (scope.settings != null) {
      if (error == null) {
        settingsOf(scope.settingsConnection).apply(scope.settings.settings());
      }
      return;
    }
    scope.scope.close();
    DB_METRICS.onEnd(scope.metricsContext, error == null ? Attributes.empty()
        : Attributes.of(AttributeKey.stringKey("error.type"), error.getClass().getName()), System.nanoTime());
    if (error != null) {
      INSTRUMENTER.end(scope.call, scope.request, null, error);
      return;
    }
    boolean captureDocuments = TELEMETRY.content().isEnabled();
    RetrievalCursor cursor = new RetrievalCursor(scope.call, scope.request, captureDocuments);
    openCursors.incrementAndGet();
    if (returned instanceof ResultSet) {
      attach(cursor, (ResultSet) returned);
      STATEMENT_CURSOR.put(scope.statement, cursor);
    } else if (Boolean.TRUE.equals(returned)) {
      // execute(): the rows come with getResultSet()
      cursor.watch(scope.statement, false, TELEMETRY.streamTimeoutNanos());
      STATEMENT_CURSOR.put(scope.statement, cursor);
    } else {
      cursor.end(); // an update count: nothing to read
    }
  }

  // ---- rows ----

  /** {@code Statement.getResultSet()} returned {@code resultSet}. */
  public static void onResultSet(Statement statement, @Nullable ResultSet resultSet) {
    if (openCursors.get() == 0 || resultSet == null) {
      return;
    }
    RetrievalCursor cursor = STATEMENT_CURSOR.get(statement);
    if (cursor != null && !cursor.isAttached()) {
      attach(cursor, resultSet);
    }
  }

  /** {@code ResultSet.next()} returned {@code hasRow}. */
  public static void onNext(ResultSet resultSet, boolean hasRow) {
    if (openCursors.get() == 0) {
      return;
    }
    RetrievalCursor cursor = RESULT_SET_CURSOR.get(resultSet);
    if (cursor != null) {
      if (hasRow) {
        cursor.onRow(resultSet);
      } else {
        cursor.end();
      }
    }
  }

  /** {@code ResultSet.close()}. */
  public static void onResultSetClose(ResultSet resultSet) {
    if (openCursors.get() == 0) {
      return;
    }
    RetrievalCursor cursor = RESULT_SET_CURSOR.get(resultSet);
    if (cursor != null) {
      cursor.end();
    }
  }

  /** {@code Statement.close()}: ends its open retrieval, forgets its prepared vector SQL. */
  public static void onStatementClose(Statement statement) {
    endOpenCursor(statement);
    if (preparedVectorStatements.get() != 0 && statement instanceof PreparedStatement) {
      PreparedStatement prepared = (PreparedStatement) statement;
      if (PREPARED.get(prepared) != null) {
        PREPARED.remove(prepared);
        preparedVectorStatements.decrementAndGet();
      }
    }
  }

  private static void endOpenCursor(Statement statement) {
    if (openCursors.get() == 0) {
      return;
    }
    RetrievalCursor cursor = STATEMENT_CURSOR.get(statement);
    if (cursor != null) {
      STATEMENT_CURSOR.remove(statement);
      cursor.end();
    }
  }

  private static void attach(RetrievalCursor cursor, ResultSet resultSet) {
    RESULT_SET_CURSOR.put(resultSet, cursor);
    cursor.watch(resultSet, true, TELEMETRY.streamTimeoutNanos());
  }

  /** Called once per cursor, from {@link RetrievalCursor#end()}. */
  static void complete(GenAiCall call, RetrievalRequest request, RetrievalResult result) {
    openCursors.decrementAndGet();
    INSTRUMENTER.end(call, request, result, null);
  }

  // ---- connections ----

  private static JdbcConnectionInfo connectionInfo(@Nullable Connection connection) {
    if (connection == null) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    Connection physical = physical(connection);
    JdbcConnectionInfo info = CONNECTION_INFO.get(physical);
    if (info == null) {
      String url = null;
      try {
        url = physical.getMetaData().getURL();
      } catch (Throwable t) {
        logger.log(Level.FINE, "JDBC connection URL unavailable", t);
      }
      info = JdbcConnectionInfo.fromUrl(url);
      CONNECTION_INFO.put(physical, info);
    }
    return info;
  }

  private static VectorSettings settingsOf(Connection physical) {
    return CONNECTION_SETTINGS.computeIfAbsent(physical, c -> new VectorSettings());
  }

  @Nullable
  private static Connection connection(Statement statement) {
    try {
      return statement.getConnection();
    } catch (Throwable t) {
      return null;
    }
  }

  /** A pool's proxy unwrapped to the driver's connection: settings live on the physical connection. */
  private static Connection physical(Connection connection) {
    try {
      Connection unwrapped = connection.unwrap(Connection.class);
      return unwrapped != null ? unwrapped : connection;
    } catch (Throwable t) {
      return connection;
    }
  }

  private static Attributes dbMetricAttributes(RetrievalRequest request) {
    io.opentelemetry.api.common.AttributesBuilder b = request.storeAttributes().toBuilder()
        .put(AttributeKey.stringKey("db.system.name"), request.connection.dbSystemName);
    if (request.connection.namespace != null) {
      b.put(AttributeKey.stringKey("db.namespace"), request.connection.namespace);
    }
    if (request.vectorSql.table() != null) {
      b.put(AttributeKey.stringKey("db.collection.name"), request.vectorSql.table());
    }
    if (request.connection.serverAddress != null) {
      b.put(AttributeKey.stringKey("server.address"), request.connection.serverAddress);
      if (request.connection.serverPort != null) {
        b.put(AttributeKey.longKey("server.port"), (long) request.connection.serverPort);
      }
    }
    return b.build();
  }

  private static boolean captureQueryParameters() {
    try {
      return DeclarativeConfigUtil.getInstrumentationConfig(GlobalOpenTelemetry.get(), "jdbc")
          .getBoolean("capture_query_parameters/development", false);
    } catch (Throwable t) {
      return false;
    }
  }

  private JdbcRetrievals() {}
}

package dev.genaiagent.instrumentation.jdbc;

import dev.genaiagent.instrumentation.jdbc.sql.SqlDialect;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * What a connection's JDBC URL tells about the store: database system (stable and pre-1.26 semconv
 * names), SQL dialect, database (namespace), server. Parsed once per connection; an unknown URL gives
 * {@code other_sql} and no server, never an error. Credentials in URLs are never kept.
 */
public final class JdbcConnectionInfo {
  static final JdbcConnectionInfo UNKNOWN = new JdbcConnectionInfo("other_sql", "other_sql", null, null, null);

  final String dbSystemName;
  /** {@code db.system} value of the old database semconv, for spans that still emit it. */
  final String oldDbSystem;
  @Nullable final String namespace;
  @Nullable final String serverAddress;
  @Nullable final Integer serverPort;
  final SqlDialect dialect;

  JdbcConnectionInfo(String dbSystemName, String oldDbSystem, @Nullable String namespace,
      @Nullable String serverAddress, @Nullable Integer serverPort) {
    this.dbSystemName = dbSystemName;
    this.oldDbSystem = oldDbSystem;
    this.namespace = namespace;
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
    this.dialect = SqlDialect.fromDbSystemName(dbSystemName);
  }

  /** From a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/genai?sslmode=disable}. */
  public static JdbcConnectionInfo fromUrl(@Nullable String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return UNKNOWN;
    }
    try {
      String rest = url.substring(5);
      int colon = rest.indexOf(':');
      String subprotocol = (colon < 0 ? rest : rest.substring(0, colon)).toLowerCase(Locale.ROOT);
      String tail = colon < 0 ? "" : rest.substring(colon + 1);
      switch (subprotocol) {
        case "postgresql":
        case "pgsql":
          return hostBased("postgresql", "postgresql", tail, 5432);
        case "mariadb":
          return hostBased("mariadb", "mariadb", tail, 3306);
        case "mysql":
          return hostBased("mysql", "mysql", tail, 3306);
        case "clickhouse":
        case "ch":
          return hostBased("clickhouse", "clickhouse", stripScheme(tail), 8123);
        case "sqlserver":
          return sqlServer(tail);
        case "oracle":
          return oracle(tail);
        case "duckdb":
          return new JdbcConnectionInfo("duckdb", "duckdb", fileName(tail, "memory"), null, null);
        case "sqlite":
          return new JdbcConnectionInfo("sqlite", "sqlite", fileName(tail, "memory"), null, null);
        case "h2":
          return new JdbcConnectionInfo("h2database", "h2", fileName(stripH2Mode(tail), "memory"), null, null);
        default:
          return UNKNOWN;
      }
    } catch (RuntimeException e) {
      return UNKNOWN;
    }
  }

  /** {@code //[user[:password]@]host[:port][,host2…]/database[?params]}. */
  private static JdbcConnectionInfo hostBased(String system, String old, String tail, int defaultPort) {
    if (!tail.startsWith("//")) {
      return new JdbcConnectionInfo(system, old, null, null, null);
    }
    String authority = tail.substring(2);
    int slash = authority.indexOf('/');
    String database = null;
    if (slash >= 0) {
      database = authority.substring(slash + 1);
      authority = authority.substring(0, slash);
      database = cut(database, '?', ';', '#');
    } else {
      authority = cut(authority, '?', ';');
    }
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1); // never keep credentials
    }
    int comma = authority.indexOf(',');
    if (comma >= 0) {
      authority = authority.substring(0, comma); // first host of a failover list
    }
    String host = authority;
    Integer port = defaultPort;
    if (authority.startsWith("[")) { // IPv6 literal
      int close = authority.indexOf(']');
      host = authority.substring(1, close);
      String after = authority.substring(close + 1);
      port = after.startsWith(":") ? parsePort(after.substring(1), defaultPort) : defaultPort;
    } else {
      int portColon = authority.lastIndexOf(':');
      if (portColon >= 0) {
        host = authority.substring(0, portColon);
        port = parsePort(authority.substring(portColon + 1), defaultPort);
      }
    }
    return new JdbcConnectionInfo(system, old, emptyToNull(database), emptyToNull(host), port);
  }

  /** {@code //host[\instance][:port][;databaseName=db;…]}. */
  private static JdbcConnectionInfo sqlServer(String tail) {
    String database = null;
    String[] parts = tail.split(";");
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq > 0) {
        String key = parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT);
        if (key.equals("databasename") || key.equals("database")) {
          database = parts[i].substring(eq + 1).trim();
        }
      }
    }
    String host = parts[0].startsWith("//") ? parts[0].substring(2) : parts[0];
    Integer port = 1433;
    int portColon = host.lastIndexOf(':');
    if (portColon >= 0) {
      port = parsePort(host.substring(portColon + 1), 1433);
      host = host.substring(0, portColon);
    }
    int backslash = host.indexOf('\\');
    if (backslash >= 0) {
      host = host.substring(0, backslash);
    }
    return new JdbcConnectionInfo("microsoft.sql_server", "mssql", emptyToNull(database), emptyToNull(host), port);
  }

  /** {@code thin:@host:port:sid}, {@code thin:@//host:port/service}; TNS descriptors give no server. */
  private static JdbcConnectionInfo oracle(String tail) {
    int at = tail.indexOf('@');
    if (at < 0 || tail.indexOf('(', at) >= 0) {
      return new JdbcConnectionInfo("oracle.db", "oracle", null, null, null);
    }
    String target = tail.substring(at + 1);
    if (target.startsWith("//")) {
      target = target.substring(2);
    }
    target = cut(target, '?');
    String[] hostAndRest = target.split("[:/]", 3);
    String host = hostAndRest[0];
    Integer port = hostAndRest.length > 1 ? parsePort(hostAndRest[1], 1521) : 1521;
    String service = hostAndRest.length > 2 ? hostAndRest[2] : null;
    return new JdbcConnectionInfo("oracle.db", "oracle", emptyToNull(service), emptyToNull(host), port);
  }

  private static String stripScheme(String tail) {
    // jdbc:clickhouse:http://host:8123/db
    int scheme = tail.indexOf("://");
    return scheme > 0 && scheme < 8 ? tail.substring(scheme + 1) : tail;
  }

  private static String stripH2Mode(String tail) {
    for (String mode : new String[] {"mem:", "file:", "tcp:", "ssl:"}) {
      if (tail.regionMatches(true, 0, mode, 0, mode.length())) {
        return mode.equals("mem:") && tail.length() == 4 ? "" : tail.substring(mode.length());
      }
    }
    return tail;
  }

  /** The last path element without extension, for file-backed embedded databases. */
  private static String fileName(String path, String inMemory) {
    String p = cut(path, '?', ';');
    if (p.isEmpty() || p.startsWith(":memory:") || p.equals("memory")) {
      return inMemory;
    }
    int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
    String name = p.substring(slash + 1);
    int dot = name.indexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    return name.isEmpty() ? inMemory : name;
  }

  private static String cut(String s, char... terminators) {
    int end = s.length();
    for (char t : terminators) {
      int i = s.indexOf(t);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return s.substring(0, end);
  }

  private static Integer parsePort(String s, int fallback) {
    try {
      int port = Integer.parseInt(s.trim());
      return port > 0 && port < 65536 ? port : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  @Nullable
  private static String emptyToNull(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}

package dev.genaiagent.instrumentation.langchain4j.rag;

import dev.genaiagent.instrumentation.langchain4j.Reflection;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * What an {@code EmbeddingStore} is, from its class and fields (store modules are separate artifacts,
 * none of them on our compile classpath): the database behind it, the collection or table searched,
 * how it scores. Read by name, per call, from fields the stores set once at construction.
 *
 * <p>{@code gen_ai.data_source.id}: {@code in-memory} for LangChain4j's {@code InMemoryEmbeddingStore};
 * {@code {db.namespace}/{collection}} when both are known, else {@code {db.system.name}/{collection}}
 * (the rule of the JDBC module, so a pgvector table has one id whichever layer searched it); else the
 * database system; else the store's class name.
 */
final class EmbeddingStores {
  static final String IN_MEMORY_STORE = "dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore";
  private static final String LISTENING_STORE = "dev.langchain4j.store.embedding.ListeningEmbeddingStore";
  static final String IN_MEMORY_ID = "in-memory";
  /** The provider of a store no database stands behind: LangChain4j itself. */
  static final String FRAMEWORK = "langchain4j";
  private static final String[] COLLECTION_FIELDS = {"table", "collectionName", "indexName", "collection"};

  private static final ClassValue<String> DB_SYSTEMS = new ClassValue<String>() {
    @Override
    protected String computeValue(Class<?> type) {
      String system = dbSystem(type.getSimpleName().toLowerCase(Locale.ROOT));
      return system == null ? "" : system;
    }
  };

  private EmbeddingStores() {}

  /** A description of {@code store} (unwrapped from LangChain4j's listener wrapper) for one search. */
  static Store describe(Object store) {
    store = unwrap(store);
    Class<?> type = store.getClass();
    if (type.getName().equals(IN_MEMORY_STORE)) {
      // Cosine similarity in the JVM: no database, no server; INTERNAL like an in-process model.
      return new Store(FRAMEWORK, IN_MEMORY_ID, null, null, null, "cosine", null, null, true);
    }
    String system = DB_SYSTEMS.get(type);
    if (system.isEmpty()) {
      system = null;
    }
    String collection = collection(store);
    Object dataSource = Reflection.field(store, "datasource"); // pgvector and other JDBC-based stores
    String namespace = dataSource == null ? null : stringOrNull(Reflection.call(dataSource, "getDatabaseName"));
    String host = dataSource == null ? null : host(dataSource);
    Integer port = host == null ? null : port(dataSource, system);
    String id;
    if (collection != null) {
      id = (namespace != null ? namespace : system != null ? system : type.getSimpleName()) + '/' + collection;
    } else {
      id = system != null ? system : type.getSimpleName();
    }
    // pgvector orders by "embedding <=> ?", cosine distance, and reports (2 - distance) / 2.
    String metric = "postgresql".equals(system) ? "cosine" : null;
    return new Store(system != null ? system : FRAMEWORK, id, system, namespace, collection, metric, host, port,
        false);
  }

  static Object unwrap(Object store) {
    for (int i = 0; i < 4 && store.getClass().getName().equals(LISTENING_STORE); i++) {
      Object delegate = Reflection.field(store, "delegate");
      if (delegate == null) {
        break;
      }
      store = delegate;
    }
    return store;
  }

  /** {@code db.system.name} of a store class (lower-cased simple name), null when not a database we know. */
  @Nullable
  static String dbSystem(String n) {
    if (n.startsWith("pgvector") || n.startsWith("postgres")) {
      return "postgresql";
    }
    if (n.startsWith("elasticsearch")) {
      return "elasticsearch";
    }
    if (n.startsWith("opensearch")) {
      return "opensearch";
    }
    if (n.startsWith("redis")) {
      return "redis";
    }
    if (n.startsWith("mongodb")) {
      return "mongodb";
    }
    if (n.startsWith("cassandra") || n.startsWith("astradb")) {
      return "cassandra";
    }
    if (n.startsWith("neo4j")) {
      return "neo4j";
    }
    if (n.startsWith("oracle")) {
      return "oracle.db";
    }
    if (n.startsWith("mariadb")) {
      return "mariadb";
    }
    if (n.startsWith("couchbase")) {
      return "couchbase";
    }
    // Vector databases without a well-known value: their own lower-case name, as the conventions advise.
    String[] vectorDatabases = {"chroma", "qdrant", "milvus", "weaviate", "pinecone", "vespa"};
    for (String db : vectorDatabases) {
      if (n.startsWith(db)) {
        return db;
      }
    }
    return null;
  }

  @Nullable
  private static String collection(Object store) {
    for (String field : COLLECTION_FIELDS) {
      String value = stringOrNull(Reflection.field(store, field));
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** The first host of a pgJDBC {@code PGSimpleDataSource} (what pgvector builds from host/port). */
  @Nullable
  private static String host(Object dataSource) {
    Object names = Reflection.call(dataSource, "getServerNames");
    if (names instanceof String[] && ((String[]) names).length > 0) {
      return stringOrNull(((String[]) names)[0]);
    }
    return stringOrNull(Reflection.call(dataSource, "getServerName"));
  }

  @Nullable
  private static Integer port(Object dataSource, @Nullable String system) {
    Object ports = Reflection.call(dataSource, "getPortNumbers");
    int port = 0;
    if (ports instanceof int[] && ((int[]) ports).length > 0) {
      port = ((int[]) ports)[0];
    } else {
      Long single = Reflection.asLong(Reflection.call(dataSource, "getPortNumber"));
      port = single == null ? 0 : single.intValue();
    }
    if (port <= 0 && "postgresql".equals(system)) {
      return 5432; // pgJDBC's 0 means the default port
    }
    return port > 0 ? port : null;
  }

  @Nullable
  private static String stringOrNull(@Nullable Object value) {
    return value instanceof String && !((String) value).isEmpty() ? (String) value : null;
  }

  /** The request-independent part of a retrieval: which store, where. */
  static final class Store {
    final String provider;
    final String dataSourceId;
    @Nullable final String dbSystem;
    @Nullable final String namespace;
    @Nullable final String collection;
    @Nullable final String similarityMetric;
    @Nullable final String host;
    @Nullable final Integer port;
    final boolean inProcess;

    Store(String provider, String dataSourceId, @Nullable String dbSystem, @Nullable String namespace,
        @Nullable String collection, @Nullable String similarityMetric, @Nullable String host,
        @Nullable Integer port, boolean inProcess) {
      this.provider = provider;
      this.dataSourceId = dataSourceId;
      this.dbSystem = dbSystem;
      this.namespace = namespace;
      this.collection = collection;
      this.similarityMetric = similarityMetric;
      this.host = host;
      this.port = port;
      this.inProcess = inProcess;
    }
  }
}

package dev.genaiagent.instrumentation.jdbc.sql;

import javax.annotation.Nullable;

/**
 * The vector search functions of each database and the session settings worth remembering. Function
 * names are matched in any case and in any dialect: a name like {@code array_cosine_distance} means
 * the same wherever it appears, while operators depend on the dialect (see {@link SqlLexer}).
 */
final class VectorVocabulary {

  /** A scalar distance or similarity function. */
  static final int PLAIN = 0;
  /** Oracle {@code VECTOR_DISTANCE(a, b[, metric])} or SQL Server {@code VECTOR_DISTANCE('metric', a, b)}. */
  static final int VECTOR_DISTANCE = 1;
  /** SQL Server's table-valued {@code VECTOR_SEARCH(TABLE = ..., ...)}. */
  static final int VECTOR_SEARCH = 2;
  /** PostgreSQL {@code set_config(name, value, is_local)}: a setting, not a search. */
  static final int SET_CONFIG = 3;

  static final class Function {
    final String name;
    final int kind;
    @Nullable final String metric;
    /** A similarity: higher is better. */
    final boolean similarity;

    Function(String name, int kind, @Nullable String metric, boolean similarity) {
      this.name = name;
      this.kind = kind;
      this.metric = metric;
      this.similarity = similarity;
    }
  }

  private static final Function[] FUNCTIONS = {
    // pgvector (and Oracle's l1_distance, l2_distance, cosine_distance, inner_product)
    distance("l2_distance", VectorSql.L2),
    distance("cosine_distance", VectorSql.COSINE),
    similarity("inner_product", VectorSql.INNER_PRODUCT),
    distance("l1_distance", VectorSql.L1),
    distance("hamming_distance", VectorSql.HAMMING),
    distance("jaccard_distance", VectorSql.JACCARD),
    // MariaDB 11.7+: VEC_DISTANCE uses the metric of the index, which the text does not show
    distance("vec_distance_euclidean", VectorSql.L2),
    distance("vec_distance_cosine", VectorSql.COSINE),
    distance("vec_distance", null),
    // Oracle 23ai and SQL Server 2025
    new Function("vector_distance", VECTOR_DISTANCE, null, false),
    new Function("vector_search", VECTOR_SEARCH, null, false),
    // DuckDB (array_ and list_ variants)
    distance("array_distance", VectorSql.L2),
    distance("array_cosine_distance", VectorSql.COSINE),
    similarity("array_cosine_similarity", VectorSql.COSINE),
    similarity("array_inner_product", VectorSql.INNER_PRODUCT),
    similarity("array_dot_product", VectorSql.INNER_PRODUCT),
    distance("array_negative_inner_product", VectorSql.INNER_PRODUCT),
    distance("array_negative_dot_product", VectorSql.INNER_PRODUCT),
    distance("list_distance", VectorSql.L2),
    distance("list_cosine_distance", VectorSql.COSINE),
    similarity("list_cosine_similarity", VectorSql.COSINE),
    similarity("list_inner_product", VectorSql.INNER_PRODUCT),
    similarity("list_dot_product", VectorSql.INNER_PRODUCT),
    distance("list_negative_inner_product", VectorSql.INNER_PRODUCT),
    distance("list_negative_dot_product", VectorSql.INNER_PRODUCT),
    // sqlite-vec
    distance("vec_distance_l2", VectorSql.L2),
    distance("vec_distance_hamming", VectorSql.HAMMING),
    // ClickHouse (vec_distance_cosine above is sqlite-vec's too)
    distance("l2distance", VectorSql.L2),
    distance("l2squareddistance", VectorSql.L2),
    distance("cosinedistance", VectorSql.COSINE),
    distance("l1distance", VectorSql.L1),
    similarity("dotproduct", VectorSql.INNER_PRODUCT),
    new Function("set_config", SET_CONFIG, null, false),
  };

  private static final CaseInsensitiveWords NAMES = names();
  /** Length of the shortest function name ({@code l2distance}, {@code dotproduct}, {@code set_config}). */
  static final int SHORTEST_FUNCTION_NAME = shortestName();

  /** Session settings of vector indexes: the only ones remembered, so a connection's state stays small. */
  private static final String[] SETTINGS = {
    "hnsw.ef_search",
    "hnsw.iterative_scan",
    "hnsw.max_scan_tuples",
    "hnsw.scan_mem_multiplier",
    "ivfflat.probes",
    "ivfflat.iterative_scan",
    "ivfflat.max_probes",
    "mhnsw_ef_search",
    "mhnsw_default_distance",
    "mhnsw_default_m",
  };

  private VectorVocabulary() {}

  private static Function distance(String name, @Nullable String metric) {
    return new Function(name, PLAIN, metric, false);
  }

  private static Function similarity(String name, String metric) {
    return new Function(name, PLAIN, metric, true);
  }

  private static CaseInsensitiveWords names() {
    return new CaseInsensitiveWords(functionNames());
  }

  private static int shortestName() {
    int shortest = Integer.MAX_VALUE;
    for (Function f : FUNCTIONS) {
      shortest = Math.min(shortest, f.name.length());
    }
    return shortest;
  }

  /** The names of the functions, lower case. */
  static String[] functionNames() {
    String[] names = new String[FUNCTIONS.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = FUNCTIONS[i].name;
    }
    return names;
  }

  /** The function named {@code sql[start, end)} in any case, or null. */
  @Nullable
  static Function function(String sql, int start, int end) {
    int i = NAMES.indexOf(sql, start, end);
    return i < 0 ? null : FUNCTIONS[i];
  }

  /** Whether {@code lowerCaseName} is a vector index setting. */
  static boolean isVectorSetting(String lowerCaseName) {
    for (String s : SETTINGS) {
      if (s.equals(lowerCaseName)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the setting is PostgreSQL's, where {@code LOCAL} means "until the transaction ends". */
  static boolean isPostgresSetting(String lowerCaseName) {
    return lowerCaseName.indexOf('.') >= 0;
  }

  /** Oracle {@code VECTOR_DISTANCE} metric keyword; null when unknown. */
  @Nullable
  static String oracleMetric(String sql, int start, int end) {
    switch (lower(sql, start, end, 20)) {
      case "cosine":
        return VectorSql.COSINE;
      case "euclidean":
      case "euclidean_squared":
      case "l2_squared":
        return VectorSql.L2;
      case "dot":
        return VectorSql.INNER_PRODUCT; // Oracle's DOT distance is the negated dot product
      case "manhattan":
        return VectorSql.L1;
      case "hamming":
        return VectorSql.HAMMING;
      case "jaccard":
        return VectorSql.JACCARD;
      default:
        return null;
    }
  }

  /** SQL Server metric string content ({@code cosine}, {@code euclidean}, {@code dot}); null otherwise. */
  @Nullable
  static String sqlServerMetric(String content) {
    switch (content.length() <= 12 ? content.trim().toLowerCase(java.util.Locale.ROOT) : "") {
      case "cosine":
        return VectorSql.COSINE;
      case "euclidean":
        return VectorSql.L2;
      case "dot":
        return VectorSql.INNER_PRODUCT; // the negated dot product, a distance
      default:
        return null;
    }
  }

  private static String lower(String sql, int start, int end, int max) {
    return end - start > max ? "" : sql.substring(start, end).toLowerCase(java.util.Locale.ROOT);
  }
}

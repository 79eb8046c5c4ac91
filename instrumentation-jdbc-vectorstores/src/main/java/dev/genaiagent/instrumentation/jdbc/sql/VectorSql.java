package dev.genaiagent.instrumentation.jdbc.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What the text of one JDBC statement says about vector search: immutable, so a classification can be
 * cached and shared by every execution of the same SQL. Almost every statement is {@link #OTHER}, a
 * shared instance, so the common case allocates nothing.
 */
public final class VectorSql {

  /** What the agent does with the statement. */
  public enum Kind {
    /** A similarity search: becomes a retrieval span. */
    VECTOR_SEARCH,
    /** Changes vector index settings of the session: remembered per connection. */
    SESSION_SETTINGS,
    /** Anything else: left alone. */
    OTHER
  }

  public static final String COSINE = "cosine";
  public static final String L2 = "l2";
  public static final String INNER_PRODUCT = "inner_product";
  public static final String L1 = "l1";
  public static final String HAMMING = "hamming";
  public static final String JACCARD = "jaccard";

  private static final int[] NO_PARAMETERS = new int[0];

  public static final VectorSql OTHER = new VectorSql(Kind.OTHER, null, false, -1, 0, null, null, 0,
      null, NO_PARAMETERS, null, Collections.<Setting>emptyList());

  /**
   * One vector index setting. {@code value} null resets it (PostgreSQL {@code RESET name}, {@code SET
   * name = DEFAULT}); {@code RESET ALL} is the single setting named {@code all}.
   */
  public static final class Setting {
    private final String name;
    @Nullable private final String value;
    private final boolean local;

    public Setting(String name, @Nullable String value) {
      this(name, value, false);
    }

    public Setting(String name, @Nullable String value, boolean local) {
      this.name = name;
      this.value = value;
      this.local = local;
    }

    /** Lower case, as PostgreSQL and MariaDB compare setting names. */
    public String name() {
      return name;
    }

    /** As written, string quotes removed; null for a reset. */
    @Nullable
    public String value() {
      return value;
    }

    /**
     * True for PostgreSQL {@code SET LOCAL} and {@code set_config(..., true)}: the value lasts until the
     * end of the transaction only. (MariaDB's {@code SET LOCAL} is its session scope: false.)
     */
    public boolean local() {
      return local;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (!(o instanceof Setting)) {
        return false;
      }
      Setting that = (Setting) o;
      return name.equals(that.name) && Objects.equals(value, that.value) && local == that.local;
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, value, local);
    }

    @Override
    public String toString() {
      return name + (local ? " (local)" : "") + "=" + value;
    }
  }

  private final Kind kind;
  @Nullable private final String similarityMetric;
  private final boolean higherIsBetter;
  private final long topK;
  private final int topKParameter;
  @Nullable private final Boolean exact;
  @Nullable private final String scoreColumnLabel;
  private final int scoreColumnIndex;
  @Nullable private final String table;
  private final int[] vectorParameters;
  @Nullable private final String idColumnLabel;
  private final List<Setting> settings;

  VectorSql(Kind kind, @Nullable String similarityMetric, boolean higherIsBetter, long topK,
      int topKParameter, @Nullable Boolean exact, @Nullable String scoreColumnLabel, int scoreColumnIndex,
      @Nullable String table, int[] vectorParameters, @Nullable String idColumnLabel, List<Setting> settings) {
    this.kind = kind;
    this.similarityMetric = similarityMetric;
    this.higherIsBetter = higherIsBetter;
    this.topK = topK;
    this.topKParameter = topKParameter;
    this.exact = exact;
    this.scoreColumnLabel = scoreColumnLabel;
    this.scoreColumnIndex = scoreColumnIndex;
    this.table = table;
    this.vectorParameters = vectorParameters.length == 0 ? NO_PARAMETERS : vectorParameters;
    this.idColumnLabel = idColumnLabel;
    this.settings = settings.isEmpty()
        ? Collections.<Setting>emptyList()
        : Collections.unmodifiableList(new ArrayList<>(settings));
  }

  static VectorSql settings(List<Setting> settings) {
    return new VectorSql(Kind.SESSION_SETTINGS, null, false, -1, 0, null, null, 0, null, NO_PARAMETERS,
        null, settings);
  }

  VectorSql withSettings(List<Setting> earlier) {
    return new VectorSql(kind, similarityMetric, higherIsBetter, topK, topKParameter, exact,
        scoreColumnLabel, scoreColumnIndex, table, vectorParameters, idColumnLabel, earlier);
  }

  public Kind kind() {
    return kind;
  }

  /**
   * {@link #COSINE}, {@link #L2}, {@link #INNER_PRODUCT}, {@link #L1}, {@link #HAMMING} or
   * {@link #JACCARD}; null when the text does not say (MariaDB {@code VEC_DISTANCE} and sqlite-vec
   * {@code MATCH} use the metric the index was created with).
   */
  @Nullable
  public String similarityMetric() {
    return similarityMetric;
  }

  /**
   * How to rank the score column (or, without one, the distance expression): true for similarities
   * ({@code array_cosine_similarity}, {@code 1 - (a <=> b)}, {@code (a <#> b) * -1}), false for
   * distances, pgvector's negative inner product {@code <#>} included.
   */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** Number of results asked for when written as a literal, -1 otherwise. */
  public long topK() {
    return topK;
  }

  /** 1-based JDBC index of the {@code ?} placeholder that gives the number of results; 0 when none. */
  public int topKParameter() {
    return topKParameter;
  }

  /**
   * TRUE for an exact (k-nearest-neighbour) search such as Oracle {@code FETCH EXACT} and SQL Server
   * {@code VECTOR_DISTANCE}, FALSE for an approximate one (Oracle {@code FETCH APPROX}, SQL Server
   * {@code VECTOR_SEARCH}), null when the text does not say (pgvector uses an index when one exists).
   */
  @Nullable
  public Boolean exact() {
    return exact;
  }

  /** Label of the result column holding the distance or similarity, as written and unquoted. */
  @Nullable
  public String scoreColumnLabel() {
    return scoreColumnLabel;
  }

  /**
   * 1-based position of the score column in the result; 0 when there is none or when a {@code *}
   * before it makes its position unknown (the label may still be known).
   */
  public int scoreColumnIndex() {
    return scoreColumnIndex;
  }

  /** The searched table as written, unquoted, schema kept ({@code public.docs}). */
  @Nullable
  public String table() {
    return table;
  }

  /**
   * Ascending 1-based JDBC indexes of the {@code ?} placeholders bound to query vectors, so their
   * values are summarized rather than recorded. A copy: prefer {@link #isVectorParameter(int)} per
   * parameter.
   */
  public int[] vectorParameters() {
    return vectorParameters.length == 0 ? NO_PARAMETERS : vectorParameters.clone();
  }

  /** Whether the 1-based JDBC parameter {@code index} is a query vector. */
  public boolean isVectorParameter(int index) {
    for (int p : vectorParameters) {
      if (p == index) {
        return true;
      }
    }
    return false;
  }

  /** Label of a selected {@code id} column, to report document ids. */
  @Nullable
  public String idColumnLabel() {
    return idColumnLabel;
  }

  /**
   * For {@link Kind#SESSION_SETTINGS}, the allow-listed vector index settings in statement order. A
   * {@link Kind#VECTOR_SEARCH} lists the settings made by statements before it in the same string
   * ({@code SET LOCAL hnsw.ef_search = 100; SELECT ...}), which apply to it.
   */
  public List<Setting> settings() {
    return settings;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof VectorSql)) {
      return false;
    }
    VectorSql that = (VectorSql) o;
    return kind == that.kind
        && higherIsBetter == that.higherIsBetter
        && topK == that.topK
        && topKParameter == that.topKParameter
        && scoreColumnIndex == that.scoreColumnIndex
        && Objects.equals(similarityMetric, that.similarityMetric)
        && Objects.equals(exact, that.exact)
        && Objects.equals(scoreColumnLabel, that.scoreColumnLabel)
        && Objects.equals(table, that.table)
        && Arrays.equals(vectorParameters, that.vectorParameters)
        && Objects.equals(idColumnLabel, that.idColumnLabel)
        && settings.equals(that.settings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, similarityMetric, higherIsBetter, topK, topKParameter, exact,
        scoreColumnLabel, scoreColumnIndex, table, Arrays.hashCode(vectorParameters), idColumnLabel,
        settings);
  }

  @Override
  public String toString() {
    if (kind == Kind.OTHER) {
      return "VectorSql{OTHER}";
    }
    if (kind == Kind.SESSION_SETTINGS) {
      return "VectorSql{SESSION_SETTINGS " + settings + "}";
    }
    return "VectorSql{VECTOR_SEARCH metric=" + similarityMetric
        + ", higherIsBetter=" + higherIsBetter
        + ", topK=" + topK
        + ", topKParameter=" + topKParameter
        + ", exact=" + exact
        + ", score=" + scoreColumnLabel + "@" + scoreColumnIndex
        + ", table=" + table
        + ", vectorParameters=" + Arrays.toString(vectorParameters)
        + ", id=" + idColumnLabel
        + (settings.isEmpty() ? "" : ", settings=" + settings)
        + "}";
  }
}

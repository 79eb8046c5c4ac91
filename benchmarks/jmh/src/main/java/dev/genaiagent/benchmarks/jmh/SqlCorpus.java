package dev.genaiagent.benchmarks.jmh;

import dev.genaiagent.instrumentation.jdbc.sql.SqlDialect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Distinct, realistic SQL statements of exactly {@value #LENGTH} characters, for the classifier's
 * "first classification of a new 2 KB statement" budget: vector searches as the common stores and
 * frameworks write them (pgvector with a bound or an inlined query vector, DuckDB array literals,
 * Oracle, MariaDB, SQL Server), and ordinary statements (ORM selects with IN lists, reporting queries,
 * multi-row inserts, bulk updates, text that merely mentions vector operators). Each template is filled
 * to the length with more filter conditions, rows or cases, then padded exactly with a string literal.
 * Seeded: the same corpus in every fork.
 */
final class SqlCorpus {
  static final int LENGTH = 2048;

  /** One statement and the dialect its connection would report. */
  static final class Statement {
    final String sql;
    final SqlDialect dialect;

    Statement(String sql, SqlDialect dialect) {
      this.sql = sql;
      this.dialect = dialect;
    }
  }

  private static final String[] COLUMNS = {
    "status", "category", "region", "author_id", "source", "language", "visibility", "priority", "owner_team",
    "document_type", "review_state", "channel", "product_line", "customer_tier", "retention_class",
  };
  private static final String[] WORDS = {
    "alpha", "beta", "gamma", "delta", "north", "south", "archive", "draft", "public", "internal", "support",
    "billing", "onboarding", "release", "contract", "invoice", "policy", "manual", "faq", "changelog",
  };

  private final SplittableRandom random;
  private int serial;

  private SqlCorpus(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** {@code count} distinct statements, every one a vector search ({@code vector}) or none of them. */
  static List<Statement> generate(boolean vector, int count, long seed) {
    SqlCorpus corpus = new SqlCorpus(seed);
    List<Statement> out = new ArrayList<>(count);
    Set<String> seen = new HashSet<>();
    while (out.size() < count) {
      Statement s = vector ? corpus.vectorSearch(out.size()) : corpus.ordinary(out.size());
      if (s.sql.length() != LENGTH) {
        throw new IllegalStateException("statement of " + s.sql.length() + " characters: " + s.sql);
      }
      if (seen.add(s.sql)) {
        out.add(s);
      }
    }
    return out;
  }

  private Statement vectorSearch(int i) {
    String tenant = tenant();
    switch (i % 7) {
      case 0: // pgvector: a filtered candidate set, then a threshold (hybrid search in a CTE)
        return fill(SqlDialect.POSTGRESQL,
            "WITH candidates AS (\n  SELECT d.id, d.title, d.source_url, d.chunk_index, d.embedding <=> ?::vector AS distance\n"
                + "  FROM rag." + table() + " d\n  JOIN rag.collections c ON c.id = d.collection_id\n"
                + "  WHERE c.tenant_id = '" + tenant + "' AND d.deleted_at IS NULL AND d.language IN ('en', 'de', 'fr')\n",
            () -> "    AND " + condition("d") + "\n",
            pad -> "    AND d.note <> '" + pad + "'\n",
            "  ORDER BY distance\n  LIMIT 50\n)\nSELECT id, title, source_url, chunk_index, distance\nFROM candidates\n"
                + "WHERE distance < 0.35\nORDER BY distance\nLIMIT 10");
      case 1: { // pgvector with the query vector inlined three times (LangChain4j's PgVectorEmbeddingStore)
        String v = "'" + vectorLiteral(40) + "'";
        return fill(SqlDialect.POSTGRESQL,
            "SELECT (2 - (embedding <=> " + v + ")) / 2 AS score, embedding_id, embedding, text, metadata FROM "
                + table() + " WHERE round(cast(float8 (embedding <=> " + v + ") as numeric), 8) <= round(2 - 2 * 0.7, 8)"
                + " AND metadata->>'tenant' = '" + tenant + "'",
            () -> " AND metadata->>'" + column() + "' = '" + word() + "'",
            pad -> " AND metadata->>'note' <> '" + pad + "'",
            " ORDER BY embedding <=> " + v + " LIMIT 5");
      }
      case 2: // DuckDB: an array literal as the query vector, distance selected
        return fill(SqlDialect.DUCKDB,
            "SELECT id, title, url, array_cosine_distance(embedding, " + vectorArray(110) + "::FLOAT[110]) AS distance\n"
                + "FROM " + table() + "\nWHERE tenant = '" + tenant + "'\n",
            () -> "  AND " + condition(null) + "\n",
            pad -> "  AND note <> '" + pad + "'\n",
            "ORDER BY distance\nLIMIT 8");
      case 3: // Oracle 23ai
        return fill(SqlDialect.ORACLE,
            "SELECT d.doc_id, d.title, d.chunk_text, VECTOR_DISTANCE(d.embedding, ?, COSINE) AS dist\n"
                + "FROM app_owner." + table().toUpperCase(Locale.ROOT) + " d\nWHERE d.tenant = '" + tenant + "'\n",
            () -> "  AND " + condition("d") + "\n",
            pad -> "  AND d.note <> '" + pad + "'\n",
            "ORDER BY dist\nFETCH APPROX FIRST 10 ROWS ONLY WITH TARGET ACCURACY 90");
      case 4: // MariaDB 11.7+
        return fill(SqlDialect.MARIADB,
            "SELECT id, title, body, VEC_DISTANCE_COSINE(embedding, VEC_FromText(?)) AS d FROM `" + table()
                + "` WHERE `tenant` = '" + tenant + "'",
            () -> " AND `" + column() + "` = '" + word() + "'",
            pad -> " AND `note` <> '" + pad + "'",
            " ORDER BY d LIMIT 10");
      case 5: // SQL Server 2025
        return fill(SqlDialect.SQLSERVER,
            "SELECT TOP (10) d.id, d.title, VECTOR_DISTANCE('cosine', d.embedding, CAST(? AS VECTOR(1536))) AS distance\n"
                + "FROM dbo.[" + table() + "] d\nWHERE d.tenant = N'" + tenant + "'\n",
            () -> "  AND " + condition("d") + "\n",
            pad -> "  AND d.note <> N'" + pad + "'\n",
            "ORDER BY distance");
      default: // pgvector with a JSON path filter (Spring AI's PgVectorStore)
        return fill(SqlDialect.POSTGRESQL,
            "SELECT *, embedding <=> ? AS distance FROM public.vector_store WHERE embedding <=> ? < ? AND metadata::jsonb @@ '"
                + "$.tenant == \"" + tenant + "\"",
            () -> " && $." + column() + " == \"" + word() + "\"",
            pad -> " && $.note != \"" + pad + "\"",
            "'::jsonpath ORDER BY distance LIMIT ?");
    }
  }

  private Statement ordinary(int i) {
    String tenant = tenant();
    switch (i % 6) {
      case 0: { // an ORM's select: aliased columns, a join, a long IN list of parameters
        StringBuilder head = new StringBuilder("select ");
        String[] orderColumns = {"id", "created_at", "customer_id", "status", "total_amount", "currency", "shipping_method",
            "billing_address_id", "shipping_address_id", "updated_at", "version"};
        for (String c : orderColumns) {
          head.append("o1_0.").append(c).append(',');
        }
        head.append("c1_0.id,c1_0.email,c1_0.display_name,c1_0.created_at from orders o1_0 left join customers c1_0"
            + " on c1_0.id=o1_0.customer_id where o1_0.tenant='").append(tenant).append("' and o1_0.id in (?");
        return fill(SqlDialect.POSTGRESQL, head.toString(), () -> ",?", pad -> ") and o1_0.comment<>'" + pad + "'",
            " order by o1_0.created_at desc");
      }
      case 1: // reporting: aggregates in a CTE, a window function
        return fill(SqlDialect.POSTGRESQL,
            "WITH monthly AS (\n  SELECT date_trunc('month', o.created_at) AS month, o.region, sum(o.total) AS revenue,"
                + " count(*) AS orders\n  FROM sales.orders o\n  JOIN sales.customers c ON c.id = o.customer_id\n"
                + "  WHERE o.created_at >= DATE '2024-01-01' AND c.tenant = '" + tenant + "'\n",
            () -> "    AND " + condition("o") + "\n",
            pad -> "    AND o.note <> '" + pad + "'\n",
            "  GROUP BY 1, 2\n)\nSELECT m.month, m.region, m.revenue, m.orders, m.revenue / NULLIF(m.orders, 0) AS average_order,\n"
                + "  lag(m.revenue) OVER (PARTITION BY m.region ORDER BY m.month) AS previous_revenue\n"
                + "FROM monthly m\nORDER BY m.month DESC, m.revenue DESC\nLIMIT 100");
      case 2: // a multi-row insert with JSON payloads
        return fill(SqlDialect.MARIADB,
            "INSERT INTO audit_log (id, tenant, actor, action, target, payload, created_at) VALUES ",
            () -> "(" + (++serial) + ", '" + tenant + "', 'user-" + random.nextInt(100_000) + "', '" + word() + "', 'order/"
                + random.nextInt(1_000_000) + "', '{\"field\": \"" + column() + "\", \"old\": " + random.nextInt(1000)
                + ", \"new\": " + random.nextInt(1000) + "}', '2024-05-" + (10 + random.nextInt(18)) + " 10:"
                + (10 + random.nextInt(50)) + ":00'), ",
            pad -> "(0, '" + tenant + "', 'system', 'note', '-', '" + pad + "', '2024-05-31 00:00:00')",
            "");
      case 3: // a bulk update with CASE
        return fill(SqlDialect.SQLSERVER,
            "UPDATE inventory SET updated_at = CURRENT_TIMESTAMP, quantity = CASE sku",
            () -> " WHEN 'SKU-" + random.nextInt(1_000_000) + "' THEN " + random.nextInt(500),
            pad -> " WHEN '" + pad + "' THEN 0",
            " ELSE quantity END WHERE warehouse = '" + tenant + "' AND quantity IS NOT NULL");
      case 4: // text and comments that only mention vector operators and functions
        return fill(SqlDialect.H2,
            "/* search page: was ORDER BY embedding <-> ?, see ticket 42 */\nSELECT n.id, n.title, n.body, n.updated_at"
                + " FROM notes n WHERE n.owner = '" + tenant + "' AND n.body LIKE '%cosine_distance(%'"
                + " AND n.title NOT LIKE '%<=>%' -- array_distance(vec, q) is in the docs table\n",
            () -> "  AND " + condition("n") + "\n",
            pad -> "  AND n.note <> '" + pad + "'\n",
            "ORDER BY n.updated_at DESC LIMIT 50");
      default: // long identifiers and function names the scan must look up and reject
        return fill(SqlDialect.OTHER,
            "SELECT e.embedding_model_version, e.document_identifier, coalesce(e.normalized_title, e.original_title) AS title,"
                + " jsonb_build_object('created', e.created_timestamp, 'updated', e.last_modified_timestamp) AS times,"
                + " string_agg(t.classification_label, ',') AS labels FROM ingestion.document_embeddings e"
                + " LEFT JOIN ingestion.document_classifications t ON t.document_identifier = e.document_identifier"
                + " WHERE e.tenant_identifier = '" + tenant + "'",
            () -> " AND " + condition("e"),
            pad -> " AND e.processing_note <> '" + pad + "'",
            " GROUP BY 1, 2, 3, 4 ORDER BY e.embedding_model_version DESC");
    }
  }

  /**
   * head, then as many pieces as fit, then {@code pad} around a string literal that makes the statement
   * exactly {@value #LENGTH} characters, then tail.
   */
  private Statement fill(SqlDialect dialect, String head, Supplier<String> piece, Function<String, String> pad, String tail) {
    StringBuilder sb = new StringBuilder(LENGTH).append(head);
    int fixed = pad.apply("").length() + tail.length();
    // Leave at least 8 characters of padding, so every statement has some.
    while (true) {
      String next = piece.get();
      if (sb.length() + next.length() + fixed + 8 > LENGTH) {
        break;
      }
      sb.append(next);
    }
    int padding = LENGTH - sb.length() - fixed;
    if (padding < 0) {
      throw new IllegalStateException("template longer than " + LENGTH + ": " + head);
    }
    sb.append(pad.apply(text(padding))).append(tail);
    return new Statement(sb.toString(), dialect);
  }

  private String condition(String alias) {
    String column = (alias == null ? "" : alias + ".") + column();
    switch (random.nextInt(4)) {
      case 0:
        return column + " = '" + word() + "'";
      case 1:
        return column + " >= " + random.nextInt(10_000);
      case 2:
        return column + " IN ('" + word() + "', '" + word() + "', '" + word() + "')";
      default:
        return "(" + column + " IS NULL OR " + column + " <> '" + word() + "')";
    }
  }

  private String tenant() {
    return "tenant-" + (++serial) + "-" + Integer.toHexString(random.nextInt());
  }

  private String table() {
    return WORDS[random.nextInt(WORDS.length)] + "_chunks";
  }

  private String column() {
    return COLUMNS[random.nextInt(COLUMNS.length)];
  }

  private String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  /** Lower-case words and spaces, exactly {@code length} characters. */
  private String text(int length) {
    StringBuilder sb = new StringBuilder(length);
    while (sb.length() < length) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(word());
    }
    sb.setLength(length);
    return sb.toString();
  }

  /** pgvector's text form: {@code [0.0123,-0.4567,...]}. */
  private String vectorLiteral(int dimensions) {
    StringBuilder sb = new StringBuilder("[");
    for (int d = 0; d < dimensions; d++) {
      sb.append(d == 0 ? "" : ",").append(component());
    }
    return sb.append(']').toString();
  }

  /** DuckDB's array literal: {@code [0.0123, -0.4567, ...]}. */
  private String vectorArray(int dimensions) {
    StringBuilder sb = new StringBuilder("[");
    for (int d = 0; d < dimensions; d++) {
      sb.append(d == 0 ? "" : ", ").append(component());
    }
    return sb.append(']').toString();
  }

  private String component() {
    return String.format(Locale.ROOT, "%.4f", random.nextDouble(-1, 1));
  }
}

package dev.genaiagent.instrumentation.jdbc.sql;

import static dev.genaiagent.instrumentation.jdbc.sql.Search.search;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.COSINE;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.HAMMING;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.INNER_PRODUCT;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.JACCARD;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.L1;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.L2;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Searches as the pgvector README and the Java libraries on top of it (Spring AI, LangChain4j) write them. */
class PgvectorClassificationTest {
  private static final SqlDialect PG = SqlDialect.POSTGRESQL;

  static Stream<Search> readme() {
    return Stream.of(
        search(PG, "SELECT * FROM items ORDER BY embedding <-> '[3,1,2]' LIMIT 5")
            .metric(L2).topK(5).table("items"),
        search(PG, "SELECT * FROM items ORDER BY embedding <=> '[3,1,2]' LIMIT 5")
            .metric(COSINE).topK(5).table("items"),
        // <#> is the negative inner product: still a distance, lower is better
        search(PG, "SELECT * FROM items ORDER BY embedding <#> '[3,1,2]' LIMIT 5")
            .metric(INNER_PRODUCT).topK(5).table("items"),
        search(PG, "SELECT * FROM items ORDER BY embedding <+> '[3,1,2]' LIMIT 5")
            .metric(L1).topK(5).table("items"),
        search(PG, "SELECT * FROM items ORDER BY embedding <~> '101' LIMIT 5")
            .metric(HAMMING).topK(5).table("items"),
        search(PG, "SELECT * FROM items ORDER BY embedding <%> '101' LIMIT 5")
            .metric(JACCARD).topK(5).table("items"),
        search(PG, "SELECT * FROM items WHERE id != 1 ORDER BY embedding <-> (SELECT embedding FROM items WHERE id = 1) LIMIT 5")
            .metric(L2).topK(5).table("items"),
        search(PG, "SELECT * FROM items WHERE embedding <-> '[3,1,2]' < 5")
            .metric(L2).table("items"),
        search(PG, "SELECT embedding <-> '[3,1,2]' AS distance FROM items")
            .metric(L2).score("distance", 1).table("items"),
        search(PG, "SELECT (embedding <#> '[3,1,2]') * -1 AS inner_product FROM items")
            .metric(INNER_PRODUCT).similarity().score("inner_product", 1).table("items"),
        search(PG, "SELECT 1 - (embedding <=> '[3,1,2]') AS cosine_similarity FROM items")
            .metric(COSINE).similarity().score("cosine_similarity", 1).table("items"),
        // half-precision, sparse and binary vectors are casts around the operands
        search(PG, "SELECT * FROM items ORDER BY embedding::halfvec(3) <-> '[1,2,3]' LIMIT 5")
            .metric(L2).topK(5).table("items"),
        search(PG, "SELECT * FROM items ORDER BY embedding <-> '{1:3,3:1,5:2}/5' LIMIT 5")
            .metric(L2).topK(5).table("items"),
        search(PG, "SELECT * FROM items ORDER BY binary_quantize(embedding)::bit(3) <~> binary_quantize('[1,-2,3]') LIMIT 5")
            .metric(HAMMING).topK(5).table("items"),
        search(PG, "SELECT * FROM items ORDER BY subvector(embedding, 1, 3)::vector(3) <-> subvector('[1,2,3,4,5]'::vector, 1, 3) LIMIT 5")
            .metric(L2).topK(5).table("items"),
        // re-ranking: the outer (final) order wins over the candidate search
        search(PG, "SELECT * FROM (SELECT * FROM items ORDER BY binary_quantize(embedding)::bit(3) <~> binary_quantize('[1,-2,3]') LIMIT 20) ORDER BY embedding <=> '[1,-2,3]' LIMIT 5")
            .metric(COSINE).topK(5).table("items"),
        // iterative index scans: the search is a CTE, its columns reach the result through SELECT *
        search(PG, "WITH relaxed_results AS MATERIALIZED (\n"
            + "    SELECT id, embedding <-> '[1,2,3]' AS distance FROM items WHERE category_id = 123 ORDER BY distance LIMIT 5\n"
            + ") SELECT * FROM relaxed_results ORDER BY distance")
            .metric(L2).topK(5).score("distance", 2).table("items").id("id"),
        search(PG, "WITH semantic_search AS (\n"
            + "    SELECT id, RANK () OVER (ORDER BY embedding <=> ?) AS rank\n"
            + "    FROM documents\n"
            + "    ORDER BY embedding <=> ?\n"
            + "    LIMIT 20\n"
            + "),\n"
            + "keyword_search AS (\n"
            + "    SELECT id, RANK () OVER (ORDER BY ts_rank_cd(to_tsvector('english', content), query) DESC)\n"
            + "    FROM documents, plainto_tsquery('english', ?) query\n"
            + "    WHERE to_tsvector('english', content) @@ query\n"
            + "    ORDER BY ts_rank_cd(to_tsvector('english', content), query) DESC\n"
            + "    LIMIT 20\n"
            + ")\n"
            + "SELECT\n"
            + "    COALESCE(semantic_search.id, keyword_search.id) AS id,\n"
            + "    COALESCE(1.0 / (? + semantic_search.rank), 0.0) +\n"
            + "    COALESCE(1.0 / (? + keyword_search.rank), 0.0) AS score\n"
            + "FROM semantic_search\n"
            + "FULL OUTER JOIN keyword_search ON semantic_search.id = keyword_search.id\n"
            + "ORDER BY score DESC\n"
            + "LIMIT 5")
            .metric(COSINE).topK(20).table("documents").vectors(1, 2).id("id"));
  }

  static Stream<Search> functions() {
    return Stream.of(
        search(PG, "SELECT id, l2_distance(embedding, ?) AS d FROM items ORDER BY d LIMIT 5")
            .metric(L2).topK(5).score("d", 2).table("items").vectors(1).id("id"),
        search(PG, "SELECT id, cosine_distance(embedding, ?) AS d FROM items ORDER BY d LIMIT 5")
            .metric(COSINE).topK(5).score("d", 2).table("items").vectors(1).id("id"),
        search(PG, "SELECT id, inner_product(embedding, ?) AS ip FROM items ORDER BY ip DESC LIMIT 5")
            .metric(INNER_PRODUCT).similarity().topK(5).score("ip", 2).table("items").vectors(1).id("id"),
        search(PG, "SELECT id, l1_distance(embedding, ?) AS d FROM items ORDER BY d LIMIT 5")
            .metric(L1).topK(5).score("d", 2).table("items").vectors(1).id("id"),
        search(PG, "SELECT id, hamming_distance(embedding, ?::bit(3)) AS d FROM items ORDER BY d LIMIT 5")
            .metric(HAMMING).topK(5).score("d", 2).table("items").vectors(1).id("id"),
        search(PG, "SELECT id, jaccard_distance(embedding, ?) AS d FROM items ORDER BY d LIMIT 5")
            .metric(JACCARD).topK(5).score("d", 2).table("items").vectors(1).id("id"),
        search(PG, "SELECT 1 - cosine_distance(embedding, ?) AS similarity, id FROM items ORDER BY similarity DESC LIMIT 3")
            .metric(COSINE).similarity().topK(3).score("similarity", 1).table("items").vectors(1).id("id"),
        search(PG, "SELECT id, COSINE_DISTANCE /* comment */ (embedding, ?) FROM items")
            .metric(COSINE).score(null, 2).table("items").vectors(1).id("id"));
  }

  static Stream<Search> jdbc() {
    return Stream.of(
        search(PG, "SELECT id, embedding <=> ? AS distance FROM items ORDER BY distance LIMIT ?")
            .metric(COSINE).topKParameter(2).score("distance", 2).table("items").vectors(1).id("id"),
        search(PG, "SELECT * FROM items ORDER BY embedding <-> ? LIMIT 5")
            .metric(L2).topK(5).table("items").vectors(1),
        search(PG, "SELECT id FROM items ORDER BY embedding <-> ?::halfvec(3) LIMIT 5")
            .metric(L2).topK(5).table("items").vectors(1).id("id"),
        search(PG, "SELECT id FROM items ORDER BY embedding <=> CAST(? AS vector(3)) LIMIT 10 OFFSET 20")
            .metric(COSINE).topK(10).table("items").vectors(1).id("id"),
        search(PG, "SELECT ?::vector <-> embedding AS d, t.id FROM items t WHERE t.category = ? ORDER BY 1 FETCH FIRST 10 ROWS ONLY")
            .metric(L2).topK(10).score("d", 1).table("items").vectors(1).id("id"),
        search(PG, "SELECT \"ID\", \"Embedding\" <=> ? AS \"Distance\" FROM \"Public\".\"Docs\" ORDER BY 2 LIMIT 3")
            .metric(COSINE).topK(3).score("Distance", 2).table("Public.Docs").vectors(1).id("ID"),
        search(PG, "select ID, EMBEDDING <-> ? DIST from PUBLIC.ITEMS order by DIST limit 5")
            .metric(L2).topK(5).score("DIST", 2).table("PUBLIC.ITEMS").vectors(1).id("ID"),
        // a star before the score column: its position is unknown, its label is not
        search(PG, "SELECT t.*, t.embedding <-> ? AS distance FROM docs t ORDER BY distance LIMIT 4")
            .metric(L2).topK(4).score("distance", 0).table("docs").vectors(1),
        // Spring AI PgVectorStore
        search(PG, "SELECT *, embedding <=> ? AS distance FROM public.vector_store WHERE embedding <=> ? < ? "
            + "AND metadata::jsonb @@ '$.country == \"BG\"'::jsonpath ORDER BY distance LIMIT ? ")
            .metric(COSINE).topKParameter(4).score("distance", 0).table("public.vector_store").vectors(1, 2),
        // LangChain4j PgVectorEmbeddingStore: a similarity computed from the distance, in a CTE
        search(PG, "WITH temp AS (SELECT (2 - (embedding <=> '[0.1,0.2,0.3]')) / 2 AS score, embedding_id, embedding, text, metadata FROM my_table) "
            + "SELECT * FROM temp WHERE score >= 0.5 ORDER BY score desc LIMIT 5")
            .metric(COSINE).similarity().topK(5).score("score", 1).table("my_table"),
        // the search in a FROM subquery: its columns are reached through the outer select list
        search(PG, "SELECT id, distance FROM (SELECT id, embedding <-> ? AS distance FROM docs) s ORDER BY distance LIMIT 4")
            .metric(L2).topK(4).score("distance", 2).table("docs").vectors(1).id("id"),
        search(PG, "SELECT d.title, s.distance FROM (SELECT id, embedding <-> ? AS distance FROM docs ORDER BY 2 LIMIT 10) s JOIN meta d ON d.id = s.id")
            .metric(L2).topK(10).score("distance", 2).table("docs").vectors(1),
        // ... but not those of a WHERE subquery
        search(PG, "SELECT * FROM docs WHERE id IN (SELECT id FROM docs ORDER BY embedding <-> ? LIMIT 7)")
            .metric(L2).topK(7).table("docs").vectors(1),
        // a rank computed over the distance is not the distance
        search(PG, "SELECT id, RANK () OVER (ORDER BY embedding <=> ?) AS rank FROM documents ORDER BY embedding <=> ? LIMIT 20")
            .metric(COSINE).topK(20).table("documents").vectors(1, 2).id("id"),
        search(PG, "SELECT id FROM t WHERE tags ??| ? ORDER BY embedding <-> ? LIMIT ?")
            .metric(L2).topKParameter(3).table("t").vectors(2).id("id"),
        search(PG, "SELECT id FROM t WHERE tags ?| array['a','b'] AND kind = ? ORDER BY embedding <-> ? LIMIT 2")
            .metric(L2).topK(2).table("t").vectors(2).id("id"),
        search(PG, "SELECT doc_id AS id, round((1 - (embedding <=> ?))::numeric, 3) AS similarity FROM chunks ORDER BY embedding <=> ? LIMIT 8")
            .metric(COSINE).similarity().topK(8).score("similarity", 2).table("chunks").vectors(1, 2).id("id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readme")
  void readmeExamples(Search expected) {
    expected.verify();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void distanceFunctions(Search expected) {
    expected.verify();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdbc")
  void preparedStatements(Search expected) {
    expected.verify();
  }
}

package dev.genaiagent.instrumentation.jdbc.sql;

import static dev.genaiagent.instrumentation.jdbc.sql.Search.search;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.COSINE;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.INNER_PRODUCT;
import static dev.genaiagent.instrumentation.jdbc.sql.VectorSql.L2;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SQL Server 2025 / Azure SQL: exact VECTOR_DISTANCE ordering and the approximate VECTOR_SEARCH function. */
class SqlServerClassificationTest {
  private static final SqlDialect MSSQL = SqlDialect.SQLSERVER;

  static Stream<Search> cases() {
    return Stream.of(
        search(MSSQL, "DECLARE @qv VECTOR(1536) = AI_GENERATE_EMBEDDINGS(N'Pink Floyd music style' USE MODEL Ada2Embeddings);\n"
            + "SELECT TOP (10) id, VECTOR_DISTANCE('cosine', @qv, [content_vector]) AS distance, title\n"
            + "FROM [dbo].[wikipedia_articles_embeddings]\n"
            + "ORDER BY distance;")
            .metric(COSINE).topK(10).exact(true).score("distance", 2).table("dbo.wikipedia_articles_embeddings").id("id"),
        // T-SQL needs no ';' between the DECLARE and the query
        search(MSSQL, "DECLARE @qv VECTOR(3) = '[0.1, 0.2, 0.3]' SELECT TOP 5 id FROM docs ORDER BY VECTOR_DISTANCE('euclidean', @qv, embedding)")
            .metric(L2).topK(5).exact(true).table("docs").id("id"),
        search(MSSQL, "SELECT TOP (10) t.id, s.distance, t.title\n"
            + "FROM VECTOR_SEARCH(\n"
            + "    TABLE = [dbo].[wikipedia_articles_embeddings] AS t,\n"
            + "    COLUMN = [content_vector],\n"
            + "    SIMILAR_TO = @qv,\n"
            + "    METRIC = 'cosine',\n"
            + "    TOP_N = 10\n"
            + ") AS s\n"
            + "ORDER BY s.distance, t.title;")
            .metric(COSINE).topK(10).exact(false).score("distance", 2).table("dbo.wikipedia_articles_embeddings").id("id"),
        search(MSSQL, "SELECT t.id, s.distance FROM VECTOR_SEARCH(TABLE = docs AS t, COLUMN = embedding, SIMILAR_TO = ?, METRIC = 'dot', TOP_N = ?) AS s ORDER BY s.distance")
            .metric(INNER_PRODUCT).topKParameter(2).exact(false).score("distance", 2).table("docs").vectors(1).id("id"),
        search(MSSQL, "SELECT TOP (?) id, VECTOR_DISTANCE('cosine', ?, embedding) AS distance FROM dbo.docs ORDER BY distance")
            .metric(COSINE).topKParameter(1).exact(true).score("distance", 2).table("dbo.docs").vectors(2).id("id"),
        search(MSSQL, "SELECT id FROM docs ORDER BY VECTOR_DISTANCE('euclidean', CAST(? AS VECTOR(3)), embedding) OFFSET 0 ROWS FETCH NEXT 10 ROWS ONLY")
            .metric(L2).topK(10).exact(true).table("docs").vectors(1).id("id"),
        search(MSSQL, "SELECT [Id], VECTOR_DISTANCE('dot', ?, [Embedding]) [Score] FROM [Docs] ORDER BY [Score]")
            .metric(INNER_PRODUCT).exact(true).score("Score", 2).table("Docs").vectors(1).id("Id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void classifies(Search expected) {
    expected.verify();
  }
}

package dev.genaiagent.instrumentation.jdbc;

import dev.genaiagent.telemetry.GenAiAttributesGetter;
import dev.genaiagent.telemetry.GenAiOperation;
import dev.genaiagent.telemetry.content.RetrievedDocument;
import io.opentelemetry.api.common.Attributes;
import java.util.List;
import javax.annotation.Nullable;

/**
 * A vector search over JDBC as a GenAI retrieval. The span replaces the database client span upstream
 * would have made, so it also carries that span's attributes (see {@link SqlAttributes}).
 */
final class RetrievalAttributesGetter implements GenAiAttributesGetter<RetrievalRequest, RetrievalResult> {
  @Override
  public GenAiOperation operation(RetrievalRequest request) {
    return GenAiOperation.RETRIEVAL;
  }

  /** The store's database system: {@code postgresql} for pgvector, {@code duckdb}, … */
  @Override
  public String providerName(RetrievalRequest request) {
    return request.connection.dbSystemName;
  }

  @Override
  public String serverAddress(RetrievalRequest request) {
    return request.connection.serverAddress;
  }

  @Override
  public Integer serverPort(RetrievalRequest request) {
    return request.connection.serverAddress == null ? null : request.connection.serverPort;
  }

  @Override
  public Double topK(RetrievalRequest request) {
    return request.topK == null ? null : request.topK.doubleValue();
  }

  @Override
  public String dataSourceId(RetrievalRequest request) {
    return request.dataSourceId();
  }

  @Override
  public String dbSystemName(RetrievalRequest request) {
    return request.connection.dbSystemName;
  }

  @Override
  public String dbNamespace(RetrievalRequest request) {
    return request.connection.namespace;
  }

  @Override
  public String dbCollectionName(RetrievalRequest request) {
    return request.vectorSql.table();
  }

  @Override
  public String similarityMetric(RetrievalRequest request) {
    return request.vectorSql.similarityMetric();
  }

  @Override
  public Attributes additionalAttributes(RetrievalRequest request) {
    return request.storeAttributes();
  }

  @Override
  public Long returnedRows(RetrievalResult result) {
    return result.rows;
  }

  @Override
  public Double bestScore(RetrievalResult result) {
    return result.bestScore;
  }

  @Override
  public double[] retrievalScores(RetrievalResult result) {
    return result.scores;
  }

  @Override
  @Nullable
  public List<RetrievedDocument> retrievalDocuments(RetrievalResult result) {
    return result.documents;
  }
}

package dev.genaiagent.instrumentation.langchain4j.rag;

import dev.genaiagent.telemetry.GenAiAttributes;
import dev.genaiagent.telemetry.GenAiAttributesGetter;
import dev.genaiagent.telemetry.GenAiOperation;
import dev.genaiagent.telemetry.content.RetrievedDocument;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.List;

/**
 * A LangChain4j store search or retriever call as a GenAI retrieval. A store search inside a retriever is
 * a layer of the retriever's call (one span): the retriever names the data source, the store adds what
 * only its request knows (top k, min score, the query text in 1.10+) and what it found.
 */
final class RetrievalAttributesGetter implements GenAiAttributesGetter<RetrievalInvocation, RetrievalResult> {
  /**
   * Extension, Spring AI's name (the conventions have none): the minimum relevance score a document
   * needs to be returned, LangChain4j's {@code minScore}. Belongs beside the other vector keys in the core.
   */
  static final AttributeKey<Double> DB_VECTOR_QUERY_SIMILARITY_THRESHOLD =
      AttributeKey.doubleKey("db.vector.query.similarity_threshold");

  @Override
  public GenAiOperation operation(RetrievalInvocation r) {
    return GenAiOperation.RETRIEVAL;
  }

  @Override
  public String providerName(RetrievalInvocation r) {
    return r.provider;
  }

  @Override
  public String dataSourceId(RetrievalInvocation r) {
    return r.dataSourceId;
  }

  @Override
  public boolean inProcess(RetrievalInvocation r) {
    return r.store != null && r.store.inProcess;
  }

  @Override
  public String serverAddress(RetrievalInvocation r) {
    return r.store == null ? null : r.store.host;
  }

  @Override
  public Integer serverPort(RetrievalInvocation r) {
    return r.store == null ? null : r.store.port;
  }

  @Override
  public String dbSystemName(RetrievalInvocation r) {
    return r.store == null ? null : r.store.dbSystem;
  }

  @Override
  public String dbNamespace(RetrievalInvocation r) {
    return r.store == null ? null : r.store.namespace;
  }

  @Override
  public String dbCollectionName(RetrievalInvocation r) {
    return r.store == null ? null : r.store.collection;
  }

  @Override
  public String similarityMetric(RetrievalInvocation r) {
    return r.store == null ? null : r.store.similarityMetric;
  }

  @Override
  public Double topK(RetrievalInvocation r) {
    return r.topK == null ? null : r.topK.doubleValue();
  }

  @Override
  public Attributes additionalAttributes(RetrievalInvocation r) {
    if (r.topK == null && r.minScore == null) {
      return null;
    }
    AttributesBuilder b = Attributes.builder();
    if (r.topK != null) {
      b.put(GenAiAttributes.DB_VECTOR_QUERY_TOP_K, r.topK.longValue());
    }
    if (r.minScore != null) {
      b.put(DB_VECTOR_QUERY_SIMILARITY_THRESHOLD, r.minScore);
    }
    return b.build();
  }

  @Override
  public String retrievalQueryText(RetrievalInvocation r) {
    return r.queryText();
  }

  @Override
  public Long returnedRows(RetrievalResult r) {
    return r.rows;
  }

  @Override
  public Double bestScore(RetrievalResult r) {
    return r.bestScore;
  }

  @Override
  public double[] retrievalScores(RetrievalResult r) {
    return r.scores;
  }

  @Override
  public List<RetrievedDocument> retrievalDocuments(RetrievalResult r) {
    return r.documents();
  }
}

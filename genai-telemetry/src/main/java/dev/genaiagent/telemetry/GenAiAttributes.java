package dev.genaiagent.telemetry;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Every attribute key the agent emits, in one place. Names follow OpenTelemetry semantic conventions
 * v1.41.1 (latest experimental GenAI); keys marked "extension" are ours and documented as such in
 * docs/TELEMETRY.md.
 */
public final class GenAiAttributes {
  public static final AttributeKey<String> OPERATION_NAME = stringKey("gen_ai.operation.name");
  public static final AttributeKey<String> PROVIDER_NAME = stringKey("gen_ai.provider.name");
  public static final AttributeKey<String> REQUEST_MODEL = stringKey("gen_ai.request.model");
  public static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
  public static final AttributeKey<Long> SERVER_PORT = longKey("server.port");
  public static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");

  public static final AttributeKey<Long> REQUEST_MAX_TOKENS = longKey("gen_ai.request.max_tokens");
  public static final AttributeKey<Double> REQUEST_TEMPERATURE = doubleKey("gen_ai.request.temperature");
  public static final AttributeKey<Double> REQUEST_TOP_P = doubleKey("gen_ai.request.top_p");
  /** Inference top-k sampling, and the number of documents a retrieval asks for (a double in v1.41.1). */
  public static final AttributeKey<Double> REQUEST_TOP_K = doubleKey("gen_ai.request.top_k");
  public static final AttributeKey<List<String>> REQUEST_STOP_SEQUENCES =
      stringArrayKey("gen_ai.request.stop_sequences");
  public static final AttributeKey<Double> REQUEST_FREQUENCY_PENALTY =
      doubleKey("gen_ai.request.frequency_penalty");
  public static final AttributeKey<Double> REQUEST_PRESENCE_PENALTY =
      doubleKey("gen_ai.request.presence_penalty");
  public static final AttributeKey<Long> REQUEST_SEED = longKey("gen_ai.request.seed");
  public static final AttributeKey<Long> REQUEST_CHOICE_COUNT = longKey("gen_ai.request.choice.count");
  public static final AttributeKey<Boolean> REQUEST_STREAM = booleanKey("gen_ai.request.stream");
  public static final AttributeKey<List<String>> REQUEST_ENCODING_FORMATS =
      stringArrayKey("gen_ai.request.encoding_formats");
  public static final AttributeKey<String> OUTPUT_TYPE = stringKey("gen_ai.output.type");
  public static final AttributeKey<String> CONVERSATION_ID = stringKey("gen_ai.conversation.id");

  public static final AttributeKey<String> RESPONSE_ID = stringKey("gen_ai.response.id");
  public static final AttributeKey<String> RESPONSE_MODEL = stringKey("gen_ai.response.model");
  public static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS =
      stringArrayKey("gen_ai.response.finish_reasons");
  public static final AttributeKey<Double> RESPONSE_TIME_TO_FIRST_CHUNK =
      doubleKey("gen_ai.response.time_to_first_chunk");

  public static final AttributeKey<Long> USAGE_INPUT_TOKENS = longKey("gen_ai.usage.input_tokens");
  public static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = longKey("gen_ai.usage.output_tokens");
  public static final AttributeKey<Long> USAGE_CACHE_READ_INPUT_TOKENS =
      longKey("gen_ai.usage.cache_read.input_tokens");
  public static final AttributeKey<Long> USAGE_CACHE_CREATION_INPUT_TOKENS =
      longKey("gen_ai.usage.cache_creation.input_tokens");
  public static final AttributeKey<Long> USAGE_REASONING_OUTPUT_TOKENS =
      longKey("gen_ai.usage.reasoning.output_tokens");

  public static final AttributeKey<Long> EMBEDDINGS_DIMENSION_COUNT =
      longKey("gen_ai.embeddings.dimension.count");

  public static final AttributeKey<String> OPENAI_REQUEST_SERVICE_TIER =
      stringKey("openai.request.service_tier");
  public static final AttributeKey<String> OPENAI_RESPONSE_SERVICE_TIER =
      stringKey("openai.response.service_tier");
  public static final AttributeKey<String> OPENAI_RESPONSE_SYSTEM_FINGERPRINT =
      stringKey("openai.response.system_fingerprint");

  public static final AttributeKey<String> TOOL_NAME = stringKey("gen_ai.tool.name");
  public static final AttributeKey<String> TOOL_CALL_ID = stringKey("gen_ai.tool.call.id");
  public static final AttributeKey<String> TOOL_DESCRIPTION = stringKey("gen_ai.tool.description");
  public static final AttributeKey<String> TOOL_TYPE = stringKey("gen_ai.tool.type");

  public static final AttributeKey<String> AGENT_ID = stringKey("gen_ai.agent.id");
  public static final AttributeKey<String> AGENT_NAME = stringKey("gen_ai.agent.name");
  public static final AttributeKey<String> AGENT_DESCRIPTION = stringKey("gen_ai.agent.description");

  public static final AttributeKey<String> DATA_SOURCE_ID = stringKey("gen_ai.data_source.id");
  public static final AttributeKey<String> DB_SYSTEM_NAME = stringKey("db.system.name");
  public static final AttributeKey<String> DB_NAMESPACE = stringKey("db.namespace");
  public static final AttributeKey<String> DB_COLLECTION_NAME = stringKey("db.collection.name");
  public static final AttributeKey<String> DB_OPERATION_NAME = stringKey("db.operation.name");
  public static final AttributeKey<String> DB_QUERY_SUMMARY = stringKey("db.query.summary");
  /** Sanitized as upstream's database instrumentations sanitize it (literals replaced by {@code ?}). */
  public static final AttributeKey<String> DB_QUERY_TEXT = stringKey("db.query.text");
  /** Extension (as Spring AI and OpenLIT name it): cosine, l2, inner_product, l1, hamming, jaccard. */
  public static final AttributeKey<String> DB_SEARCH_SIMILARITY_METRIC =
      stringKey("db.search.similarity_metric");
  /** Extension: rows or documents a retrieval returned. */
  public static final AttributeKey<Long> DB_RESPONSE_RETURNED_ROWS =
      longKey("db.response.returned_rows");
  /** Extension (Spring AI's name): the number of nearest neighbours a vector search asks for. */
  public static final AttributeKey<Long> DB_VECTOR_QUERY_TOP_K = longKey("db.vector.query.top_k");
  /** Extension: true for an exact (full scan) vector search, false for an approximate (index) one. */
  public static final AttributeKey<Boolean> DB_VECTOR_QUERY_EXACT = booleanKey("db.vector.query.exact");
  /**
   * Extension: the best score among the documents a retrieval returned (the smallest distance, or the
   * largest similarity), in the store's own scale.
   */
  public static final AttributeKey<Double> RETRIEVAL_BEST_SCORE = doubleKey("gen_ai.retrieval.best_score");

  /** The prompt template's name and version, when the framework knows them. */
  public static final AttributeKey<String> PROMPT_NAME = stringKey("gen_ai.prompt.name");
  public static final AttributeKey<String> PROMPT_VERSION = stringKey("gen_ai.prompt.version");
  /** Extension: a stable short hash of the system instructions, recorded without content capture. */
  public static final AttributeKey<String> SYSTEM_INSTRUCTIONS_HASH = stringKey("gen_ai.system_instructions.hash");
  /** Extension (read by Langfuse and OpenLIT): the call's cost in USD from the pricing table. */
  public static final AttributeKey<Double> USAGE_COST = doubleKey("gen_ai.usage.cost");

  // Opt-in content, JSON strings per the v1.41.1 schemas.
  public static final AttributeKey<String> SYSTEM_INSTRUCTIONS = stringKey("gen_ai.system_instructions");
  public static final AttributeKey<String> INPUT_MESSAGES = stringKey("gen_ai.input.messages");
  public static final AttributeKey<String> OUTPUT_MESSAGES = stringKey("gen_ai.output.messages");
  public static final AttributeKey<String> TOOL_DEFINITIONS = stringKey("gen_ai.tool.definitions");
  public static final AttributeKey<String> TOOL_CALL_ARGUMENTS = stringKey("gen_ai.tool.call.arguments");
  public static final AttributeKey<String> TOOL_CALL_RESULT = stringKey("gen_ai.tool.call.result");
  public static final AttributeKey<String> RETRIEVAL_QUERY_TEXT = stringKey("gen_ai.retrieval.query.text");
  public static final AttributeKey<String> RETRIEVAL_DOCUMENTS = stringKey("gen_ai.retrieval.documents");
  /** Extension: the values a prompt template was filled with, a JSON object by variable name. */
  public static final AttributeKey<String> PROMPT_VARIABLES = stringKey("gen_ai.prompt.variables");

  // Metric-only attribute.
  public static final AttributeKey<String> TOKEN_TYPE = stringKey("gen_ai.token.type");

  private GenAiAttributes() {}
}

package dev.genaiagent.testing.openai;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the server answers to one request: a fluent builder, snapshotted when handed to
 * {@link OpenAiTestServer#enqueue} or {@link OpenAiTestServer#setDefault}, so it may be reused or changed
 * afterwards without affecting what was queued.
 *
 * <p>Three kinds: an answer for one {@link Api} ({@link #chat()}, {@link #responses()}, {@link #embeddings()},
 * {@link #completion()}, Anthropic's {@link #anthropic()}), an {@link #error} with the provider's error body, or
 * a {@link #fault}. Any option not set falls back to what the default answer would do: echo the last user
 * input, usage estimated from text length (about 4 characters a token), the request's model.
 *
 * <p>Errors are rendered by the protocol of the path they answer: {@link #rateLimited()} on {@code /v1/messages}
 * becomes Anthropic's {@code {"type":"error","error":{"type":"rate_limit_error",...}}} (the type follows from
 * the status when it is not one of Anthropic's). The {@code anthropic*} factories carry Anthropic's own statuses
 * (529), types, messages and headers.
 *
 * <h2>Timing of streams</h2>
 * Response headers go out at once. {@link #firstChunkDelay} after the request was read, the opening events
 * (chat role chunk, Responses {@code response.created} ...) and the first text/arguments piece are written;
 * every further piece follows {@link #interChunkDelay} after the previous one. Framing events (the finish
 * chunk, the usage chunk, Responses {@code *.done} and {@code response.completed}, {@code [DONE]}, Anthropic's
 * {@code content_block_stop}, {@code message_delta} and {@code message_stop}) follow the previous event
 * immediately. So piece {@code k} (1-based) leaves at {@code first + (k - 1) * inter}, for
 * every endpoint. Non-streaming answers (and errors) are sent {@link #firstChunkDelay} after the request.
 */
public final class Script {

  // Package-private fields: the endpoints in this package read them directly; everything else goes through
  // the fluent methods.
  Api api;
  int times = 1;

  String content;
  List<String> pieces;
  int chunkSize;
  List<ToolCall> toolCalls = new ArrayList<>();
  String finishReason;
  String stopSequence;
  Integer promptTokens;
  Integer completionTokens;
  int cachedTokens;
  Integer cacheWriteTokens;
  int reasoningTokens;
  boolean omitUsage;
  boolean deltaUsageOutputOnly;
  String model;
  String id;
  String serviceTier = "default";
  String systemFingerprint = "fp_genai_test";

  Integer dimensions;

  Duration firstChunkDelay = Duration.ZERO;
  Duration interChunkDelay = Duration.ZERO;

  Fault fault;

  int errorStatus;
  String errorType;
  String errorCode;
  String errorMessage;
  String errorParam;

  /** Anthropic's in-stream {@code event: error}: after how many events, or {@code null} for none. */
  Integer streamErrorAfterEvents;
  String streamErrorType;
  String streamErrorMessage;

  Map<String, String> headers = new LinkedHashMap<>();

  private Script(Api api) {
    this.api = api;
  }

  private Script(Script other) {
    api = other.api;
    times = other.times;
    content = other.content;
    pieces = other.pieces == null ? null : List.copyOf(other.pieces);
    chunkSize = other.chunkSize;
    toolCalls = new ArrayList<>(other.toolCalls);
    finishReason = other.finishReason;
    stopSequence = other.stopSequence;
    promptTokens = other.promptTokens;
    completionTokens = other.completionTokens;
    cachedTokens = other.cachedTokens;
    cacheWriteTokens = other.cacheWriteTokens;
    reasoningTokens = other.reasoningTokens;
    omitUsage = other.omitUsage;
    deltaUsageOutputOnly = other.deltaUsageOutputOnly;
    model = other.model;
    id = other.id;
    serviceTier = other.serviceTier;
    systemFingerprint = other.systemFingerprint;
    dimensions = other.dimensions;
    firstChunkDelay = other.firstChunkDelay;
    interChunkDelay = other.interChunkDelay;
    fault = other.fault;
    errorStatus = other.errorStatus;
    errorType = other.errorType;
    errorCode = other.errorCode;
    errorMessage = other.errorMessage;
    errorParam = other.errorParam;
    streamErrorAfterEvents = other.streamErrorAfterEvents;
    streamErrorType = other.streamErrorType;
    streamErrorMessage = other.streamErrorMessage;
    headers = new LinkedHashMap<>(other.headers);
  }

  Script copy() {
    return new Script(this);
  }

  // ---------------------------------------------------------------- kinds

  /** An answer to {@code POST /chat/completions} (plain or streamed, as the request asks). */
  public static Script chat() {
    return new Script(Api.CHAT_COMPLETIONS);
  }

  /** An answer to {@code POST /responses}. */
  public static Script responses() {
    return new Script(Api.RESPONSES);
  }

  /** An answer to {@code POST /embeddings}. */
  public static Script embeddings() {
    return new Script(Api.EMBEDDINGS);
  }

  /** An answer to the legacy {@code POST /completions}. */
  public static Script completion() {
    return new Script(Api.COMPLETIONS);
  }

  /**
   * An answer to Anthropic's {@code POST /v1/messages}: a {@code message} object, or with {@code "stream": true}
   * its SSE events from {@code message_start} to {@code message_stop}. Text goes in one {@code text} block,
   * each {@link #toolUse} in a {@code tool_use} block after it.
   *
   * <pre>{@code
   * Script.anthropic().content("Let me check.").toolUse("get_weather", "{\"city\":\"Paris\"}")
   *     .usage(120, 35).cacheRead(1000)
   * }</pre>
   */
  public static Script anthropic() {
    return new Script(Api.ANTHROPIC_MESSAGES);
  }

  /** The default answer for an operation, as used when nothing is queued. */
  public static Script defaultFor(Api api) {
    return new Script(Objects.requireNonNull(api, "api"));
  }

  /**
   * An error answer with OpenAI's body {@code {"error":{"message","type","param","code"}}} (on Anthropic's path,
   * Anthropic's body with the same status and message). Matches any operation unless narrowed with {@link
   * #on(Api)}.
   *
   * @param type OpenAI's {@code type}, e.g. {@code invalid_request_error}, or {@code requests}/{@code tokens}
   *     for rate limits; {@code null}: each protocol's type for the status
   */
  public static Script error(int status, String code, String message, String type) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("error status must be 4xx or 5xx: " + status);
    }
    Script s = new Script((Api) null);
    s.errorStatus = status;
    s.errorCode = code;
    s.errorMessage = Objects.requireNonNull(message, "message");
    // Left null when not given, so each protocol derives its own type from the status.
    s.errorType = type;
    return s;
  }

  /** An error whose {@code type} follows from the status (see {@link #error(int, String, String, String)}). */
  public static Script error(int status, String code, String message) {
    return error(status, code, message, null);
  }

  /** 400 {@code invalid_request_error} naming the offending parameter. */
  public static Script badRequest(String message, String param) {
    return error(400, null, message, "invalid_request_error").param(param);
  }

  /** 401 as OpenAI sends it for a wrong key. */
  public static Script invalidApiKey() {
    return error(401, "invalid_api_key",
        "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.",
        "invalid_request_error");
  }

  /** 404 as OpenAI sends it for an unknown model. */
  public static Script modelNotFound(String model) {
    return error(404, "model_not_found",
        "The model `" + model + "` does not exist or you do not have access to it.", "invalid_request_error");
  }

  /** 429 request-rate limit ({@code type: requests}). */
  public static Script rateLimited() {
    return error(429, "rate_limit_exceeded",
        "Rate limit reached on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.",
        "requests");
  }

  /** 429 out of quota, which OpenAI distinguishes from a rate limit only by code and type. */
  public static Script insufficientQuota() {
    return error(429, "insufficient_quota",
        "You exceeded your current quota, please check your plan and billing details.", "insufficient_quota");
  }

  /** 500 {@code server_error}. */
  public static Script serverError() {
    return error(500, null, "The server had an error while processing your request. Sorry about that!",
        "server_error");
  }

  /** 503, as sent when the model is overloaded. */
  public static Script overloaded() {
    return error(503, null, "The engine is currently overloaded, please try again later.", "server_error");
  }

  /**
   * An error with Anthropic's body {@code {"type":"error","error":{"type","message"},"request_id"}}. Matches any
   * operation unless narrowed with {@link #on(Api)} (an OpenAI endpoint renders it in OpenAI's shape).
   *
   * @param type Anthropic's {@code error.type}, e.g. {@code invalid_request_error}; {@code null}: the type
   *     Anthropic documents for the status ({@code 529 overloaded_error}, {@code 500 api_error} ...)
   */
  public static Script anthropicError(int status, String type, String message) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("error status must be 4xx or 5xx: " + status);
    }
    Script s = new Script((Api) null);
    s.errorStatus = status;
    s.errorMessage = Objects.requireNonNull(message, "message");
    s.errorType = type != null ? type : AnthropicProtocol.errorType(status);
    return s;
  }

  /** 400 {@code invalid_request_error}, e.g. {@code "max_tokens: Field required"}. */
  public static Script anthropicBadRequest(String message) {
    return anthropicError(400, "invalid_request_error", message);
  }

  /** 401 {@code authentication_error} as Anthropic sends it for a wrong or missing {@code x-api-key}. */
  public static Script anthropicInvalidApiKey() {
    return anthropicError(401, "authentication_error", "invalid x-api-key");
  }

  /** 404 {@code not_found_error} as Anthropic sends it for an unknown model. */
  public static Script anthropicModelNotFound(String model) {
    return anthropicError(404, "not_found_error", "model: " + model);
  }

  /**
   * 429 {@code rate_limit_error} with {@code retry-after: 1} (seconds; short, so clients that honour it keep
   * tests fast) and the {@code anthropic-ratelimit-requests-*} headers showing the limit exhausted. Override a
   * header with {@link #header}.
   */
  public static Script anthropicRateLimited() {
    return anthropicError(429, "rate_limit_error",
        "This request would exceed your organization's rate limit of 50 requests per minute. "
            + "Please try again later.")
        .header("retry-after", "1")
        .header("anthropic-ratelimit-requests-limit", "50")
        .header("anthropic-ratelimit-requests-remaining", "0")
        .header("anthropic-ratelimit-requests-reset",
            Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString());
  }

  /** 529 {@code overloaded_error}, Anthropic's "temporarily overloaded" (not a rate limit of the caller). */
  public static Script anthropicOverloaded() {
    return anthropicError(529, "overloaded_error", "Overloaded");
  }

  /** 500 {@code api_error}. */
  public static Script anthropicServerError() {
    return anthropicError(500, "api_error", "Internal server error");
  }

  /**
   * A transport fault. The mid-stream faults stream the default answer of the endpoint hit (chain answer
   * options to change it, e.g. {@code Script.chat().content("...").fault(Fault.resetMidStream(2))}).
   */
  public static Script fault(Fault fault) {
    Script s = new Script((Api) null);
    s.fault = Objects.requireNonNull(fault, "fault");
    return s;
  }

  // ---------------------------------------------------------------- matching

  /** Restricts this script to one operation (useful for errors and faults, which match any by default). */
  public Script on(Api api) {
    this.api = api;
    return this;
  }

  /** Answers the next {@code n} matching requests with this script (e.g. a fault that survives a retry). */
  public Script times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be >= 1");
    }
    this.times = n;
    return this;
  }

  // ---------------------------------------------------------------- answer content

  /** The assistant text; {@code null} (the default) echoes the request's last user input. */
  public Script content(String content) {
    this.content = content;
    return this;
  }

  /** Streams the content in pieces of this many characters (default: word by word, spaces leading). */
  public Script chunkSize(int chars) {
    if (chars < 1) {
      throw new IllegalArgumentException("chunkSize must be >= 1");
    }
    this.chunkSize = chars;
    this.pieces = null;
    return this;
  }

  /** Exact streamed pieces; the content becomes their concatenation. */
  public Script chunks(String... pieces) {
    this.pieces = List.of(pieces);
    this.content = String.join("", pieces);
    return this;
  }

  /** Adds a function call; with no {@link #content} the message content is {@code null}. */
  public Script toolCall(String id, String name, String argumentsJson) {
    toolCalls.add(new ToolCall(id, name, argumentsJson));
    return this;
  }

  /** Chat/completions {@code finish_reason}; default {@code tool_calls} when calling tools, else {@code stop}. */
  public Script finishReason(String finishReason) {
    this.finishReason = finishReason;
    return this;
  }

  /**
   * Adds an Anthropic {@code tool_use} block with a generated {@code toolu_…} id.
   *
   * @param inputJson the tool input, a JSON object: the message carries it parsed as {@code input}, the stream
   *     sends this text verbatim in {@code input_json_delta} pieces
   */
  public Script toolUse(String name, String inputJson) {
    return toolUse(Texts.newId("toolu_"), name, inputJson);
  }

  /** Adds an Anthropic {@code tool_use} block with this id (see {@link #toolUse(String, String)}). */
  public Script toolUse(String id, String name, String inputJson) {
    Object input;
    try {
      input = Json.parse(Objects.requireNonNull(inputJson, "inputJson"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tool_use input is not JSON: " + inputJson, e);
    }
    if (!(input instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("tool_use input must be a JSON object: " + inputJson);
    }
    toolCalls.add(new ToolCall(id, name, inputJson));
    return this;
  }

  /**
   * Anthropic's {@code stop_reason} ({@code end_turn}, {@code max_tokens}, {@code stop_sequence}, {@code
   * tool_use}, {@code pause_turn}, {@code refusal}); default {@code tool_use} with tool use blocks, else {@code
   * end_turn}. Same setting as {@link #finishReason}, named as Anthropic names it.
   */
  public Script stopReason(String stopReason) {
    return finishReason(stopReason);
  }

  /** Stops on a custom stop sequence: {@code stop_reason: stop_sequence} and {@code stop_sequence: <sequence>}. */
  public Script stopSequence(String sequence) {
    this.stopSequence = Objects.requireNonNull(sequence, "sequence");
    return finishReason("stop_sequence");
  }

  /**
   * Reported input and output tokens (total is their sum). Default: estimated from text length. For Anthropic
   * these are {@code input_tokens} and {@code output_tokens} as sent: Anthropic's {@code input_tokens} exclude
   * the cache reads and writes ({@link #cacheRead}, {@link #cacheCreation}), unlike OpenAI's prompt tokens.
   */
  public Script usage(int promptTokens, int completionTokens) {
    this.promptTokens = promptTokens;
    this.completionTokens = completionTokens;
    return this;
  }

  /** Cached input tokens ({@code prompt_tokens_details.cached_tokens} / {@code input_tokens_details}). */
  public Script cachedTokens(int n) {
    this.cachedTokens = n;
    return this;
  }

  /** Input tokens written to the prompt cache ({@code cache_write_tokens}). */
  public Script cacheWriteTokens(int n) {
    this.cacheWriteTokens = n;
    return this;
  }

  /** Anthropic's {@code cache_read_input_tokens} (same setting as {@link #cachedTokens}). */
  public Script cacheRead(int n) {
    return cachedTokens(n);
  }

  /**
   * Anthropic's {@code cache_creation_input_tokens} (same setting as {@link #cacheWriteTokens}), reported as
   * written to the 5-minute cache in {@code cache_creation}.
   */
  public Script cacheCreation(int n) {
    return cacheWriteTokens(n);
  }

  /** Reasoning tokens ({@code completion_tokens_details.reasoning_tokens} / {@code output_tokens_details}). */
  public Script reasoningTokens(int n) {
    this.reasoningTokens = n;
    return this;
  }

  /** Sends no {@code usage} at all (no usage chunk even if the request asked for one). */
  public Script withoutUsage() {
    this.omitUsage = true;
    return this;
  }

  /**
   * Anthropic streams only: {@code message_delta} reports {@code usage: {"output_tokens": M}} alone, as the
   * streaming guide's example and older API versions do, instead of the cumulative input, cache and output
   * counts of the API reference's {@code MessageDeltaUsage}. Clients must then take input tokens from {@code
   * message_start}.
   */
  public Script outputOnlyDeltaUsage() {
    this.deltaUsageOutputOnly = true;
    return this;
  }

  /** The response's {@code model} (e.g. a dated snapshot); default: the request's model. */
  public Script model(String responseModel) {
    this.model = responseModel;
    return this;
  }

  /** The response id ({@code chatcmpl-…}, {@code resp_…}, {@code cmpl-…}); default: generated. */
  public Script id(String id) {
    this.id = id;
    return this;
  }

  /**
   * {@code service_tier} in the response; {@code null} omits it. Default {@code default} for OpenAI, reported
   * as {@code standard} (Anthropic's name for it) in Anthropic's {@code usage}.
   */
  public Script serviceTier(String serviceTier) {
    this.serviceTier = serviceTier;
    return this;
  }

  /** {@code system_fingerprint} in chat/completions responses; {@code null} sends JSON null. */
  public Script systemFingerprint(String fingerprint) {
    this.systemFingerprint = fingerprint;
    return this;
  }

  /** Embedding length when the request sends no {@code dimensions}. Default 8. */
  public Script dimensions(int dimensions) {
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1");
    }
    this.dimensions = dimensions;
    return this;
  }

  // ---------------------------------------------------------------- timing, faults, headers

  /** Delay before the first SSE event and first piece, or before a non-streamed answer. */
  public Script firstChunkDelay(Duration delay) {
    this.firstChunkDelay = requireNonNegative(delay);
    return this;
  }

  /** Delay before each further SSE event carrying a text or arguments piece (after the first piece). */
  public Script interChunkDelay(Duration delay) {
    this.interChunkDelay = requireNonNegative(delay);
    return this;
  }

  /**
   * Anthropic's error inside a stream that already answered 200: after {@code afterEvents} events, sends
   * {@code event: error} with {@code {"type":"error","error":{"type","message"}}} and ends the stream (no {@code
   * message_stop}). Only for streamed answers; a non-streamed request gets the answer as usual.
   */
  public Script streamError(int afterEvents, String type, String message) {
    if (afterEvents < 0) {
      throw new IllegalArgumentException("afterEvents must be >= 0");
    }
    this.streamErrorAfterEvents = afterEvents;
    this.streamErrorType = Objects.requireNonNull(type, "type");
    this.streamErrorMessage = Objects.requireNonNull(message, "message");
    return this;
  }

  /** Adds a transport fault to this answer (see {@link Fault}). */
  public Script withFault(Fault fault) {
    this.fault = fault;
    return this;
  }

  /** The error's {@code param}. */
  public Script param(String param) {
    this.errorParam = param;
    return this;
  }

  /** An extra response header, e.g. {@code retry-after} or {@code x-ratelimit-remaining-requests}. */
  public Script header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  // ---------------------------------------------------------------- package helpers

  boolean isError() {
    return errorStatus != 0;
  }

  boolean matches(Api requested) {
    return api == null || api == requested;
  }

  static String defaultErrorType(int status) {
    if (status == 429) {
      return "requests";
    }
    return status >= 500 ? "server_error" : "invalid_request_error";
  }

  private static Duration requireNonNegative(Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException("delay must be >= 0");
    }
    return d;
  }

  @Override
  public String toString() {
    if (isError()) {
      return "Script.error(" + errorStatus + ", " + errorCode + ")";
    }
    if (fault != null && api == null) {
      return "Script.fault(" + fault + ")";
    }
    return "Script." + api + (content != null ? "(\"" + content + "\")" : "")
        + (toolCalls.isEmpty() ? "" : " tools=" + toolCalls)
        + (fault != null ? " fault=" + fault : "");
  }
}

package dev.genaiagent.instrumentation.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.responses.ResponseCreateParams;

/**
 * One Responses API request. Its attributes are read from the request's wire JSON: the Responses
 * params are deep unions whose Java shape changed across SDK versions, the wire format did not.
 */
final class ResponsesRequest {
  final JsonNode body;
  final OpenAiEndpoint endpoint;
  final boolean streaming;

  ResponsesRequest(ResponseCreateParams params, OpenAiEndpoint endpoint, boolean streaming) {
    this.body = OpenAiContent.toJson(params._body());
    this.endpoint = endpoint;
    this.streaming = streaming;
  }
}

package dev.genaiagent.instrumentation.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.responses.ResponseStreamEvent;
import dev.genaiagent.telemetry.GenAiCall;
import javax.annotation.Nullable;

/**
 * Times a Responses API stream's output deltas and keeps the final response from its closing event
 * ({@code response.completed}, {@code .incomplete} or {@code .failed}), which carries the usage.
 */
final class ResponsesStreamAccumulator implements OpenAiCall.StreamAccumulator<ResponseStreamEvent, JsonNode> {
  private final GenAiCall call;
  @Nullable private JsonNode finalResponse;

  ResponsesStreamAccumulator(GenAiCall call) {
    this.call = call;
  }

  @Override
  public void onElement(ResponseStreamEvent event) {
    if (event.isOutputTextDelta() || event.isFunctionCallArgumentsDelta() || event.isRefusalDelta()) {
      call.onChunk();
    } else if (event.isCompleted()) {
      finalResponse = OpenAiContent.toJson(event.asCompleted().response());
    } else if (event.isIncomplete()) {
      finalResponse = OpenAiContent.toJson(event.asIncomplete().response());
    } else if (event.isFailed()) {
      finalResponse = OpenAiContent.toJson(event.asFailed().response());
    }
  }

  @Override
  @Nullable
  public JsonNode result() {
    return finalResponse;
  }
}

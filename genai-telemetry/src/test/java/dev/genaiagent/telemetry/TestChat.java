package dev.genaiagent.telemetry;

import dev.genaiagent.telemetry.content.GenAiMessage;
import dev.genaiagent.telemetry.content.ToolDefinition;
import java.util.List;

/** A fake library: its request/response objects and the getter an instrumentation would write. */
final class TestChat {
  record Request(GenAiOperation operation, String provider, String model, String host, Integer port,
      boolean inProcess, String toolName, String agentName, String dataSource) {
    static Request chat(String model) {
      return new Request(GenAiOperation.CHAT, "openai", model, "api.example.test", 443, false, null, null, null);
    }
  }

  record Response(String id, String model, List<String> finishReasons, Long input, Long output) {}

  static class ProviderException extends RuntimeException {
    final String code;

    ProviderException(String code) {
      super("provider said " + code);
      this.code = code;
    }
  }

  static class Getter implements GenAiAttributesGetter<Request, Response> {
    int contentCalls;

    @Override
    public GenAiOperation operation(Request r) {
      return r.operation();
    }

    @Override
    public String providerName(Request r) {
      return r.provider();
    }

    @Override
    public String requestModel(Request r) {
      return r.model();
    }

    @Override
    public String serverAddress(Request r) {
      return r.host();
    }

    @Override
    public Integer serverPort(Request r) {
      return r.port();
    }

    @Override
    public boolean inProcess(Request r) {
      return r.inProcess();
    }

    @Override
    public String toolName(Request r) {
      return r.toolName();
    }

    @Override
    public String agentName(Request r) {
      return r.agentName();
    }

    @Override
    public String dataSourceId(Request r) {
      return r.dataSource();
    }

    @Override
    public Double temperature(Request r) {
      return r.operation().isInference() ? 0.2 : null;
    }

    @Override
    public Long maxTokens(Request r) {
      return r.operation().isInference() ? 100L : null;
    }

    @Override
    public String responseId(Response r) {
      return r.id();
    }

    @Override
    public String responseModel(Response r) {
      return r.model();
    }

    @Override
    public List<String> finishReasons(Response r) {
      return r.finishReasons();
    }

    @Override
    public Long inputTokens(Response r) {
      return r.input();
    }

    @Override
    public Long outputTokens(Response r) {
      return r.output();
    }

    @Override
    public String errorType(Throwable error) {
      return error instanceof ProviderException ? ((ProviderException) error).code : null;
    }

    @Override
    public List<GenAiMessage> inputMessages(Request r) {
      contentCalls++;
      return List.of(GenAiMessage.input("user", List.of(GenAiMessage.Part.text("What is the weather in Paris?"))));
    }

    @Override
    public List<GenAiMessage.Part> systemInstructions(Request r) {
      // Also read without content capture, for the prompt fingerprint: not counted as content.
      return List.of(GenAiMessage.Part.text("You are terse."));
    }

    @Override
    public List<ToolDefinition> toolDefinitions(Request r) {
      contentCalls++;
      return List.of(ToolDefinition.function("get_weather", "Weather by city",
          "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"));
    }

    @Override
    public List<GenAiMessage> outputMessages(Response r) {
      contentCalls++;
      return List.of(GenAiMessage.output("assistant",
          List.of(GenAiMessage.Part.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")), "tool_call"));
    }
  }

  private TestChat() {}
}

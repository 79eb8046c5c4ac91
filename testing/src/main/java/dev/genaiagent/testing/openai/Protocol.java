package dev.genaiagent.testing.openai;

/**
 * A provider's wire protocol: which paths it serves, where it takes the API key from and how it shapes error
 * bodies. The server asks each protocol in turn to route a request; the first that knows the path answers it
 * (an unknown path gets the first protocol's, OpenAI's, 404).
 *
 * <p>Two exist: {@link OpenAiProtocol} and {@link AnthropicProtocol}. Another provider adds an implementation
 * and its own {@link Api} constants, without touching the HTTP layer.
 */
interface Protocol {

  /** The endpoint for this method and path (query string removed), or {@code null} if not this protocol's. */
  Endpoint route(String method, String path);

  /** The protocol's error response for an error {@link Script}. */
  Reply error(Script error);

  /** The API key the request presents, in this protocol's header, or {@code null}. */
  String apiKey(RecordedRequest request);

  /** The error this protocol answers to a wrong or missing key. */
  Script invalidApiKey();
}

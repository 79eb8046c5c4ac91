package dev.genaiagent.testing.openai;

/** One operation of a protocol: turns a request and the script chosen for it into a {@link Reply}. */
interface Endpoint {

  Api api();

  /**
   * @param script never {@code null}: the queued script, or the default for {@link #api()}; never an error
   * @throws InvalidRequest when the body lacks what the real API requires (answered as a 400)
   */
  Reply reply(RecordedRequest request, Script script);

  /** A 400 {@code invalid_request_error}, as the provider would send for a malformed body. */
  final class InvalidRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String param;
    final String code;

    InvalidRequest(String message, String param, String code) {
      super(message);
      this.param = param;
      this.code = code;
    }
  }
}

/**
 * An OpenAI- and Anthropic-compatible test server ({@link dev.genaiagent.testing.openai.OpenAiTestServer}) for
 * module tests, the demo and benchmarks: no network, deterministic answers, scriptable errors, faults and timing.
 *
 * <p>Layout: {@code OpenAiTestServer} (lifecycle, script queue, recording, pacing and faults) over a
 * hand-written HTTP/1.1 layer ({@code HttpConnectionHandler}, {@code Exchange}, {@code SseWriter}); a
 * {@code Protocol} routes paths to {@code Endpoint}s, which turn a request and a {@link
 * dev.genaiagent.testing.openai.Script} into a {@code Reply} (a JSON body or a list of SSE events) without
 * touching the socket. Each provider is a {@code Protocol} ({@code OpenAiProtocol}, {@code AnthropicProtocol}).
 * The package keeps its historical name although it serves both providers.
 */
package dev.genaiagent.testing.openai;

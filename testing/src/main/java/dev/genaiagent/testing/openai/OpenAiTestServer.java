package dev.genaiagent.testing.openai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI- and Anthropic-compatible HTTP server for tests, the demo and benchmarks, on 127.0.0.1 and an
 * ephemeral port.
 *
 * <p>It speaks OpenAI's documented wire format (what openai-java and LangChain4j parse) for
 * {@code POST /v1/chat/completions}, {@code /v1/responses}, {@code /v1/embeddings} and {@code /v1/completions},
 * and Anthropic's Messages API for {@code POST /v1/messages} (see {@link Script#anthropic()}); the {@code /v1}
 * prefix is optional, answers are streamed or not as the request asks. Each request is answered by the first
 * queued {@link Script} for its operation; with none queued, by the default answer (echo of the input,
 * estimated usage), so unscripted clients just work.
 *
 * <pre>{@code
 * try (OpenAiTestServer server = OpenAiTestServer.start()) {
 *   server.enqueue(Script.chat().content("Hello there").usage(12, 5));
 *   OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("sk-test").build();
 *   ...
 *   RecordedRequest request = server.takeRequest();
 * }
 * }</pre>
 *
 * <p>All methods are thread-safe. Connections are served by daemon threads, one per open connection
 * (keep-alive is supported), so a server a test forgets to close does not keep the JVM alive.
 *
 * <p>Run standalone: {@code java -cp testing.jar dev.genaiagent.testing.openai.OpenAiTestServer [port]}
 * prints the base URL on the first line of stdout and serves until killed.
 */
public final class OpenAiTestServer implements AutoCloseable {

  private static final Duration TAKE_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_CONNECTIONS = 256;

  private final ServerSocket serverSocket;
  private final ThreadPoolExecutor connections;
  private final Thread acceptor;
  private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
  private final List<Protocol> protocols = List.of(new OpenAiProtocol(), new AnthropicProtocol());

  private final Object lock = new Object();
  private final Deque<Queued> queue = new ArrayDeque<>();
  private final Map<Api, Script> defaults = new EnumMap<>(Api.class);
  private final List<RecordedRequest> received = new ArrayList<>();
  private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();
  private volatile String requiredApiKey;
  private volatile boolean closed;

  private OpenAiTestServer(ServerSocket serverSocket) {
    this.serverSocket = serverSocket;
    int port = serverSocket.getLocalPort();
    AtomicInteger threadCount = new AtomicInteger();
    // Threads are created per connection and die after 30 s idle: a keep-alive connection holds its thread,
    // so a fixed small pool would starve clients that pool several connections.
    this.connections = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "openai-test-server-" + port + "-conn-" + threadCount.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    this.acceptor = new Thread(this::acceptLoop, "openai-test-server-" + port + "-accept");
    this.acceptor.setDaemon(true);
  }

  /** Starts a server on 127.0.0.1 and an ephemeral port. */
  public static OpenAiTestServer start() {
    return start(0);
  }

  /** Starts a server on 127.0.0.1 and the given port (0: ephemeral). */
  public static OpenAiTestServer start(int port) {
    ServerSocket socket;
    try {
      socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 128);
    } catch (IOException e) {
      throw new UncheckedIOException("could not bind the OpenAI test server to 127.0.0.1:" + port, e);
    }
    OpenAiTestServer server = new OpenAiTestServer(socket);
    server.acceptor.start();
    return server;
  }

  // ---------------------------------------------------------------- addresses

  /** {@code http://127.0.0.1:PORT/v1}: the base URL OpenAI clients expect. */
  public String baseUrl() {
    return rootUrl() + "/v1";
  }

  /**
   * {@code http://127.0.0.1:PORT/v1/}: the base URL LangChain4j's Anthropic models expect (they append {@code
   * messages}). The official Anthropic SDKs take {@link #rootUrl()} and add {@code /v1/messages} themselves.
   */
  public String anthropicBaseUrl() {
    return rootUrl() + "/v1/";
  }

  /** {@code http://127.0.0.1:PORT}, for clients that add {@code /v1} themselves. */
  public String rootUrl() {
    return "http://127.0.0.1:" + port();
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  // ---------------------------------------------------------------- scripting

  /**
   * Queues answers. Each request takes the first queued script that matches its operation (scripts made by
   * {@link Script#chat()} etc. match one operation; errors and faults match any), so scripts for different
   * operations may be interleaved in call order. The scripts are copied: later changes do not apply.
   */
  public OpenAiTestServer enqueue(Script... scripts) {
    synchronized (lock) {
      for (Script script : scripts) {
        Script copy = script.copy();
        queue.add(new Queued(copy, copy.times));
      }
    }
    return this;
  }

  /**
   * Replaces the answer used when nothing is queued for the script's operation (e.g. a benchmark's fixed
   * reply with delays). Must be made by {@link Script#chat()}, {@link Script#responses()}, etc.
   */
  public OpenAiTestServer setDefault(Script script) {
    if (script.api == null) {
      throw new IllegalArgumentException("a default must be for one operation, e.g. Script.chat()...on(api)");
    }
    synchronized (lock) {
      defaults.put(script.api, script.copy());
    }
    return this;
  }

  /**
   * Answers requests not presenting this key with the provider's 401 (OpenAI's {@code invalid_api_key} for a
   * missing or wrong {@code Authorization: Bearer}, Anthropic's {@code authentication_error} for {@code
   * x-api-key}); {@code null}: any key.
   */
  public OpenAiTestServer requireApiKey(String apiKey) {
    this.requiredApiKey = apiKey;
    return this;
  }

  /** Scripts queued and not yet used. */
  public int pendingScripts() {
    synchronized (lock) {
      return queue.size();
    }
  }

  // ---------------------------------------------------------------- recorded requests

  /**
   * The oldest request not yet taken, waiting up to 10 s for one to arrive.
   *
   * @throws IllegalStateException if none arrives in time
   */
  public RecordedRequest takeRequest() {
    RecordedRequest request = takeRequest(TAKE_TIMEOUT);
    if (request == null) {
      throw new IllegalStateException("no request received within " + TAKE_TIMEOUT.toSeconds() + " s");
    }
    return request;
  }

  /** The oldest request not yet taken, or {@code null} if none arrives within the timeout. */
  public RecordedRequest takeRequest(Duration timeout) {
    try {
      return untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Every request received so far, in arrival order (taking does not remove them from this list). */
  public List<RecordedRequest> requests() {
    synchronized (lock) {
      return List.copyOf(received);
    }
  }

  public int requestCount() {
    synchronized (lock) {
      return received.size();
    }
  }

  /** Forgets queued scripts and received requests (defaults and the required key stay). */
  public void reset() {
    synchronized (lock) {
      queue.clear();
      received.clear();
      untaken.clear();
    }
  }

  /** Stops accepting, closes every connection (ending stalls) and stops the connection threads. */
  @Override
  public void close() {
    closed = true;
    try {
      serverSocket.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket socket : openSockets) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    connections.shutdownNow();
    try {
      acceptor.join(1000);
      connections.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "OpenAiTestServer{" + baseUrl() + "}";
  }

  // ---------------------------------------------------------------- serving

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue; // a failed accept must not stop the server
      }
      openSockets.add(socket);
      try {
        connections.execute(new HttpConnectionHandler(socket, this::dispatch, () -> openSockets.remove(socket)));
      } catch (RejectedExecutionException e) {
        openSockets.remove(socket);
        closeQuietly(socket);
      }
    }
  }

  private void dispatch(HttpConnectionHandler.RawRequest raw, Exchange exchange)
      throws IOException, InterruptedException {
    int q = raw.target().indexOf('?');
    String path = q < 0 ? raw.target() : raw.target().substring(0, q);
    Protocol protocol = protocols.get(0);
    Endpoint endpoint = null;
    for (Protocol p : protocols) {
      endpoint = p.route(raw.method(), path);
      if (endpoint != null) {
        protocol = p;
        break;
      }
    }
    RecordedRequest request = new RecordedRequest(raw.method(), raw.target(), raw.headers(), raw.body(),
        endpoint == null ? null : endpoint.api(), raw.receivedAtNanos());
    synchronized (lock) {
      received.add(request);
      untaken.add(request);
    }

    Script script;
    if (endpoint == null) {
      script = Script.error(404, null, "Invalid URL (" + raw.method() + " " + path + ")", "invalid_request_error");
    } else if (requiredApiKey != null && !requiredApiKey.equals(protocol.apiKey(request))) {
      script = protocol.invalidApiKey();
    } else {
      script = nextScript(endpoint.api());
    }
    respond(exchange, request, protocol, endpoint, script);
  }

  private Script nextScript(Api api) {
    synchronized (lock) {
      for (Iterator<Queued> it = queue.iterator(); it.hasNext(); ) {
        Queued queued = it.next();
        if (queued.script.matches(api)) {
          if (--queued.remaining == 0) {
            it.remove();
          }
          return queued.script;
        }
      }
      Script fallback = defaults.get(api);
      return fallback != null ? fallback : Script.defaultFor(api);
    }
  }

  private void respond(Exchange exchange, RecordedRequest request, Protocol protocol, Endpoint endpoint,
      Script script) throws IOException, InterruptedException {
    // Delays count from the moment the request was read, so time spent building the answer is not added.
    long firstAt = request.receivedAtNanos() + script.firstChunkDelay.toNanos();
    Fault fault = script.fault;
    if (fault != null && fault.beforeResponse()) {
      sleepUntil(firstAt);
      applyFault(exchange, fault);
      return;
    }

    Reply reply;
    if (script.isError()) {
      reply = protocol.error(script);
    } else {
      try {
        reply = endpoint.reply(request, script);
      } catch (Endpoint.InvalidRequest e) {
        reply = protocol.error(Script.error(400, e.code, e.getMessage(), "invalid_request_error").param(e.param));
      }
    }

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", reply.isStream() ? "text/event-stream; charset=utf-8" : "application/json");
    if (reply.isStream()) {
      headers.put("Cache-Control", "no-cache");
    }
    headers.put("x-request-id", Texts.newId("req_"));
    headers.putAll(reply.headers());
    headers.putAll(script.headers);

    if (!reply.isStream()) {
      byte[] body = Json.write(reply.json()).getBytes(StandardCharsets.UTF_8);
      sleepUntil(firstAt);
      if (fault != null) {
        exchange.sendTruncated(reply.status(), headers, body, body.length / 2);
        applyFault(exchange, fault);
      } else {
        exchange.sendFixed(reply.status(), headers, body);
      }
      return;
    }

    // Headers go out at once (the client's create call returns); pacing applies to the events.
    SseWriter sse = exchange.startStream(reply.status(), headers);
    List<SseEvent> events = reply.events();
    // The first content piece is the "first chunk" a client times: it goes out at firstAt together
    // with the opening events (role chunk, response.created); later pieces are interChunkDelay apart.
    boolean pieceSent = false;
    for (int i = 0; i < events.size(); i++) {
      SseEvent event = events.get(i);
      if (i == 0) {
        sleepUntil(firstAt);
      } else if (event.piece() && pieceSent) {
        sleep(script.interChunkDelay);
      }
      pieceSent |= event.piece();
      if (fault != null && i == fault.afterEvents()) {
        applyFault(exchange, fault);
        return;
      }
      sse.write(event);
    }
    if (fault != null) {
      applyFault(exchange, fault); // afterEvents >= the number of events: fault before the final chunk
      return;
    }
    sse.end();
  }

  private static void applyFault(Exchange exchange, Fault fault) throws IOException {
    if (fault.resets()) {
      exchange.reset();
    } else {
      exchange.stall();
    }
  }

  private static void sleepUntil(long deadlineNanos) throws InterruptedException {
    long remaining;
    while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(remaining);
    }
  }

  private static void sleep(Duration duration) throws InterruptedException {
    if (!duration.isZero()) {
      sleepUntil(System.nanoTime() + duration.toNanos());
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  /** A queued script and how many more requests it answers. */
  private static final class Queued {
    final Script script;
    int remaining;

    Queued(Script script, int remaining) {
      this.script = script;
      this.remaining = remaining;
    }
  }

  // ---------------------------------------------------------------- standalone

  /** Serves until killed; prints the base URL as the first line of stdout. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    OpenAiTestServer server = start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "openai-test-server-shutdown"));
    System.out.println(server.baseUrl());
    System.out.flush();
    System.err.println("OpenAI- and Anthropic-compatible test server listening on " + server.baseUrl()
        + " (chat/completions, responses, embeddings, completions, messages); Ctrl-C to stop");
    server.acceptor.join();
  }
}

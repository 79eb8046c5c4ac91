package dev.genaiagent.instrumentation.langchain4j.service;

import dev.genaiagent.instrumentation.langchain4j.Conversations;
import dev.genaiagent.instrumentation.langchain4j.LangChain4jTelemetry;
import dev.genaiagent.telemetry.GenAiCall;
import dev.genaiagent.telemetry.GenAiInstrumenter;
import dev.genaiagent.telemetry.StreamWatch;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.internal.cache.Cache;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * One AI-service method call: an {@code invoke_agent} span, current while LangChain4j runs the call, so
 * the model calls, retrievals and tools it makes are its children and report its {@code @MemoryId} as
 * {@code gen_ai.conversation.id}.
 *
 * <p><b>Streaming.</b> A {@code TokenStream} method returns before anything happened; the span stays
 * open until the stream completes or fails. The stream is found by LangChain4j's own classes: the
 * {@code AiServiceTokenStream} built during the call, then each {@code AiServiceStreamingResponseHandler}
 * (one per model round; a round with tool calls runs the tools and starts the next round from its
 * {@code onCompleteResponse}). The round that completes without starting another is the last one. Those
 * objects map to the call in a weak cache; the call never references them. A stream the application
 * never starts, or a model that drops the handler, is ended by {@link StreamWatch}.
 */
public final class LangChain4jService {
  static final GenAiInstrumenter<ServiceInvocation, Object> AGENT =
      LangChain4jTelemetry.TELEMETRY.instrumenter(new AgentAttributesGetter());
  private static final ContextKey<LangChain4jService> KEY = ContextKey.named("genai-langchain4j-service");
  /** The token stream and its response handlers, to the call they belong to. */
  private static final Cache<Object, LangChain4jService> STREAMS = Cache.weak();

  private final GenAiCall call;
  private final ServiceInvocation invocation;
  private final Context parent;
  /** The agent's context: its span, conversation and this call; set once, before the call is shared. */
  private Context context;
  @Nullable private Scope scope;
  /** Scope of {@code TokenStream.start()}, on the thread running it. */
  @Nullable private Scope startScope;

  // Stream state, guarded by this: the rounds of one stream may complete on different threads.
  private boolean invoking = true;
  private boolean streaming;
  private boolean started;
  private boolean ended;
  private int rounds;
  @Nullable private StreamWatch.Watch watch;

  private LangChain4jService(GenAiCall call, ServiceInvocation invocation, Context parent) {
    this.call = call;
    this.invocation = invocation;
    this.parent = parent;
  }

  /** At {@code DefaultAiServices$1.invoke(proxy, method, args)}; null when the call is no AI call. */
  @Nullable
  public static LangChain4jService start(Object handler, Object proxy, Method method, @Nullable Object[] args) {
    Class<?>[] interfaces = Proxy.isProxyClass(proxy.getClass()) ? proxy.getClass().getInterfaces() : null;
    if (interfaces == null || interfaces.length == 0) {
      return null;
    }
    Class<?> service = interfaces[0];
    ServiceMethod m = ServiceMethod.of(method, service, handler.getClass());
    if (!m.aiCall) {
      return null;
    }
    String conversationId = null;
    if (m.memoryIdIndex >= 0 && args != null && m.memoryIdIndex < args.length && args[m.memoryIdIndex] != null) {
      conversationId = String.valueOf(args[m.memoryIdIndex]);
    }
    ServiceModels models = ServiceModels.of(handler);
    ServiceInvocation invocation = new ServiceInvocation(service.getSimpleName(), m, conversationId,
        models.provider(m.streaming), models.model(m.streaming));
    if (LangChain4jTelemetry.TELEMETRY.content().isEnabled()) {
      invocation.variables = m.variables(args);
    }
    Context parent = Context.current();
    GenAiCall call = AGENT.start(parent, invocation);
    AGENT.captureRequestContent(call, invocation);
    // The model calls under the agent read the conversation from the context (the chat request has none).
    LangChain4jService s = new LangChain4jService(call, invocation, parent);
    s.context = Conversations.with(call.context(), conversationId).with(KEY, s);
    s.scope = s.context.makeCurrent();
    return s;
  }

  /** At the exit of {@code invoke}: ends the call, unless it returned a stream that goes on. */
  public void end(@Nullable Throwable error) {
    if (scope != null) {
      scope.close();
    }
    boolean goesOn;
    synchronized (this) {
      invoking = false;
      goesOn = streaming && error == null;
    }
    if (!goesOn) {
      endCall(error);
    }
  }

  /** The provider of the innermost AI service running in {@code context}, for its tools. */
  @Nullable
  public static String provider(Context context) {
    LangChain4jService s = context.get(KEY);
    return s == null ? null : s.invocation.provider;
  }

  // ---- streaming ----

  /** An {@code AiServiceTokenStream} was built: by the call running on this thread, if any. */
  public static void tokenStreamCreated(Object tokenStream) {
    LangChain4jService s = Context.current().get(KEY);
    if (s == null) {
      return;
    }
    synchronized (s) {
      if (!s.invoking || s.streaming) {
        return;
      }
      s.streaming = true;
      s.watch = s.watch(tokenStream);
    }
    STREAMS.put(tokenStream, s);
  }

  /**
   * {@code TokenStream.start()} begins: the first model round runs in the agent's context. Null when the
   * stream is not ours or already started (a second start is a second stream, outside this call).
   */
  @Nullable
  public static LangChain4jService startStream(Object tokenStream) {
    LangChain4jService s = STREAMS.get(tokenStream);
    if (s == null) {
      return null;
    }
    synchronized (s) {
      if (s.started || s.ended) {
        return null;
      }
      s.started = true;
    }
    s.startScope = s.context.makeCurrent();
    return s;
  }

  /**
   * The application's completion handler, replaced by one that ends the span first: the agent's
   * duration is LangChain4j's work, not the application's handling of the answer.
   */
  public Object completionHandler(@Nullable Object original) {
    return original instanceof Consumer ? new CompletionHandler(this, (Consumer<?>) original) : original;
  }

  /** {@code start()} returned (the stream goes on in callbacks) or threw (it never started). */
  public void endStart(@Nullable Throwable error) {
    if (startScope != null) {
      startScope.close();
      startScope = null;
    }
    if (error != null) {
      endCall(error);
    }
  }

  /** An {@code AiServiceStreamingResponseHandler} was built: the next model round of the current call. */
  public static void roundCreated(Object handler) {
    LangChain4jService s = Context.current().get(KEY);
    if (s == null) {
      return;
    }
    StreamWatch.Watch previous;
    synchronized (s) {
      if (!s.started || s.ended) {
        return;
      }
      s.rounds++;
      // The handler is what the model holds while streaming: watch it instead of the previous one.
      previous = s.watch;
      s.watch = s.watch(handler);
    }
    if (previous != null) {
      previous.done();
    }
    STREAMS.put(handler, s);
  }

  /** A round's {@code onCompleteResponse} begins: it runs the tools and the next round as the agent. */
  @Nullable
  public static Round roundCompleting(Object handler) {
    LangChain4jService s = STREAMS.get(handler);
    if (s == null) {
      return null;
    }
    int rounds;
    synchronized (s) {
      rounds = s.rounds;
    }
    return new Round(s, rounds, s.context.makeCurrent());
  }

  /** A round's {@code onError}: the stream failed (also with {@code ignoreErrors()}). */
  public static void roundFailed(Object handler, @Nullable Throwable error) {
    LangChain4jService s = STREAMS.get(handler);
    if (s != null) {
      s.endCall(error);
    }
  }

  /** The advice's side of one {@code onCompleteResponse}. */
  public static final class Round {
    private final LangChain4jService service;
    private final int roundsBefore;
    private final Scope scope;

    Round(LangChain4jService service, int roundsBefore, Scope scope) {
      this.service = service;
      this.roundsBefore = roundsBefore;
      this.scope = scope;
    }

    public void end(@Nullable Throwable error) {
      scope.close();
      boolean last;
      synchronized (service) {
        last = service.rounds == roundsBefore;
      }
      if (error != null || last) {
        service.endCall(error);
      }
    }
  }

  private StreamWatch.Watch watch(Object stream) {
    GenAiCall c = call;
    return StreamWatch.watch(stream, errorType -> {
      synchronized (this) {
        ended = true;
      }
      AGENT.fail(c, null, errorType);
    }, LangChain4jTelemetry.TELEMETRY.streamTimeoutNanos());
  }

  private void endCall(@Nullable Throwable error) {
    StreamWatch.Watch w;
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      w = watch;
      watch = null;
    }
    if (w != null) {
      w.done();
    }
    AGENT.end(call, invocation, null, error);
  }

  /** Ends the span, then hands the final response to the application, outside the finished agent. */
  private static final class CompletionHandler implements Consumer<Object> {
    private final LangChain4jService service;
    @SuppressWarnings("rawtypes")
    private final Consumer delegate;

    CompletionHandler(LangChain4jService service, Consumer<?> delegate) {
      this.service = service;
      this.delegate = delegate;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accept(Object response) {
      try {
        service.endCall(null);
      } catch (Throwable t) {
        // telemetry never reaches the application's handler
      }
      try (Scope ignored = service.parent.makeCurrent()) {
        delegate.accept(response);
      }
    }
  }
}

package dev.genaiagent.instrumentation.langchain4j.service;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTelemetry;
import dev.genaiagent.instrumentation.langchain4j.Reflection;
import dev.genaiagent.telemetry.GenAiCall;
import dev.genaiagent.telemetry.GenAiInstrumenter;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.lang.reflect.InvocationTargetException;
import javax.annotation.Nullable;

/**
 * One tool execution ({@code ToolExecutor.execute} or, 1.6+, {@code executeWithContext}): an
 * {@code execute_tool} span, current while the tool runs (an AI service called from a tool is its child).
 *
 * <p><b>One execution, one span.</b> {@code execute} and {@code executeWithContext} delegate to each
 * other in both directions (the interface default, {@code DefaultToolExecutor}): a call made directly
 * inside a tool's own span is the same execution. A per-thread depth would also swallow the tools of an
 * AI service called from a tool; the context tells them apart (that service's agent span is between).
 *
 * <p><b>Failures.</b> The service goes on as LangChain4j decides; the span says the tool failed, with
 * the tool's own exception as {@code error.type}: thrown wrapped in {@code ToolExecutionException} (1.4+),
 * turned into text by {@code DefaultToolExecutor} (1.0-1.3, and 1.6+ when not propagating: seen at its
 * private reflective {@code execute(Object[])}). A tool that reports an error rather than throwing one
 * has no exception to name: a result flagged {@code isError()} (1.6+), or a {@code ToolExecutionException}
 * made from a message alone (what MCP tools throw for a {@code CallToolResult} with {@code isError: true})
 * is {@code tool_error}, as the MCP conventions say; one made from a message and a code (an MCP JSON-RPC
 * error: {@code -32602} invalid params) is that code; a message-only {@code ToolArgumentsException}
 * (the tool never ran) is its class name. Their text is the tool's answer, content, so it is not recorded
 * as an exception event.
 */
public final class LangChain4jTool {
  static final GenAiInstrumenter<ToolInvocation, Object> TOOL =
      LangChain4jTelemetry.TELEMETRY.instrumenter(new ToolAttributesGetter());
  private static final ContextKey<LangChain4jTool> KEY = ContextKey.named("genai-langchain4j-tool");
  /** {@code error.type} of a tool that reported an error without an exception (MCP conventions' value). */
  static final String TOOL_ERROR = "tool_error";
  private static final String TOOL_EXECUTION_EXCEPTION = "dev.langchain4j.exception.ToolExecutionException";

  private final GenAiCall call;
  private final ToolInvocation invocation;
  @Nullable private Scope scope;
  @Nullable private volatile Throwable toolError;

  private LangChain4jTool(GenAiCall call, ToolInvocation invocation) {
    this.call = call;
    this.invocation = invocation;
  }

  @Nullable
  public static LangChain4jTool start(Object executor, @Nullable Object request) {
    Context parent = Context.current();
    LangChain4jTool outer = parent.get(KEY);
    if (outer != null && GenAiCall.current(parent) == outer.call) {
      return null; // execute <-> executeWithContext: the outer call has the span
    }
    if (!(request instanceof ToolExecutionRequest)) {
      return null; // LangChain4j's own error to throw
    }
    ToolExecutionRequest r = (ToolExecutionRequest) request;
    ToolInvocation invocation = new ToolInvocation(r.name(), r.id(), ToolDescriptions.of(executor, r.name()),
        r.arguments(), LangChain4jService.provider(parent));
    GenAiCall call = TOOL.start(parent, invocation);
    TOOL.captureRequestContent(call, invocation);
    LangChain4jTool tool = new LangChain4jTool(call, invocation);
    tool.scope = call.context().with(KEY, tool).makeCurrent();
    return tool;
  }

  /** {@code DefaultToolExecutor}'s reflective call of the tool method threw: the tool failed. */
  public static void toolMethodThrew(@Nullable Throwable thrown) {
    if (thrown instanceof InvocationTargetException && thrown.getCause() != null) {
      LangChain4jTool tool = Context.current().get(KEY);
      if (tool != null) {
        tool.toolError = thrown.getCause();
      }
    }
  }

  public void end(@Nullable Object result, @Nullable Throwable thrown) {
    if (scope != null) {
      scope.close();
    }
    if (thrown != null && isWrapper(thrown) && carriesOnlyAMessage(thrown)) {
      Object code = Reflection.call(thrown, "errorCode");
      TOOL.fail(call, null, code instanceof Integer ? code.toString()
          : thrown.getClass().getName().equals(TOOL_EXECUTION_EXCEPTION) ? TOOL_ERROR : thrown.getClass().getName());
      return;
    }
    Throwable error = thrown != null ? unwrap(thrown) : toolError;
    if (error == null && result != null && !(result instanceof String)
        && Boolean.TRUE.equals(Reflection.call(result, "isError"))) {
      TOOL.fail(call, result, TOOL_ERROR); // an executor's own error result, with no exception to name
      return;
    }
    TOOL.end(call, invocation, result, error);
  }

  /** LangChain4j's wrappers (1.4+) carry the tool's exception, which names the failure. */
  private static Throwable unwrap(Throwable thrown) {
    return isWrapper(thrown) && thrown.getCause() != null ? thrown.getCause() : thrown;
  }

  private static boolean isWrapper(Throwable thrown) {
    String type = thrown.getClass().getName();
    return type.equals(TOOL_EXECUTION_EXCEPTION) || type.equals("dev.langchain4j.exception.ToolArgumentsException");
  }

  /**
   * Made from a message, not from an exception: the wrappers' {@code (String[, Integer])} constructors
   * carry the text in a plain {@code RuntimeException} they create themselves (every 1.4+ version), which
   * names nothing. Told apart from a tool's own {@code RuntimeException} by where it was created; only
   * read on failure.
   */
  private static boolean carriesOnlyAMessage(Throwable wrapper) {
    Throwable cause = wrapper.getCause();
    if (cause == null) {
      return true;
    }
    if (cause.getClass() != RuntimeException.class || cause.getCause() != null) {
      return false;
    }
    StackTraceElement[] frames = cause.getStackTrace();
    return frames.length > 0 && frames[0].getClassName().equals(wrapper.getClass().getName())
        && frames[0].getMethodName().equals("<init>");
  }
}

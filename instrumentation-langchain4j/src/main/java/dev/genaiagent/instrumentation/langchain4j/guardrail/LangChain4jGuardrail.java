package dev.genaiagent.instrumentation.langchain4j.guardrail;

import static io.opentelemetry.api.common.AttributeKey.stringKey;

import dev.genaiagent.instrumentation.langchain4j.LangChain4jTelemetry;
import dev.genaiagent.telemetry.GenAiAttributes;
import dev.genaiagent.telemetry.content.ContentCapture;
import dev.genaiagent.telemetry.content.ContentField;
import dev.langchain4j.guardrail.Guardrail;
import dev.langchain4j.guardrail.GuardrailException;
import dev.langchain4j.guardrail.GuardrailResult;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * One guardrail validation of LangChain4j 1.1+ ({@code AbstractGuardrailExecutor.validate(request,
 * guardrail)}, once per guardrail, in order, again for each output retry or reprompt): an INTERNAL span
 * {@code guardrail {name}}, child of the current context (the AI service's {@code invoke_agent} span),
 * current while the guardrail runs so a guardrail that asks a model (LLM as a judge) parents that call.
 *
 * <p>Guardrails are not a GenAI operation of the telemetry contract: the span carries no
 * {@code gen_ai.operation.name} and records no {@code gen_ai.client.*} metric. Its attributes are
 * <b>extensions</b> of this agent, in LangChain4j's namespace:
 * <ul>
 *   <li>{@code langchain4j.guardrail.name}: the guardrail's {@code name()} (1.16.1+; its class's simple
 *       name by default), else its class's simple name;</li>
 *   <li>{@code langchain4j.guardrail.type}: {@code input} or {@code output};</li>
 *   <li>{@code langchain4j.guardrail.result}: the verdict, LangChain4j's {@code GuardrailResult.Result} in
 *       lower case: {@code success}, {@code success_with_result}, {@code failure}, {@code fatal};</li>
 *   <li>{@code langchain4j.guardrail.action}: {@code retry} or {@code reprompt} when an output guardrail
 *       asks for another model call (LangChain4j reports those verdicts as {@code fatal});</li>
 *   <li>{@code langchain4j.guardrail.failure.message}: the first failure's message, only with content
 *       capture on and through the content policies (redaction), as input or output message text: the
 *       message may quote what the user or the model said.</li>
 * </ul>
 *
 * <p><b>Status.</b> A failing or fatal verdict is the guardrail doing its job, not an error of the span:
 * the status stays UNSET (LangChain4j then throws from the service, and the {@code invoke_agent} span
 * records that). Only a guardrail that throws makes its span ERROR, with the exception recorded and
 * {@code error.type} = the class of the guardrail's own exception (LangChain4j wraps it into an
 * {@code Input/OutputGuardrailException}, which would say nothing about the cause).
 *
 * <p><b>Metric.</b> {@code langchain4j.guardrail.validations} (counter, {@code {validation}}), one per
 * validation, with name, type, and result or {@code error.type}: bounded by the application's guardrails.
 *
 * <p>Only the guardrail instrumentation calls this class, and only where LangChain4j has guardrails
 * (1.1.0+): its references to the guardrail API are never resolved on 1.0.x.
 */
public final class LangChain4jGuardrail {
  private static final Logger logger = Logger.getLogger(LangChain4jGuardrail.class.getName());

  public static final AttributeKey<String> NAME = stringKey("langchain4j.guardrail.name");
  public static final AttributeKey<String> TYPE = stringKey("langchain4j.guardrail.type");
  public static final AttributeKey<String> RESULT = stringKey("langchain4j.guardrail.result");
  public static final AttributeKey<String> ACTION = stringKey("langchain4j.guardrail.action");
  public static final AttributeKey<String> FAILURE_MESSAGE = stringKey("langchain4j.guardrail.failure.message");
  static final String METRIC = "langchain4j.guardrail.validations";

  private static final Tracer TRACER;
  private static final LongCounter VALIDATIONS;

  static {
    // The scope of every other LangChain4j span and metric: one instrumentation, one scope.
    TRACER = LangChain4jTelemetry.TELEMETRY.tracer();
    VALIDATIONS = LangChain4jTelemetry.TELEMETRY.meter()
        .counterBuilder(METRIC).setUnit("{validation}")
        .setDescription("Guardrail validations of LangChain4j AI services, by verdict")
        .build();
  }

  /** {@code Guardrail.name()} is 1.16.1+: on older releases the method is never linked. */
  private static final boolean HAS_NAME = hasNameMethod();

  private final Span span;
  private final Scope scope;
  private final String name;
  @Nullable private final String type;

  private LangChain4jGuardrail(Span span, Scope scope, String name, @Nullable String type) {
    this.span = span;
    this.scope = scope;
    this.name = name;
    this.type = type;
  }

  /** At {@code validate(request, guardrail)}; null when {@code guardrail} is none. */
  @Nullable
  public static LangChain4jGuardrail start(@Nullable Object guardrail) {
    if (!(guardrail instanceof Guardrail)) {
      return null;
    }
    String name = name((Guardrail<?, ?>) guardrail);
    String type = guardrail instanceof InputGuardrail ? "input" : guardrail instanceof OutputGuardrail ? "output" : null;
    Context parent = Context.current();
    SpanBuilder builder = TRACER.spanBuilder("guardrail " + name)
        .setSpanKind(SpanKind.INTERNAL)
        .setParent(parent)
        .setAttribute(NAME, name);
    if (type != null) {
      builder.setAttribute(TYPE, type);
    }
    Span span = builder.startSpan();
    return new LangChain4jGuardrail(span, parent.with(span).makeCurrent(), name, type);
  }

  /** At the exit of {@code validate}: the verdict, or what the guardrail threw. */
  public void end(@Nullable Object result, @Nullable Throwable error) {
    scope.close();
    AttributesBuilder metric = Attributes.builder().put(NAME, name);
    if (type != null) {
      metric.put(TYPE, type);
    }
    try {
      if (error != null) {
        String errorType = errorType(error);
        span.recordException(error);
        span.setAttribute(GenAiAttributes.ERROR_TYPE, errorType);
        span.setStatus(StatusCode.ERROR);
        metric.put(GenAiAttributes.ERROR_TYPE, errorType);
      } else if (result instanceof GuardrailResult) {
        String verdict = verdict((GuardrailResult<?>) result);
        span.setAttribute(RESULT, verdict);
        metric.put(RESULT, verdict);
      }
    } catch (Throwable t) {
      logger.log(Level.FINE, "guardrail telemetry failed; the guardrail is unaffected", t);
    } finally {
      span.end();
    }
    VALIDATIONS.add(1, metric.build());
  }

  private String verdict(GuardrailResult<?> result) {
    GuardrailResult.Result r = result.result();
    String verdict = r == null ? "_OTHER" : r.name().toLowerCase(Locale.ROOT);
    if (result.isSuccess()) {
      return verdict;
    }
    if (result instanceof OutputGuardrailResult) {
      OutputGuardrailResult output = (OutputGuardrailResult) result;
      if (output.isRetry()) {
        span.setAttribute(ACTION, output.isReprompt() ? "reprompt" : "retry");
      }
    }
    ContentCapture content = LangChain4jTelemetry.TELEMETRY.content();
    if (content.isEnabled()) {
      List<? extends GuardrailResult.Failure> failures = result.failures();
      GuardrailResult.Failure first = failures == null || failures.isEmpty() ? null : failures.get(0);
      String message = first == null ? null : content.text(
          "output".equals(type) ? ContentField.OUTPUT_MESSAGE : ContentField.INPUT_MESSAGE, first.message());
      if (message != null) {
        span.setAttribute(FAILURE_MESSAGE, message);
      }
    }
    return verdict;
  }

  private static String name(Guardrail<?, ?> guardrail) {
    if (HAS_NAME) {
      try {
        String name = guardrail.name();
        if (name != null && !name.isEmpty()) {
          return name;
        }
      } catch (Throwable t) {
        // a guardrail's own name() failed: fall back to its class
      }
    }
    String simpleName = guardrail.getClass().getSimpleName();
    return simpleName.isEmpty() ? guardrail.getClass().getName() : simpleName;
  }

  /** The guardrail's own exception, which LangChain4j wraps: the wrapper is the same for every cause. */
  private static String errorType(Throwable error) {
    Throwable cause = error.getCause();
    return error instanceof GuardrailException && cause != null ? cause.getClass().getName() : error.getClass().getName();
  }

  private static boolean hasNameMethod() {
    try {
      Method m = Guardrail.class.getMethod("name");
      return m.getReturnType() == String.class;
    } catch (Throwable t) {
      return false;
    }
  }
}

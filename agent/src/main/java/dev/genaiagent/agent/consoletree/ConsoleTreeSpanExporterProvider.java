package dev.genaiagent.agent.consoletree;

import dev.genaiagent.telemetry.config.ConfigKey;
import dev.genaiagent.telemetry.config.GenAiConfig;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Makes the console tree selectable like any exporter: {@code otel.traces.exporter=console-tree[,otlp]}. */
public final class ConsoleTreeSpanExporterProvider implements ConfigurableSpanExporterProvider {
  public static final String NAME = "console-tree";

  public static final ConfigKey<String> OUTPUT = ConfigKey.oneOf(
      "otel.exporter.console-tree.output", "stdout",
      "Where the console-tree exporter prints: stdout or stderr.", "stdout", "stderr");
  public static final ConfigKey<Integer> MAX_PENDING_SPANS = ConfigKey.positiveInt(
      "otel.exporter.console-tree.max-pending-spans", 10000,
      "Spans the console-tree exporter holds while waiting for their trace's root to end; beyond it the"
          + " oldest traces are printed incomplete.");

  public static final List<ConfigKey<?>> KEYS =
      Collections.unmodifiableList(Arrays.<ConfigKey<?>>asList(OUTPUT, MAX_PENDING_SPANS));

  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    GenAiConfig settings = GenAiConfig.from(key -> config.getString(key.name()));
    return new ConsoleTreeSpanExporter(
        "stderr".equals(settings.get(OUTPUT)) ? System.err : System.out, settings.get(MAX_PENDING_SPANS));
  }

  @Override
  public String getName() {
    return NAME;
  }
}

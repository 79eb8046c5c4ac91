package dev.genaiagent.benchmarks.jmh.exporter;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/** {@code otel.traces.exporter=jmh-discard}. */
public final class DiscardSpanExporterProvider implements ConfigurableSpanExporterProvider {
  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    return new DiscardExporters.Spans();
  }

  @Override
  public String getName() {
    return DiscardExporters.NAME;
  }
}

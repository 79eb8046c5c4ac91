package dev.genaiagent.benchmarks.jmh.exporter;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.metrics.export.MetricExporter;

/** {@code otel.metrics.exporter=jmh-discard}. */
public final class DiscardMetricExporterProvider implements ConfigurableMetricExporterProvider {
  @Override
  public MetricExporter createExporter(ConfigProperties config) {
    return new DiscardExporters.Metrics();
  }

  @Override
  public String getName() {
    return DiscardExporters.NAME;
  }
}

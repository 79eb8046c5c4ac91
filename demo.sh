#!/usr/bin/env bash
# Builds the agent and runs the demo application with it attached, printing the trace tree.
# Set OTEL_EXPORTER_OTLP_ENDPOINT (e.g. http://127.0.0.1:4318) to also send everything over OTLP.
set -euo pipefail
cd "$(dirname "$0")"

mvn -B -q -DskipTests -pl agent,demo -am package
mvn -B -q -pl demo dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null

exporters="console-tree"
[ -n "${OTEL_EXPORTER_OTLP_ENDPOINT:-}" ] && exporters="console-tree,otlp"
export OPT_OUT_TRACKING=true
exec java -javaagent:agent/target/genai-javaagent.jar \
  -Dotel.service.name="${OTEL_SERVICE_NAME:-genai-demo}" \
  -Dotel.traces.exporter="$exporters" \
  -Dotel.metrics.exporter="${OTEL_METRICS_EXPORTER:-none}" \
  -Dotel.logs.exporter="${OTEL_LOGS_EXPORTER:-none}" \
  -Dotel.javaagent.logging="${OTEL_JAVAAGENT_LOGGING:-simple}" \
  -cp "demo/target/classes:$(cat demo/target/classpath.txt)" \
  dev.genaiagent.demo.DemoApp "$@"

package dev.genaiagent.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.smoketest.apps.HttpRoundTripApp;
import dev.genaiagent.testing.AgentProcess;
import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.ProcessResult;
import dev.genaiagent.testing.ReceivedSpan;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the distribution adds to the upstream agent, proven with the shipped jar in a separate JVM. */
class DistributionSmokeTest {
  private OtlpReceiver receiver;

  @BeforeEach
  void startReceiver() {
    receiver = OtlpReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private AgentProcess.Builder app() {
    return AgentProcess.forMainClass(HttpRoundTripApp.class)
        .agentJar(AgentProcess.agentJarFromSystemProperty())
        .receiver(receiver)
        .timeout(Duration.ofSeconds(60));
  }

  private List<ReceivedSpan> awaitClientAndServer() {
    return receiver.awaitSpans(spans -> spans.stream().anyMatch(s -> s.kind() == ReceivedSpan.Kind.CLIENT)
        && spans.stream().anyMatch(s -> s.kind() == ReceivedSpan.Kind.SERVER), Duration.ofSeconds(10));
  }

  @Test
  void consoleTreeExporterPrintsTheTraceAlongsideOtlp() {
    ProcessResult result = app().systemProperty("otel.traces.exporter", "otlp,console-tree").run().assertSuccess();
    List<ReceivedSpan> spans = awaitClientAndServer();
    ReceivedSpan client = spans.stream().filter(s -> s.kind() == ReceivedSpan.Kind.CLIENT).findFirst().orElseThrow();

    String out = result.stdout();
    assertThat(out).as(result.describe()).contains("trace " + client.traceId());
    Matcher tree = Pattern.compile(
            "\u2514\u2500 GET  \\[client\\] [0-9.]+ m?s\\n   \u2514\u2500 GET /hello  \\[server\\] [0-9.]+ m?s")
        .matcher(out);
    assertThat(tree.find()).as("tree in stdout:%n%s", out).isTrue();
    // Metrics still go over OTLP too (upstream's HTTP client duration).
    assertThat(receiver.awaitMetric("http.client.request.duration", Duration.ofSeconds(10))).isNotNull();
  }

  @Test
  void aMalformedSettingWarnsOnceNamingKeyAndValueAndTheAppIsUnaffected() {
    ProcessResult result = app()
        .systemProperty("otel.instrumentation.genai.content.max-length", "lots")
        .systemProperty("otel.instrumentation.genai.capture-message-content", "sometimes")
        .run().assertSuccess();
    String stderr = result.stderr();
    assertThat(count(stderr, "Invalid value 'lots' for otel.instrumentation.genai.content.max-length")).isEqualTo(1);
    assertThat(count(stderr, "Invalid value 'sometimes' for otel.instrumentation.genai.capture-message-content"))
        .isEqualTo(1);
    assertThat(stderr).contains("using the default 16384").contains("using the default false");
    assertThat(result.stdout()).contains("status=200 body=hi");
    awaitClientAndServer();
  }

  @Test
  void theUserOverridesTheDistributionIdentity() {
    app().systemProperty("otel.resource.attributes", "telemetry.distro.name=acme-agent,team=search")
        .run().assertSuccess();
    ReceivedSpan span = awaitClientAndServer().get(0);
    assertThat(span.resourceAttribute("telemetry.distro.name")).isEqualTo("acme-agent");
    assertThat(span.resourceAttribute("team")).isEqualTo("search");
    assertThat(span.resourceAttribute("telemetry.distro.version")).isEqualTo("0.1.0-SNAPSHOT");
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}

package dev.genaiagent.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.smoketest.apps.HttpRoundTripApp;
import dev.genaiagent.testing.AgentProcess;
import dev.genaiagent.testing.Jdks;
import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.ProcessResult;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.TelemetryAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The distribution still does everything the upstream agent does for an app with no GenAI library. */
class TrivialAppSmokeTest {

  /** What our distribution reports as {@code telemetry.distro.name}. */
  static final String EXPECTED_DISTRO_NAME = "genai-javaagent";

  private static final String SERVICE = "trivial-app";

  private OtlpReceiver receiver;

  @BeforeEach
  void startReceiver() {
    receiver = OtlpReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void exportsHttpClientAndServerSpansOnDefaultJdk() {
    assertHttpRoundTripTraced(null);
  }

  @Test
  void exportsHttpClientAndServerSpansOnJdk25() {
    assertHttpRoundTripTraced(Jdks.require(25));
  }

  @Test
  void identifiesAsTheGenaiDistribution() {
    List<ReceivedSpan> spans = run(null);
    assertThat(spans.get(0).resourceAttribute("telemetry.distro.name"))
        .as("telemetry.distro.name of %s", spans.get(0).describe())
        .isEqualTo(EXPECTED_DISTRO_NAME);
  }

  private void assertHttpRoundTripTraced(Path javaHome) {
    List<ReceivedSpan> spans = run(javaHome);

    ReceivedSpan client = TelemetryAssertions.onlySpan(spans, "of kind CLIENT",
        s -> s.kind() == ReceivedSpan.Kind.CLIENT);
    ReceivedSpan server = TelemetryAssertions.onlySpan(spans, "of kind SERVER",
        s -> s.kind() == ReceivedSpan.Kind.SERVER);
    // Context propagated over HTTP: one trace from the client call into the server.
    TelemetryAssertions.assertChildOf(server, client);
    assertThat(client.name()).isEqualTo("GET");
    assertThat(server.name()).startsWith("GET");
    for (ReceivedSpan span : spans) {
      assertThat(span.resourceAttributes())
          .containsEntry("service.name", SERVICE)
          .containsKey("telemetry.distro.name");
    }
    TelemetryAssertions.assertNoCloudMetadataAccess(spans);
  }

  private List<ReceivedSpan> run(Path javaHome) {
    AgentProcess.Builder app = AgentProcess.forMainClass(HttpRoundTripApp.class)
        .agentJar(AgentProcess.agentJarFromSystemProperty())
        .receiver(receiver)
        .serviceName(SERVICE)
        .timeout(Duration.ofSeconds(60));
    if (javaHome != null) {
      app.javaHome(javaHome);
    }
    ProcessResult result = app.run().assertSuccess();
    assertThat(result.stdout()).contains("status=200 body=hi");
    // The agent flushes on shutdown, so the spans are normally here by the time the app has exited.
    return receiver.awaitSpans(spans ->
            spans.stream().anyMatch(s -> s.kind() == ReceivedSpan.Kind.CLIENT)
                && spans.stream().anyMatch(s -> s.kind() == ReceivedSpan.Kind.SERVER),
        Duration.ofSeconds(10));
  }
}

package dev.genaiagent.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.smoketest.apps.OpenAiApp;
import dev.genaiagent.testing.AgentProcess;
import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.ProcessResult;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.TelemetryAssertions;
import dev.genaiagent.testing.openai.OpenAiTestServer;
import dev.genaiagent.testing.openai.Script;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI SDK in a separate JVM with the shipped jar: what a user gets with zero code. */
class OpenAiSmokeTest {
  private OtlpReceiver receiver;
  private OpenAiTestServer server;

  @BeforeEach
  void start() {
    receiver = OtlpReceiver.start();
    server = OpenAiTestServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
    receiver.close();
  }

  private ProcessResult run(String... systemProperties) {
    AgentProcess.Builder app = AgentProcess.forMainClass(OpenAiApp.class)
        .agentJar(AgentProcess.agentJarFromSystemProperty())
        .receiver(receiver)
        .args(server.baseUrl())
        .timeout(Duration.ofSeconds(60));
    for (int i = 0; i < systemProperties.length; i += 2) {
      app.systemProperty(systemProperties[i], systemProperties[i + 1]);
    }
    ProcessResult result = app.run().assertSuccess();
    assertThat(result.stdout()).contains("chat: ").contains("stream: ").contains("embedding dimensions: ");
    return result;
  }

  private List<ReceivedSpan> awaitGenAiSpans(int count) {
    return receiver.awaitSpans(spans -> genAi(spans).size() >= count, Duration.ofSeconds(15));
  }

  private static List<ReceivedSpan> genAi(List<ReceivedSpan> spans) {
    return spans.stream().filter(s -> s.attributes().containsKey("gen_ai.operation.name")).toList();
  }

  @Test
  void everyCallMakesExactlyOneGenAiSpanWithContentOffByDefault() {
    server.enqueue(Script.chat().content("Hi Jane!").usage(12, 3),
        Script.chat().content("Hi again!").chunkSize(2).usage(12, 4),
        Script.embeddings().dimensions(8));
    run();
    List<ReceivedSpan> spans = genAi(awaitGenAiSpans(3));
    // Upstream's openai-java instrumentation is off in our distribution: no second span per call.
    assertThat(spans).extracting(ReceivedSpan::name)
        .containsExactlyInAnyOrder("chat gpt-4o-mini", "chat gpt-4o-mini", "embeddings text-embedding-3-small");
    ReceivedSpan streamed = spans.stream().filter(s -> Boolean.TRUE.equals(s.attribute("gen_ai.request.stream")))
        .findFirst().orElseThrow();
    assertThat(streamed.attributes()).containsEntry("gen_ai.usage.output_tokens", 4L)
        .containsKey("gen_ai.response.time_to_first_chunk");
    assertThat(spans).allSatisfy(s -> assertThat(s.attributes()).containsEntry("gen_ai.provider.name", "openai")
        .doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages"));
    assertThat(receiver.awaitMetric("gen_ai.client.token.usage", Duration.ofSeconds(10)).histogramPoints())
        .isNotEmpty();
    TelemetryAssertions.assertNoCloudMetadataAccess(receiver.spans());
  }

  @Test
  void contentCaptureOnRecordsMessages() {
    server.enqueue(Script.chat().content("Hi Jane!"), Script.chat().content("Hi!"), Script.embeddings());
    run("otel.instrumentation.genai.capture-message-content", "true");
    ReceivedSpan chat = genAi(awaitGenAiSpans(3)).stream()
        .filter(s -> s.name().startsWith("chat") && !Boolean.TRUE.equals(s.attribute("gen_ai.request.stream")))
        .findFirst().orElseThrow();
    assertThat((String) chat.attribute("gen_ai.input.messages")).contains("Say hi.");
    assertThat((String) chat.attribute("gen_ai.output.messages")).contains("Hi Jane!");
  }

  @Test
  void aMalformedSettingWarnsOnceEvenWhenInstrumentationsReadIt() {
    server.enqueue(Script.chat().content("a"), Script.chat().content("b"), Script.embeddings());
    ProcessResult result = run("otel.instrumentation.genai.content.max-length", "huge");
    String warning = "Invalid value 'huge' for otel.instrumentation.genai.content.max-length";
    assertThat(result.stderr().split(java.util.regex.Pattern.quote(warning), -1)).hasSize(2);
    assertThat(genAi(awaitGenAiSpans(3))).hasSize(3);
  }

  @Test
  void switchingBackToUpstreamGivesUpstreamSpansOnly() {
    server.enqueue(Script.chat().content("a"), Script.chat().content("b"), Script.embeddings());
    run("otel.instrumentation.openai-java.enabled", "true", "otel.instrumentation.genai-openai.enabled", "false");
    List<ReceivedSpan> spans = genAi(awaitGenAiSpans(2));
    assertThat(spans).isNotEmpty().allSatisfy(s -> assertThat(s.scopeName()).doesNotStartWith("dev.genaiagent"));
  }
}

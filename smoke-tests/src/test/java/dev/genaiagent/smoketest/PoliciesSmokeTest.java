package dev.genaiagent.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.smoketest.apps.SupportDeskApp;
import dev.genaiagent.testing.AgentProcess;
import dev.genaiagent.testing.OtlpReceiver;
import dev.genaiagent.testing.ProcessResult;
import dev.genaiagent.testing.ReceivedMetric;
import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.OpenAiTestServer;
import dev.genaiagent.testing.openai.Script;
import java.time.Duration;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Privacy, cost and attribution with the shipped jar, zero code: an HTTP service answers a customer's
 * message (personal data and a secret in it) with one chat call, behind a gateway that propagates
 * baggage. What reaches the OTLP receiver is redacted, priced and attributed.
 */
class PoliciesSmokeTest {
  private static final String[] PLANTED = {
      "jane.roe@example.com", "4111 1111 1111 1111", "sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
      "415 555 2671"};

  private static String fingerprint(String text) {
    long h = 0xcbf29ce484222325L;
    for (char c : text.toCharArray()) {
      h = (h ^ c) * 0x100000001b3L;
    }
    return String.format("%016x", h);
  }

  @Test
  void contentIsRedactedCostIsRightAndBaggageAttributesTheCall() {
    try (OtlpReceiver receiver = OtlpReceiver.start(); OpenAiTestServer server = OpenAiTestServer.start()) {
      server.enqueue(Script.chat().content("Sorry Jane, we will call +1 415 555 2671 or write to jane.roe@example.com.")
          .usage(1000, 500));
      AgentProcess.forMainClass(SupportDeskApp.class)
          .agentJar(AgentProcess.agentJarFromSystemProperty())
          .receiver(receiver)
          .serviceName("support-desk")
          .args(server.baseUrl())
          .systemProperty("otel.instrumentation.genai.capture-message-content", "true")
          .systemProperty("otel.instrumentation.genai.attribution.baggage-keys", "user.id,feature")
          .systemProperty("otel.instrumentation.genai.attribution.metric-baggage-keys", "feature")
          .timeout(Duration.ofSeconds(60))
          .run()
          .assertSuccess();

      // The application itself is untouched: the provider got the customer's words as written.
      assertThat(server.takeRequest().body()).contains("jane.roe@example.com", "4111 1111 1111 1111");

      List<ReceivedSpan> spans = receiver.awaitSpans(s -> s.stream().anyMatch(x -> x.name().equals("chat gpt-4o-mini"))
          && s.stream().anyMatch(x -> x.kind() == ReceivedSpan.Kind.SERVER), Duration.ofSeconds(15));
      ReceivedSpan chat = spans.stream().filter(x -> x.name().equals("chat gpt-4o-mini")).findFirst().orElseThrow();
      ReceivedSpan request = spans.stream().filter(x -> x.kind() == ReceivedSpan.Kind.SERVER).findFirst().orElseThrow();
      assertThat(chat.isChildOf(request)).as("the GenAI span is nested in the application's request").isTrue();

      String input = (String) chat.attribute("gen_ai.input.messages");
      String output = (String) chat.attribute("gen_ai.output.messages");
      assertThat(input).contains("<EMAIL>", "<CREDIT_CARD>", "<SECRET>", "<PHONE>", "Jane Roe");
      assertThat(output).contains("<EMAIL>", "<PHONE>");
      for (String planted : PLANTED) {
        assertThat(spans).as("no span carries " + planted)
            .allSatisfy(s -> assertThat(s.attributes().values().toString()).doesNotContain(planted));
      }
      assertThat(input).contains("support desk of Example Corp"); // chat history: system message among the inputs
      // FNV-1a 64 of the system message: the same prompt gives the same value in every process.
      assertThat(chat.attribute("gen_ai.system_instructions.hash")).isEqualTo(fingerprint(
          "You are the support desk of Example Corp. Be brief."));

      // gpt-4o-mini: 1000 input x $0.15 + 500 output x $0.60 per million tokens.
      assertThat((Double) chat.attribute("gen_ai.usage.cost")).isCloseTo(0.00045, Offset.offset(1e-12));

      assertThat(chat.attributes()).containsEntry("user.id", "u-42").containsEntry("feature", "refunds")
          .doesNotContainKey("tenant.id"); // propagated, but not configured

      ReceivedMetric cost = receiver.awaitMetric("gen_ai.client.usage.cost", Duration.ofSeconds(10));
      assertThat(cost.histogramPoints()).singleElement().satisfies(p -> {
        assertThat(p.sum()).isCloseTo(0.00045, Offset.offset(1e-12));
        assertThat(p.attributes()).containsEntry("feature", "refunds").doesNotContainKey("user.id");
      });
    }
  }

  @Test
  void aBrokenCustomPatternWarnsOnceAndRedactionStillApplies() {
    try (OtlpReceiver receiver = OtlpReceiver.start(); OpenAiTestServer server = OpenAiTestServer.start()) {
      server.enqueue(Script.chat().content("Noted, ticket T-123456 for jane.roe@example.com.").usage(10, 5));
      ProcessResult result = AgentProcess.forMainClass(SupportDeskApp.class)
          .agentJar(AgentProcess.agentJarFromSystemProperty())
          .receiver(receiver)
          .args(server.baseUrl())
          .systemProperty("otel.instrumentation.genai.capture-message-content", "true")
          .systemProperty("otel.instrumentation.genai.redaction.pattern.ticket", "T-\\d{6}")
          .systemProperty("otel.instrumentation.genai.redaction.pattern.broken", "([unclosed")
          .timeout(Duration.ofSeconds(60))
          .run()
          .assertSuccess();
      String warning = "Ignoring custom redaction pattern 'broken'";
      assertThat(result.stderr().split(java.util.regex.Pattern.quote(warning), -1)).as(result.stderr()).hasSize(2);
      assertThat(result.stderr()).doesNotContain("([unclosed");
      ReceivedSpan chat = receiver.awaitSpan("chat gpt-4o-mini", Duration.ofSeconds(15));
      assertThat((String) chat.attribute("gen_ai.output.messages"))
          .contains("<TICKET>", "<EMAIL>").doesNotContain("T-123456", "jane.roe@example.com");
    }
  }
}

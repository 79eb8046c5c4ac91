package dev.genaiagent.instrumentation.langchain4j.versions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.testing.ReceivedSpan;
import dev.genaiagent.testing.openai.Script;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Anthropic provider of the 1.0.0 line overrides {@code chat(ChatRequest)} (Retrofit, no
 * {@code doChat}, no default parameters, the model name only in a private field): still one chat span
 * with provider, model (read from that field) and usage; this provider version reports no response id.
 */
class AnthropicOverridingChatTest extends VersionTestBase {

  @Test
  void aProviderThatOverridesChatIsTracedOnce() {
    server.enqueue(Script.anthropic().content("Bonjour.").usage(10, 4).id("msg_beta5"));
    AnthropicChatModel model = AnthropicChatModel.builder().baseUrl(server.anthropicBaseUrl()).apiKey("sk-ant-test")
        .modelName("claude-3-5-haiku-20241022").maxTokens(50).maxRetries(0).build();
    assertThat(model.chat("Say hello in French")).isEqualTo("Bonjour.");

    List<ReceivedSpan> chats = receiver.awaitSpans(s -> s.stream().anyMatch(x -> "chat".equals(x.attribute(
        "gen_ai.operation.name"))), Duration.ofSeconds(10)).stream()
        .filter(x -> "chat".equals(x.attribute("gen_ai.operation.name"))).collect(Collectors.toList());
    assertThat(chats).hasSize(1);
    assertThat(chats.get(0).name()).isEqualTo("chat claude-3-5-haiku-20241022");
    assertThat(chats.get(0).attributes()).containsEntry("gen_ai.provider.name", "anthropic")
        .containsEntry("gen_ai.usage.input_tokens", 10L)
        .containsEntry("gen_ai.usage.output_tokens", 4L);
  }
}

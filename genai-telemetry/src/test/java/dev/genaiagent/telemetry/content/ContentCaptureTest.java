package dev.genaiagent.telemetry.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.telemetry.content.GenAiMessage.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentCaptureTest {

  private static ContentCapture capture(int max, ContentPolicy... policies) {
    return ContentCapture.enabled(max, List.of(policies));
  }

  @Test
  void disabledCaptureRecordsNothing() {
    ContentCapture off = ContentCapture.disabled();
    assertThat(off.messages(ContentField.INPUT_MESSAGE, List.of(GenAiMessage.input("user", List.of(Part.text("hi"))))))
        .isNull();
    assertThat(off.text(ContentField.TOOL_CALL_ARGUMENTS, "{}")).isNull();
  }

  @Test
  void everyPartTypeHasItsSchemaShape() {
    String json = capture(100_000).messages(ContentField.INPUT_MESSAGE, List.of(
        GenAiMessage.input("user", "alice", List.of(
            Part.text("look at this"),
            Part.uri("image", "image/png", "https://example.test/cat.png"),
            Part.blob("image", "image/jpeg"),
            Part.file("document", "application/pdf", "file-123"))),
        GenAiMessage.input("assistant", List.of(Part.reasoning("thinking"), Part.toolCall("c1", "lookup", "{\"q\":1}"))),
        GenAiMessage.input("tool", List.of(Part.toolCallResponse("c1", "42 results")))));
    assertThat(json).isEqualTo("["
        + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"look at this\"},"
        + "{\"type\":\"uri\",\"modality\":\"image\",\"mime_type\":\"image/png\",\"uri\":\"https://example.test/cat.png\"},"
        + "{\"type\":\"blob\",\"modality\":\"image\",\"mime_type\":\"image/jpeg\"},"
        + "{\"type\":\"file\",\"modality\":\"document\",\"mime_type\":\"application/pdf\",\"file_id\":\"file-123\"}],"
        + "\"name\":\"alice\"},"
        + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"reasoning\",\"content\":\"thinking\"},"
        + "{\"type\":\"tool_call\",\"id\":\"c1\",\"name\":\"lookup\",\"arguments\":{\"q\":1}}]},"
        + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"c1\",\"response\":\"42 results\"}]}]");
    assertThat(Json.isValid(json)).isTrue();
  }

  @Test
  void incompleteToolArgumentsAreKeptAsAString() {
    String json = capture(1000).messages(ContentField.OUTPUT_MESSAGE,
        List.of(GenAiMessage.output("assistant", List.of(Part.toolCall("c", "f", "{\"city\":\"Par")), "length")));
    assertThat(json).contains("\"arguments\":\"{\\\"city\\\":\\\"Par\"").contains("\"finish_reason\":\"length\"");
    assertThat(Json.isValid(json)).isTrue();
  }

  @Test
  void escapesControlCharactersQuotesAndLineSeparators() {
    String json = capture(1000).messages(ContentField.INPUT_MESSAGE,
        List.of(GenAiMessage.input("user", List.of(Part.text("a\"b\\c\nd\u0001e\u2028f")))));
    assertThat(json).contains("a\\\"b\\\\c\\nd\\u0001e\\u2028f");
    assertThat(Json.isValid(json)).isTrue();
  }

  @Test
  void longContentIsShortenedEvenlyAndStaysValidJson() {
    List<GenAiMessage> messages = List.of(
        GenAiMessage.input("system", List.of(Part.text("short"))),
        GenAiMessage.input("user", List.of(Part.text("x".repeat(50_000)))),
        GenAiMessage.input("user", List.of(Part.text("y".repeat(10_000)))));
    String json = capture(2000).messages(ContentField.INPUT_MESSAGE, messages);
    assertThat(json.length()).isLessThanOrEqualTo(2000).isGreaterThan(1800);
    assertThat(Json.isValid(json)).isTrue();
    assertThat(json).contains("\"content\":\"short\"").contains("\u2026");
  }

  @Test
  void tooManyMessagesDropTheOldestFirst() {
    List<GenAiMessage> messages = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      messages.add(GenAiMessage.input("user", List.of(Part.text("message " + i))));
    }
    String json = capture(500).messages(ContentField.INPUT_MESSAGE, messages);
    assertThat(json.length()).isLessThanOrEqualTo(500);
    assertThat(Json.isValid(json)).isTrue();
    assertThat(json).contains("message 199").doesNotContain("\"message 0\"");
  }

  @Test
  void truncationNeverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDE00".repeat(1000);
    String json = capture(101).messages(ContentField.INPUT_MESSAGE,
        List.of(GenAiMessage.input("user", List.of(Part.text(emoji)))));
    assertThat(Json.isValid(json)).isTrue();
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(Character.isLowSurrogate(json.charAt(i + 1))).isTrue();
      } else if (Character.isLowSurrogate(c)) {
        assertThat(Character.isHighSurrogate(json.charAt(i - 1))).isTrue();
      }
    }
  }

  @Test
  void randomContentAlwaysFitsAndParses() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      List<GenAiMessage> messages = new ArrayList<>();
      for (int m = 0, n = 1 + random.nextInt(8); m < n; m++) {
        messages.add(GenAiMessage.input("user", List.of(Part.text(randomText(random, random.nextInt(3000))),
            Part.toolCall("id" + m, "f", random.nextBoolean() ? "{\"a\":[1,2,{\"b\":null}]}" : randomText(random, 40)))));
      }
      int max = 64 + random.nextInt(4000);
      String json = capture(max).messages(ContentField.INPUT_MESSAGE, messages);
      assertThat(json.length()).isLessThanOrEqualTo(max);
      assertThat(Json.isValid(json)).as(json).isTrue();
    }
  }

  @Test
  void documentsAreJsonWithIdsScoresAndContentThroughThePolicies() {
    ContentCapture c = capture(10_000, (field, text) -> text.replace("alice@example.com", "<EMAIL>"));
    String json = c.documents(List.of(new RetrievedDocument("doc-1", 0.25, null),
        new RetrievedDocument("alice@example.com", Double.NaN, "mail \"alice@example.com\""),
        new RetrievedDocument(null, 1.5, null)));
    assertThat(json).isEqualTo("[{\"id\":\"doc-1\",\"score\":0.25},"
        + "{\"id\":\"<EMAIL>\",\"content\":\"mail \\\"<EMAIL>\\\"\"},{\"score\":1.5}]");
    assertThat(Json.isValid(json)).isTrue();
    assertThat(capture(60).documents(List.of(new RetrievedDocument("x".repeat(500), 0.1, "y".repeat(500)))))
        .satisfies(small -> assertThat(Json.isValid(small)).isTrue());
    assertThat(ContentCapture.disabled().documents(List.of(new RetrievedDocument("a", 0.1, null)))).isNull();
  }

  @Test
  void manyDocumentsKeepTheBestFirstOnesThatFit() {
    List<RetrievedDocument> many = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      many.add(new RetrievedDocument("doc-" + i, i / 10000.0, null));
    }
    String json = capture(1000).documents(many);
    assertThat(json.length()).isLessThanOrEqualTo(1000);
    assertThat(Json.isValid(json)).isTrue();
    assertThat(json).startsWith("[{\"id\":\"doc-0\",\"score\":0.0},{\"id\":\"doc-1\"").doesNotContain("doc-4999");
  }

  @Test
  void everyTextPassesThroughThePoliciesWithItsField() {
    List<String> seen = new ArrayList<>();
    ContentPolicy recordAndMask = (field, text) -> {
      seen.add(field + ":" + text);
      return text.replace("secret", "<REDACTED>");
    };
    ContentCapture c = capture(10_000, recordAndMask);
    String json = c.messages(ContentField.INPUT_MESSAGE, List.of(GenAiMessage.input("user", List.of(
        Part.text("my secret"), Part.toolCall("1", "f", "{\"k\":\"secret\"}"), Part.toolCallResponse("1", "secret out")))));
    String system = c.systemInstructions(List.of(Part.text("system secret")));
    String tools = c.toolDefinitions(List.of(ToolDefinition.function("f", "secret tool", null)));
    String query = c.text(ContentField.RETRIEVAL_QUERY, "find secret");

    assertThat(json + system + tools + query).doesNotContain("secret").contains("<REDACTED>");
    assertThat(seen).containsExactly(
        "INPUT_MESSAGE:my secret", "TOOL_CALL_ARGUMENTS:{\"k\":\"secret\"}", "TOOL_CALL_RESULT:secret out",
        "SYSTEM_INSTRUCTIONS:system secret", "TOOL_DEFINITION:secret tool", "RETRIEVAL_QUERY:find secret");
    assertThat(json).contains("\"arguments\":{\"k\":\"<REDACTED>\"}");
  }

  @Test
  void aPolicyThatThrowsFailsClosed() {
    ContentPolicy broken = (field, text) -> {
      throw new IllegalStateException("bug");
    };
    ContentCapture c = capture(10_000, broken);
    String json = c.messages(ContentField.INPUT_MESSAGE,
        List.of(GenAiMessage.input("user", List.of(Part.text("alice@example.com")))));
    assertThat(json).doesNotContain("alice").isEqualTo("[{\"role\":\"user\",\"parts\":[]}]");
    assertThat(c.text(ContentField.TOOL_CALL_RESULT, "alice@example.com")).isNull();
    assertThat(c.systemInstructions(List.of(Part.text("alice@example.com")))).isNull();
  }

  @Test
  void aPolicyCanDropAField() {
    ContentCapture c = capture(10_000, (field, text) -> field == ContentField.TOOL_CALL_RESULT ? null : text);
    assertThat(c.text(ContentField.TOOL_CALL_RESULT, "result")).isNull();
    assertThat(c.text(ContentField.TOOL_CALL_ARGUMENTS, "args")).isEqualTo("args");
  }

  @Test
  void singleTextsAreShortenedToTheLimit() {
    String text = capture(100).text(ContentField.TOOL_CALL_RESULT, "z".repeat(500));
    assertThat(text).hasSize(100).endsWith("\u2026");
  }

  @Test
  void validatorAcceptsJsonAndRejectsTheRest() {
    assertThat(Json.isValid("{\"a\":[1,-2.5e3,true,false,null,\"\\u00e9\"]}")).isTrue();
    assertThat(Json.isValid(" [ ] ")).isTrue();
    assertThat(Json.isValid("{\"a\":1,}")).isFalse();
    assertThat(Json.isValid("{\"a\":1} x")).isFalse();
    assertThat(Json.isValid("{\"a\"")).isFalse();
    assertThat(Json.isValid("")).isFalse();
    assertThat(Json.isValid("[".repeat(100) + "]".repeat(100))).isFalse(); // depth bound
  }

  private static String randomText(Random random, int length) {
    StringBuilder sb = new StringBuilder();
    String alphabet = "ab \"\\\n\t{}[]:,\u00e9\u4e2d\uD83D\uDE00\u0000";
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  @Test
  void promptVariablesAreAJsonObjectOfPolicyProcessedValuesThatFitsTheCap() {
    ContentPolicy mask = (field, text) -> field == ContentField.PROMPT_VARIABLE ? text.replace("jane@example.com", "<EMAIL>") : text;
    java.util.Map<String, String> variables = new java.util.LinkedHashMap<>();
    variables.put("customer", "jane@example.com");
    variables.put("tone", "friendly \"casual\"");
    variables.put("missing", null);
    String json = capture(1000, mask).variables(variables);
    assertThat(json).isEqualTo("{\"customer\":\"<EMAIL>\",\"tone\":\"friendly \\\"casual\\\"\",\"missing\":null}");
    assertThat(Json.isValid(json)).isTrue();

    java.util.Map<String, String> many = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      many.put("v" + i, "x".repeat(50));
    }
    String capped = capture(300, mask).variables(many);
    assertThat(capped.length()).isLessThanOrEqualTo(300);
    assertThat(Json.isValid(capped)).isTrue();
    assertThat(capped).startsWith("{\"v0\":");
    assertThat(ContentCapture.disabled().variables(variables)).isNull();
    assertThat(capture(1000).variables(java.util.Map.of())).isNull();
  }

}

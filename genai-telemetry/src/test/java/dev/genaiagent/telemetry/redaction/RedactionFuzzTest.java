package dev.genaiagent.telemetry.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.telemetry.content.ContentField;
import dev.genaiagent.telemetry.content.Json;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded junk: the policy never throws, never returns null in replace mode, and keeps JSON valid. */
class RedactionFuzzTest {
  private static final List<PiiRedactor> REDACTORS = List.of(
      PiiRedactor.create(RedactionSettings.defaults()),
      PiiRedactor.create(RedactionSettings.builder().mode(RedactionMode.HASH).hashKey("fuzz").build()),
      PiiRedactor.create(RedactionSettings.builder().customPattern("digits", "\\d{3,}").customPattern("quote", "\"[a-z]+\"")
          .customPattern("anything", "[a-z]\\W").build()));

  /** Characters that trigger detectors, JSON structure and escapes, plus arbitrary Unicode. */
  private static final String ALPHABET = "0123456789+-()./: @=_\\\"'{}[],\nabcdefxyzABCDEFKIQSeyJsk-ghp_Bearer "
      + "\u00e9\u00a0\u202f\u3002\uff0c\u65e5\ud83d\ude00";

  @Test
  void randomTextNeverThrows() {
    Random random = new Random(42);
    for (int round = 0; round < 3000; round++) {
      String text = randomText(random, 1 + random.nextInt(400));
      for (PiiRedactor redactor : REDACTORS) {
        assertThat(redactor.apply(ContentField.INPUT_MESSAGE, text)).as("%s", text).isNotNull();
      }
    }
  }

  @Test
  void randomJsonStaysValid() {
    Random random = new Random(7);
    PiiValues values = new PiiValues(random);
    for (int round = 0; round < 2000; round++) {
      // Objects and arrays: the documents whose validity the policy keeps (a bare scalar turned into a
      // placeholder is embedded by ContentCapture as a string instead).
      String json = random.nextBoolean() ? "[" + randomJson(random, values, 1) + "]" : "{\"a\":" + randomJson(random, values, 1) + "}";
      assertThat(Json.isValid(json)).as(json).isTrue();
      for (PiiRedactor redactor : REDACTORS) {
        String out = redactor.apply(ContentField.TOOL_CALL_ARGUMENTS, json);
        assertThat(out).as(json).isNotNull();
        assertThat(Json.isValid(out)).as("%s%n->%n%s", json, out).isTrue();
      }
    }
  }

  @Test
  void hugeAndPathologicalInputs() {
    Random random = new Random(3);
    List<String> inputs = List.of(
        randomText(random, 1_000_000),
        "1".repeat(500_000),
        "1 ".repeat(250_000),
        "1:".repeat(250_000),
        "@".repeat(300_000),
        "a@".repeat(200_000),
        "a.".repeat(200_000) + "@x.com",
        "-".repeat(300_000),
        "-----BEGIN RSA PRIVATE KEY-----\"".repeat(20_000),
        "-----BEGIN RSA PRIVATE KEY-----x-----END RSA PRIVATE KEY-----".repeat(10_000),
        "eyJ".repeat(100_000) + "." + "eyJ".repeat(100_000),
        "password=\"".repeat(50_000),
        "\"token\":\"" + "1".repeat(300_000),
        "\\".repeat(300_000),
        "\\u00e9".repeat(100_000),
        "[".repeat(100_000) + "\"a@b.com\"" + "]".repeat(100_000),
        "+1 ".repeat(100_000),
        "(".repeat(100_000) + "1",
        "DE89 ".repeat(100_000),
        "sk-" + "a1".repeat(200_000),
        "Bearer " + "A1".repeat(200_000));
    PiiRedactor redactor = REDACTORS.get(0);
    for (String input : inputs) {
      long start = System.nanoTime();
      String out = redactor.apply(ContentField.TOOL_CALL_RESULT, input);
      long micros = (System.nanoTime() - start) / 1000;
      assertThat(out).as(input.substring(0, Math.min(40, input.length()))).isNotNull();
      // Linear, not quadratic: generous enough for a slow CI machine, far below what O(n^2) would take.
      assertThat(micros).as("µs for %s…", input.substring(0, Math.min(40, input.length()))).isLessThan(2_000_000);
    }
    String nested = "[".repeat(100_000) + "\"a@b.com\"" + "]".repeat(100_000);
    assertThat(redactor.apply(ContentField.TOOL_CALL_RESULT, nested)).isEqualTo("[".repeat(100_000) + "\"<EMAIL>\"" + "]".repeat(100_000));
  }

  private static String randomText(Random random, int length) {
    StringBuilder b = new StringBuilder(length);
    while (b.length() < length) {
      int mode = random.nextInt(10);
      if (mode < 6) {
        b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      } else if (mode < 8) {
        b.append((char) random.nextInt(0x10000)); // includes lone surrogates
      } else {
        b.appendCodePoint(random.nextInt(0x10ffff));
      }
    }
    return b.toString();
  }

  private static String randomString(Random random, PiiValues values) {
    PiiValues.Value v = switch (random.nextInt(12)) {
      case 0 -> values.email();
      case 1 -> values.phone();
      case 2 -> values.card();
      case 3 -> values.iban();
      case 4 -> values.ssn();
      case 5 -> values.ipv4();
      case 6 -> values.ipv6();
      case 7 -> values.jwt();
      case 8 -> values.secret();
      default -> null;
    };
    String noise = randomText(random, random.nextInt(12));
    String core = v == null ? randomText(random, random.nextInt(30)) : noise + v.fragment() + noise;
    return "\"" + RedactionCorpus.jsonEscape(core).replace("\u2028", "\\u2028") + "\"";
  }

  private static String randomJson(Random random, PiiValues values, int depth) {
    int kind = depth > 3 ? 2 + random.nextInt(3) : random.nextInt(5);
    switch (kind) {
      case 0: {
        StringBuilder b = new StringBuilder("{");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          b.append(i > 0 ? "," : "").append(random.nextBoolean() ? " " : "");
          b.append(random.nextInt(3) == 0 ? "\"password\"" : randomString(random, values)).append(':').append(randomJson(random, values, depth + 1));
        }
        return b.append('}').toString();
      }
      case 1: {
        StringBuilder b = new StringBuilder("[");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          b.append(i > 0 ? ", " : "").append(randomJson(random, values, depth + 1));
        }
        return b.append(']').toString();
      }
      case 2:
        return randomString(random, values);
      case 3:
        return random.nextBoolean() ? values.luhnComplete("4" + values.digits(14)) : "-" + values.digits(1 + random.nextInt(18));
      default:
        return random.nextBoolean() ? "true" : random.nextBoolean() ? "null" : "12.5e-3";
    }
  }
}

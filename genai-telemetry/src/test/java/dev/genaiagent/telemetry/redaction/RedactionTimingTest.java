package dev.genaiagent.telemetry.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.telemetry.content.ContentField;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A warm-loop timing of the policy in µs per KB (budget: 20 µs/KB on one core), printed only: a shared
 * CI machine is no place for timing assertions. The JMH figures come from
 * {@code benchmarks/jmh/.../RedactionBenchmarks}.
 */
class RedactionTimingTest {
  private static final String[] PROSE = {
    "Sure! Here is a summary of the quarterly report you shared. ",
    "Revenue grew 12.5% year over year to $1,234,567, driven mostly by the EMEA region. ",
    "The release v2.14.0 (build 20240315) fixes the memory leak reported on 2024-03-15T14:22:05Z. ",
    "To reproduce, run `mvn -q verify` on Java 17.0.15 and watch the heap after 10:30:00. ",
    "Order #100234567 shipped on 15.03.2024 via UPS; expected delivery is within 3-5 business days. ",
    "Die Rechnung RE-2024/00123 über 1.234,56 € ist am 03.05.2024 fällig. ",
    "注文番号は2024-0315-0042です。合計は¥12,000です。 ",
    "| Region | Q1 | Q2 |\n|---|---|---|\n| EMEA | 1,204 | 1,388 |\n",
    "The request id 550e8400-e29b-41d4-a716-446655440000 took 1.234 s on localhost:8080. ",
    "Let me know if you want me to draft the follow-up email or schedule a meeting for next week. ",
  };

  private static String chat(int length, boolean pii, Random random) {
    PiiValues values = new PiiValues(random);
    StringBuilder b = new StringBuilder(length + 512);
    int nextPii = 250;
    while (b.length() < length) {
      if (pii && b.length() >= nextPii) {
        PiiValues.Value v = switch (random.nextInt(5)) {
          case 0 -> values.email();
          case 1 -> values.phone();
          case 2 -> values.card();
          case 3 -> values.iban();
          default -> values.secret();
        };
        b.append("Contact: ").append(v.fragment()).append(". ");
        nextPii = b.length() + 300 + random.nextInt(400);
      } else {
        b.append(PROSE[random.nextInt(PROSE.length)]);
      }
    }
    return b.substring(0, length);
  }

  private static String toolJson(int length, Random random) {
    PiiValues values = new PiiValues(random);
    StringBuilder b = new StringBuilder("{\"customers\":[");
    for (int i = 0; b.length() < length - 2; i++) {
      b.append(i > 0 ? "," : "").append("{\"id\":\"C-").append(1000 + random.nextInt(9000)).append("\",\"email\":\"")
          .append(values.email().fragment()).append("\",\"phone\":\"").append(values.phone().fragment())
          .append("\",\"balance\":").append(random.nextInt(100000) / 100.0).append(",\"notes\":\"after 18:00\\nVIP\"}");
    }
    return b.append("]}").toString();
  }

  @Test
  void printsMicrosecondsPerKilobyte() {
    Random random = new Random(11);
    PiiRedactor redactor = PiiRedactor.create(RedactionSettings.defaults());
    PiiRedactor hashing = PiiRedactor.create(RedactionSettings.builder().mode(RedactionMode.HASH).hashKey("k").build());
    StringBuilder report = new StringBuilder("\nPII redaction warm-loop timing (one thread, µs per KB of text; budget 20):\n");
    for (int kb : new int[] {1, 16}) {
      int length = kb * 1024;
      List<Object[]> cases = List.of(
          new Object[] {"chat, no PII", pool(() -> chat(length, false, random)), redactor},
          new Object[] {"chat, a few PII items", pool(() -> chat(length, true, random)), redactor},
          new Object[] {"JSON tool arguments", pool(() -> toolJson(length, random)), redactor},
          new Object[] {"chat, a few PII items, hash", pool(() -> chat(length, true, random)), hashing},
          new Object[] {"JSON tool arguments, hash", pool(() -> toolJson(length, random)), hashing});
      for (Object[] c : cases) {
        String[] texts = (String[]) c[1];
        PiiRedactor r = (PiiRedactor) c[2];
        double chars = 0;
        int findings = 0;
        for (String t : texts) {
          chars += t.length();
          findings += r.find(t).size();
        }
        int rounds = Math.max(50, 40_000 / kb);
        run(r, texts, rounds); // warm-up
        long start = System.nanoTime();
        int sink = run(r, texts, rounds);
        long nanos = System.nanoTime() - start;
        double averageKb = chars / texts.length / 1024.0; // each round redacts one text of the pool
        double microsPerKb = nanos / 1000.0 / (rounds * averageKb);
        report.append(String.format(Locale.ROOT, "  %2d KB  %-28s %7.2f µs/KB  (%.1f findings per KB)%n", kb, c[0],
            microsPerKb, findings / (chars / 1024.0)));
        assertThat(sink).isPositive();
      }
    }
    System.out.println(report);
  }

  private static String[] pool(java.util.function.Supplier<String> text) {
    String[] texts = new String[16];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = text.get();
    }
    return texts;
  }

  private static int run(PiiRedactor redactor, String[] texts, int rounds) {
    int sink = 0;
    for (int round = 0; round < rounds; round++) {
      String out = redactor.apply(ContentField.INPUT_MESSAGE, texts[round & (texts.length - 1)]);
      sink += out == null ? 1 : out.length();
    }
    return sink;
  }
}

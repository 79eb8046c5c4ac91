package dev.genaiagent.benchmarks.jmh;

import dev.genaiagent.telemetry.content.ContentField;
import dev.genaiagent.telemetry.redaction.PiiRedactor;
import dev.genaiagent.telemetry.redaction.RedactionMode;
import dev.genaiagent.telemetry.redaction.RedactionSettings;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The PII redaction policy of the telemetry core ({@link PiiRedactor}) called directly, as
 * ContentCapture calls it on the application's thread for every captured text. Budget: 20 µs per KB
 * of text on one core. The score is µs per call on a text of {@code kb} KB (1024 characters), so
 * divide by {@code kb} for µs/KB.
 *
 * <p>Texts ({@code text}): {@code chat}, assistant-style prose with numbers, dates, versions, amounts
 * and code but no PII (only look-alikes: the common case, nothing replaced); {@code chat-pii}, the same
 * with one PII item (e-mail, phone, card, IBAN, key…) per ~500 characters, all replaced;
 * {@code tool-json}, JSON tool arguments (records with names, e-mails, phones, ids, amounts). A pool of
 * distinct texts is taken in turn so no call sees the previous call's text.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class RedactionBenchmarks {
  static final int POOL = 64;

  @Param({"1", "16"})
  public int kb;

  @Param({"chat", "chat-pii", "tool-json"})
  public String text;

  /** {@code replace} (the default) or {@code hash} (an HMAC per finding). */
  @Param({"replace"})
  public String mode;

  private PiiRedactor redactor;
  private String[] texts;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    RedactionSettings.Builder settings = RedactionSettings.builder();
    if (mode.equals("hash")) {
      settings.mode(RedactionMode.HASH).hashKey("benchmark-key");
    } else if (!mode.equals("replace")) {
      throw new IllegalArgumentException("mode: replace or hash, not " + mode);
    }
    redactor = PiiRedactor.create(settings.build());
    Random random = new Random(20_251_125L + kb * 31L + text.hashCode());
    texts = new String[POOL];
    for (int i = 0; i < POOL; i++) {
      texts[i] = Texts.build(text, kb * 1024, random);
      String out = redactor.apply(ContentField.INPUT_MESSAGE, texts[i]);
      boolean changed = out == null || !out.equals(texts[i]);
      if (changed != !text.equals("chat")) {
        throw new IllegalStateException((changed ? "redacted" : "nothing redacted") + " in " + text + ":\n" + texts[i]);
      }
    }
  }

  @Benchmark
  public String redact() {
    int i = next;
    next = (i + 1) & (POOL - 1);
    return redactor.apply(ContentField.TOOL_CALL_ARGUMENTS, texts[i]);
  }

  /** Realistic texts of a given length, built from seeded random choices. */
  static final class Texts {
    private static final String[] PROSE = {
      "Sure! Here is a summary of the quarterly report you shared. ",
      "Revenue grew 12.5% year over year to $1,234,567, driven mostly by the EMEA region. ",
      "The release v2.14.0 (build 20240315) fixes the memory leak reported on 2024-03-15T14:22:05Z. ",
      "To reproduce, run `mvn -q verify` on Java 17.0.15 and watch the heap after 10:30:00. ",
      "Order #100234567 shipped on 15.03.2024 via UPS; expected delivery is within 3-5 business days. ",
      "In Python you can write `sorted(items, key=lambda x: x[1])` to sort by the second element. ",
      "Die Rechnung RE-2024/00123 über 1.234,56 € ist am 03.05.2024 fällig. ",
      "Le montant de 12 345,67 € sera prélevé le 15 mars 2024. ",
      "El pedido llegará entre el 12/03/2024 y el 15/03/2024, según el transportista. ",
      "注文番号は2024-0315-0042です。合計は¥12,000です。 ",
      "1. Open the settings page.\n2. Click **Security**.\n3. Enable two-factor authentication.\n",
      "| Region | Q1 | Q2 |\n|---|---|---|\n| EMEA | 1,204 | 1,388 |\n| APAC | 987 | 1,102 |\n",
      "The request id 550e8400-e29b-41d4-a716-446655440000 took 1.234 s on localhost:8080. ",
      "Commit 3f786850e387550fdab836ed7e6dc881de23001b changed 12 files (+340, -127). ",
      "Let me know if you want me to draft the follow-up email or schedule a meeting for next week. ",
      "The model gpt-4o-2024-08-06 returned 1024 tokens with temperature 0.7 and top_p 0.95. ",
      "```java\nfor (int i = 0; i < items.size(); i++) {\n  total += items.get(i).price();\n}\n```\n",
    };
    private static final String[] PII = {
      "Contact ana.garcia@example.com for details. ",
      "Call me at +1 (415) 555-2671 tomorrow. ",
      "My card is 4111 1111 1111 1111, exp 12/27. ",
      "IBAN: DE89 3704 0044 0532 0130 00. ",
      "SSN 123-45-6789 on file. ",
      "The server 10.20.30.40 refused the connection. ",
      "Key sk-proj-AbC123dEf456GhI789jKl012MnO345pQr678StU901vWx234 leaked. ",
      "Authorization: Bearer abcDEF123456ghiJKL789mnoPQR. ",
      "Tel.: 030/1234567, Fax 089 7654321. ",
      "連絡先はtaro@example.co.jpです。 ",
    };
    private static final String[] FIRST = {"Ana", "Li", "Yuki", "Hans", "Chloe", "Diego", "Wei", "Sofia"};

    static String build(String kind, int length, Random random) {
      StringBuilder b = new StringBuilder(length + 256);
      if (kind.equals("tool-json")) {
        b.append("{\"customers\":[");
        for (int i = 0; b.length() < length - 2; i++) {
          String name = FIRST[random.nextInt(FIRST.length)];
          b.append(i > 0 ? "," : "").append("{\"id\":\"C-").append(1000 + random.nextInt(9000))
              .append("\",\"name\":\"").append(name).append("\",\"email\":\"").append(name.toLowerCase())
              .append('.').append(random.nextInt(1000)).append("@example.com\",\"phone\":\"+44 20 7946 ")
              .append(1000 + random.nextInt(9000)).append("\",\"balance\":").append(random.nextInt(100000) / 100.0)
              .append(",\"since\":\"2023-0").append(1 + random.nextInt(9)).append("-1").append(random.nextInt(10))
              .append("\",\"notes\":\"prefers contact after 18:00\\nVIP\"}");
        }
        return b.append("]}").toString();
      }
      boolean pii = kind.equals("chat-pii");
      int nextPii = 250 + random.nextInt(250);
      while (b.length() < length) {
        if (pii && b.length() >= nextPii) {
          b.append(PII[random.nextInt(PII.length)]);
          nextPii = b.length() + 300 + random.nextInt(400);
        } else {
          b.append(PROSE[random.nextInt(PROSE.length)]);
        }
      }
      b.setLength(length);
      // never end inside a PII item or a surrogate pair
      while (b.length() > 0 && !Character.isWhitespace(b.charAt(b.length() - 1))) {
        b.setLength(b.length() - 1);
      }
      return b.toString();
    }

    private Texts() {}
  }
}

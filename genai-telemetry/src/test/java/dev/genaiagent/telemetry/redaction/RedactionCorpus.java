package dev.genaiagent.telemetry.redaction;

import dev.genaiagent.telemetry.redaction.PiiValues.Value;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The labelled corpus: generated positives (valid values planted in English, German, French, Spanish,
 * Japanese and Chinese sentences, JSON tool arguments, log lines and markdown), hand-written
 * positives and clean texts from {@code redaction/*.txt}, and a clean corpus of look-alikes in the same
 * contexts. Seeded: the same corpus every run.
 */
final class RedactionCorpus {

  /** What a detector must cover: {@code [start, end)} of the sample text. */
  record Planted(String detector, int start, int end, String format) {}

  record Sample(String text, List<Planted> planted, String context) {}

  /** A slot in surrounding text; {@code json}: the slot is inside a JSON string, so the value is escaped. */
  record Context(String name, String before, String after, boolean json) {}

  static final List<Context> CONTEXTS = List.of(
      new Context("en", "Hi, could you update my record to ", " please?", false),
      new Context("en", "The customer wrote: \"my details are ", "\" and asked for a callback.", false),
      new Context("en", "Noted ", " in the CRM at 10:42 today.", false),
      new Context("en", "", "", false),
      new Context("en", "Can you check ", " against our records before Friday?", false),
      new Context("de", "Bitte verwenden Sie ab sofort ", " für alle Rückfragen.", false),
      new Context("de", "Laut Formular lautet die Angabe ", " (Stand 03.05.2024).", false),
      new Context("fr", "Merci d'utiliser ", " pour toute correspondance future.", false),
      new Context("fr", "Le client a indiqué ", " dans le formulaire n° 4521.", false),
      new Context("es", "Por favor, usa ", " para contactar con el cliente.", false),
      new Context("es", "El usuario nos envió ", " el 12/03/2024.", false),
      new Context("ja", "お客様の情報は", "です。確認をお願いします。", false),
      new Context("ja", "", " に連絡してください。", false),
      new Context("zh", "客户的信息是", "，请核实。", false),
      new Context("zh", "请把", "记录到系统里。", false),
      new Context("log", "2024-05-03T10:15:22.123Z INFO  [http-nio-8080-exec-3] c.a.UserService - lookup value=", " took=12ms", false),
      new Context("log", "May  3 10:15:22 web-01 app[2211]: user lookup ok (", ") status=200", false),
      new Context("log", "[2024-05-03 10:15:22,481] WARN request 7f3a9c2e failed for ", ", retrying in 250 ms", false),
      new Context("markdown", "| Ana García | ", " | active |", false),
      new Context("markdown", "- **Contact:** ", "", false),
      new Context("markdown", "> Customer note: ", "\n> Priority: high", false),
      new Context("markdown", "1. Verify `", "` before shipping order #10293.", false),
      new Context("json", "{\"customer_id\":\"C-1042\",\"contact\":\"", "\",\"notes\":\"called twice\"}", true),
      new Context("json", "{\"query\":\"find invoices for ", "\",\"limit\":10,\"include_archived\":false}", true),
      new Context("json", "[{\"role\":\"user\",\"content\":\"My details: ", "\"}]", true),
      new Context("json", "{\"tool\":\"crm.update\",\"arguments\":{\"field\":\"contact\",\"value\":\"", "\"}}", true));

  /** Generated positives: {@code perDetector} values of each structured detector, plus mixed messages. */
  static List<Sample> positives(long seed, int perDetector) {
    Random random = new Random(seed);
    PiiValues values = new PiiValues(random);
    List<Function<PiiValues, Value>> generators = List.of(PiiValues::email, PiiValues::phone, PiiValues::card,
        PiiValues::iban, PiiValues::ssn, PiiValues::ipv4, PiiValues::ipv6, PiiValues::jwt, PiiValues::secret);
    List<Sample> samples = new ArrayList<>();
    for (Function<PiiValues, Value> generator : generators) {
      for (int i = 0; i < perDetector; i++) {
        samples.add(single(generator.apply(values), CONTEXTS.get(random.nextInt(CONTEXTS.size()))));
      }
    }
    // Several values of different kinds in one longer message or JSON object.
    for (int i = 0; i < perDetector; i++) {
      List<Value> mixed = new ArrayList<>();
      int count = 2 + random.nextInt(3);
      for (int k = 0; k < count; k++) {
        mixed.add(generators.get(random.nextInt(generators.size())).apply(values));
      }
      samples.add(random.nextBoolean() ? message(mixed, random) : jsonObject(mixed));
    }
    return samples;
  }

  /** Phone formats the detector does not target by design; measured and reported, not asserted. */
  static List<Sample> untargetedPhones(long seed, int count) {
    Random random = new Random(seed);
    PiiValues values = new PiiValues(random);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      samples.add(single(values.untargetedPhone(), CONTEXTS.get(random.nextInt(CONTEXTS.size()))));
    }
    return samples;
  }

  /** Look-alikes, one or two per sample, in the same contexts as the positives. */
  static List<Sample> clean(long seed, int count) {
    Random random = new Random(seed);
    LookAlikes lookAlikes = new LookAlikes(random);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      LookAlikes.LookAlike a = lookAlikes.next();
      String text = a.text();
      String category = a.category();
      if (random.nextInt(3) == 0) {
        LookAlikes.LookAlike b = lookAlikes.next();
        text = random.nextInt(2) == 0 ? text + ", " + b.text() : text + " / " + b.text();
        category = category + " + " + b.category();
      }
      Context c = CONTEXTS.get(random.nextInt(CONTEXTS.size()));
      samples.add(new Sample(c.before() + (c.json() ? jsonEscape(text) : text) + c.after(), List.of(), category + " in " + c.name()));
    }
    return samples;
  }

  private static Sample single(Value v, Context c) {
    String before = v.fragment().substring(0, v.from());
    String secret = v.fragment().substring(v.from(), v.to());
    String after = v.fragment().substring(v.to());
    if (c.json()) {
      before = jsonEscape(before);
      secret = jsonEscape(secret);
      after = jsonEscape(after);
    }
    int start = c.before().length() + before.length();
    String text = c.before() + before + secret + after + c.after();
    return new Sample(text, List.of(new Planted(v.detector(), start, start + secret.length(), v.format())), c.name());
  }

  private static final String[] OPENERS = {
    "Hi team, the customer gave us ", "Update from the call: ", "Kundendaten: ", "Données client : ", "お客様の連絡先：", "客户资料："
  };
  private static final String[] CONNECTIVES = {
    ". Also ", " and later ", "; her colleague sent ", " — see ", ".\nUpdated: ", " (backup: ", ", plus ",
    ". Der Kunde nannte außerdem ", ". Il a aussi donné ", ". También ", "。また、", "，以及"
  };

  private static Sample message(List<Value> mixed, Random random) {
    StringBuilder text = new StringBuilder();
    List<Planted> planted = new ArrayList<>();
    for (Value v : mixed) {
      text.append(text.length() == 0 ? OPENERS[random.nextInt(OPENERS.length)] : CONNECTIVES[random.nextInt(CONNECTIVES.length)]);
      int start = text.length() + v.from();
      text.append(v.fragment());
      planted.add(new Planted(v.detector(), start, start + v.to() - v.from(), v.format()));
    }
    text.append(". Thanks!");
    return new Sample(text.toString(), planted, "mixed message");
  }

  private static Sample jsonObject(List<Value> mixed) {
    StringBuilder text = new StringBuilder("{\"request_id\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",\"fields\":{");
    List<Planted> planted = new ArrayList<>();
    for (int k = 0; k < mixed.size(); k++) {
      Value v = mixed.get(k);
      text.append(k > 0 ? "," : "").append("\"f").append(k).append("\":\"");
      String before = jsonEscape(v.fragment().substring(0, v.from()));
      String secret = jsonEscape(v.fragment().substring(v.from(), v.to()));
      text.append(before);
      int start = text.length();
      text.append(secret).append(jsonEscape(v.fragment().substring(v.to()))).append('"');
      planted.add(new Planted(v.detector(), start, start + secret.length(), v.format()));
    }
    text.append("},\"page\":1}");
    return new Sample(text.toString(), planted, "mixed json");
  }

  static String jsonEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * Hand-written samples, one per line ({@code #} comments, {@code ⏎} for a line break), PII marked
   * {@code [[detector|value]]}; in a clean file nothing is marked.
   */
  static List<Sample> handwritten(String resource) {
    List<Sample> samples = new ArrayList<>();
    try (InputStream in = RedactionCorpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        StringBuilder text = new StringBuilder();
        List<Planted> planted = new ArrayList<>();
        String rest = line.replace("⏎", "\n");
        int open;
        while ((open = rest.indexOf("[[")) >= 0) {
          int close = rest.indexOf("]]", open);
          int bar = rest.indexOf('|', open);
          text.append(rest, 0, open);
          String detector = rest.substring(open + 2, bar);
          String value = rest.substring(bar + 1, close);
          planted.add(new Planted(detector, text.length(), text.length() + value.length(), "hand-written"));
          text.append(value);
          rest = rest.substring(close + 2);
        }
        text.append(rest);
        samples.add(new Sample(text.toString(), planted, "hand-written"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return samples;
  }
}

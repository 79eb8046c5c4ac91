package dev.genaiagent.telemetry.redaction;

import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Values that look like PII to a naive pattern but are not: ids, timestamps, versions, amounts, hashes,
 * tracking numbers, numbers failing Luhn or mod 97, invalid SSNs and addresses, code. Each with its
 * category, for the clean corpus.
 */
final class LookAlikes {
  record LookAlike(String category, String text) {}

  private final Random random;
  private final PiiValues values;

  LookAlikes(Random random) {
    this.random = random;
    this.values = new PiiValues(random);
  }

  static final String[] CATEGORIES = {
    "order number", "invoice id", "uuid", "timestamp", "date", "time", "version", "amount", "tracking number",
    "luhn-invalid card", "iban bad checksum", "hash", "semver", "port", "math", "invalid ssn", "invalid ip",
    "mac address", "code", "email-like", "jwt-like", "secret-like", "isbn", "postal code and ranges",
    "plain long id", "coordinates", "model name", "phone-like counts"
  };

  LookAlike next() {
    String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
    return new LookAlike(category, make(category));
  }

  private int r(int bound) {
    return random.nextInt(bound);
  }

  private String d(int count) {
    return values.digits(count);
  }

  private String hex(int count) {
    return values.alnum(count, "0123456789abcdef");
  }

  String make(String category) {
    switch (category) {
      case "order number":
        return values.pick("ORD-" + (2019 + r(6)) + "-" + d(6), "#" + (1 + r(9)) + d(8), "PO " + "45000" + d(5),
            "Bestellnummer " + (1 + r(9)) + d(9), "commande n° " + (2019 + r(6)) + "-" + d(2) + "-" + d(6),
            "order " + (1 + r(9)) + d(6) + "-" + d(2), "Auftrag " + (1 + r(9)) + d(3) + "/" + d(5));
      case "invoice id":
        return values.pick("INV-" + (2019 + r(6)) + "-" + d(4), "RE-" + (2019 + r(6)) + "/" + d(5), "Facture F" + (2019 + r(6)) + "-" + d(4),
            "invoice no. " + (1 + r(9)) + d(7), "Factura " + (2019 + r(6)) + "-" + d(3) + "-" + d(5));
      case "uuid":
        return new UUID(random.nextLong(), random.nextLong()).toString();
      case "timestamp": {
        String date = (2019 + r(6)) + "-" + two(1 + r(12)) + "-" + two(1 + r(28));
        String time = two(r(24)) + ":" + two(r(60)) + ":" + two(r(60));
        return values.pick(date + "T" + time + "Z", date + "T" + time + "." + d(3) + "+02:00", date + " " + time + "," + d(3),
            "1" + (6 + r(4)) + d(8), "1" + (6 + r(4)) + d(11), "Fri, " + (1 + r(28)) + " Mar 2024 " + time + " GMT",
            "Mar " + (1 + r(28)) + " " + time, date + " " + time, "20" + (19 + r(6)) + two(1 + r(12)) + two(1 + r(28)) + "T" + two(r(24)) + two(r(60)) + two(r(60)));
      }
      case "date":
        return values.pick(two(1 + r(28)) + "." + two(1 + r(12)) + "." + (2019 + r(6)), two(1 + r(12)) + "/" + two(1 + r(28)) + "/" + (2019 + r(6)),
            (2019 + r(6)) + "-" + two(1 + r(12)) + "-" + two(1 + r(28)), (1 + r(28)) + " mars " + (2019 + r(6)),
            (2019 + r(6)) + "年" + (1 + r(12)) + "月" + (1 + r(28)) + "日", two(1 + r(28)) + "-" + two(1 + r(12)) + "-" + (2019 + r(6)),
            two(1 + r(28)) + "/" + two(1 + r(12)) + "/" + (2019 + r(6)) + " " + two(r(24)) + ":" + two(r(60)),
            two(1 + r(28)) + "." + two(1 + r(12)) + "." + (2019 + r(6)) + " " + two(r(24)) + ":" + two(r(60)));
      case "time":
        return values.pick(two(r(24)) + ":" + two(r(60)) + ":" + two(r(60)), two(r(24)) + ":" + two(r(60)),
            two(r(24)) + ":" + two(r(60)) + ":" + two(r(60)) + "." + d(3), "T+" + two(r(24)) + ":" + two(r(60)),
            r(3) + ":" + two(r(60)) + ":" + two(r(60)) + " elapsed");
      case "version":
        return values.pick((r(20)) + "." + r(30) + "." + r(100), "v" + r(5) + "." + r(30) + "." + r(10), "10.0.19041." + r(5000),
            "17.0." + r(20) + "+" + r(10), "Chrome/120.0.6099." + r(300), "4.0.30319.42000", "version 1.0.0.0", "version " + r(9) + "." + r(9) + "." + r(9) + "." + r(9),
            "Version " + r(5) + "." + r(20) + "." + r(10) + "." + r(1000), "build " + r(9) + "." + r(9) + "." + r(99) + "." + r(999));
      case "amount":
        return values.pick("$" + (1 + r(999)) + "," + d(3) + "." + d(2), (1 + r(999)) + "." + d(3) + "," + d(2) + " €", (1 + r(99)) + " " + d(3) + "," + d(2) + " €",
            "¥" + (1 + r(99)) + "," + d(3), "USD " + (1 + r(9)) + "," + d(3) + "," + d(3) + ".00", (1 + r(9)) + " " + d(3) + " " + d(3) + " €",
            "+" + (1 + r(50)) + "." + r(10) + "%", "-" + (1 + r(9)) + "," + d(3) + ".00", (1 + r(99)) + " " + d(3) + " " + d(3) + " " + d(3) + " FCFA",
            "€ " + (1 + r(9)) + "." + d(3) + "." + d(3) + ",00");
      case "tracking number":
        return values.pick("1Z" + values.alnum(6, PiiValues.UPPER_DIGITS) + d(10), "7489 " + d(4) + " " + d(4), "9400 1000 0000 " + d(4) + " " + d(4) + " " + d(2),
            "9205 5" + d(3) + " " + d(4) + " " + d(4) + " " + d(4) + " " + d(2), "JD0146" + d(12), "DHL " + d(10), "LX" + d(9) + "DE",
            "FedEx " + d(12), "RR" + d(9) + "CN");
      case "luhn-invalid card": {
        String c = values.luhnInvalidCard();
        return values.pick(c, PiiValues.group(c, " ", 4, 4, 4, 4), PiiValues.group(c, "-", 4, 4, 4, 4));
      }
      case "iban bad checksum": {
        String iban = values.ibanCompact(false);
        return r(2) == 0 ? iban : PiiValues.spaced(iban);
      }
      case "hash":
        return values.pick(hex(40), hex(64), hex(7), hex(32), "sha256:" + hex(64), "commit " + hex(12), hex(40).toUpperCase(Locale.ROOT));
      case "semver":
        return values.pick(r(5) + "." + r(20) + "." + r(10) + "-rc." + r(5) + "+build." + r(100), "^" + r(5) + "." + r(20) + "." + r(10),
            ">=" + r(5) + "." + r(20) + ", <" + (r(5) + 1) + ".0", "~" + r(3) + "." + r(9) + "." + r(9) + "-beta." + r(9));
      case "port":
        return values.pick("localhost:" + (1024 + r(60000)), "port " + (1024 + r(60000)), ":" + values.pick("443", "8080", "5432", "6379"),
            "EXPOSE " + (1024 + r(60000)), "--port=" + (1024 + r(60000)));
      case "math":
        return values.pick("3.14159", "2^32 = 4294967296", "x = " + r(100) + " + " + r(100), "(" + r(100) + ") + (" + r(100) + ")",
            "1/3 ≈ 0.333", "e = 2.71828", "f(x) = 3x^2 + 2x + 1", r(10) + " × " + r(10) + " = " + r(100), r(20) + ":" + r(20) + " ratio",
            "sqrt(2) = 1.41421356237", "[" + r(9) + ", " + r(9) + ", " + r(9) + "]", "10^-9", "1.0e-6", r(1000) + " ± " + r(10));
      case "invalid ssn":
        return values.pick("000-" + d(2) + "-" + d(4).replace('0', '1'), "666-" + two(1 + r(99)) + "-" + (1000 + r(9000)),
            "9" + d(2) + "-" + two(1 + r(99)) + "-" + (1000 + r(9000)), (100 + r(800)) + "-00-" + (1000 + r(9000)),
            (100 + r(500)) + "-" + two(1 + r(99)) + "-0000");
      case "invalid ip":
        return values.pick((256 + r(700)) + "." + r(256) + "." + r(256) + "." + r(256), r(256) + "." + r(256) + "." + r(256),
            "1.2.3.4.5", r(256) + "." + r(256) + "." + r(256) + "." + (300 + r(600)), "192.168.001.001");
      case "mac address":
        return values.pick(mac(":"), mac("-"), mac(":").toUpperCase(Locale.ROOT));
      case "code":
        return values.pick("std::vector<int>", "Foo::Bar.baz()", "x :: Int -> Int", "a::b::c", "Rails::Application",
            "if (a == b) { return c; }", "map.put(\"key\", value);", "for i in range(10):", "SELECT * FROM t WHERE id = 42",
            "arr[3:7]", "a ? b : c", "x => x * 2", "@Override", "obj?.prop ?? 0", "Dead::Beef");
      case "email-like":
        return values.pick("@username", "icon@2x.png", "user@localhost", "npm i @scope/pkg", "a @ b", "@Override", "cc: @team-lead",
            "logo@3x.jpg", "git@github", "foo@bar", "@" + d(3), "name (at) example (dot) com");
      case "jwt-like":
        return values.pick("eyJhbGciOi", "eyJ", PiiValues.b64url("hello world " + d(5)), "eyJhbGciOiJIUzI1NiJ9",
            "eyJhbGciOiJIUzI1NiJ9.truncated", "data:image/png;base64," + values.alnum(40, PiiValues.ALNUM + "+/"));
      case "secret-like":
        return values.pick("sk-learn", "task-" + d(4), "ghp_short", "Bearer token authentication", "password: ********",
            "api_key: ${OPENAI_API_KEY}", "\"max_tokens\": " + (64 + r(4000)), "token_count=" + d(4), "password_min_length: 8",
            "\"next_page_token\": \"" + values.alnum(6, PiiValues.ALNUM) + "\"", "risk-free", "AKIA", "ASIA Pacific", "sk-" + r(9),
            "-----BEGIN CERTIFICATE-----\nMIIB" + values.alnum(40, PiiValues.ALNUM) + "\n-----END CERTIFICATE-----",
            "-----BEGIN PUBLIC KEY-----", "password: <redacted>", "\"password\": null", "secret_name: prod-db",
            "the bearer of this letter", "tokens: 1234", "\"is_secret\": true", "passwordless login", "api_key=\"\"",
            "\"token_type\": \"Bearer\"", "--password-file ./pw.txt", "sk-proj-", "xoxb-");
      case "isbn":
        return values.pick("978-3-16-148410-0", "ISBN 0-306-40615-2", "ISBN-13: 978-0-596-52068-7", "ISSN 0317-8471");
      case "postal code and ranges":
        return values.pick("75008 Paris", "10115 Berlin", "D-80331 München", "SW1A 1AA", "sort code 12-34-56", "SKU 000123-45",
            "2019-2024", "1999–2003", "pp. 123-145", "score 3-2", "(2024)", "CA 94103", "28013 Madrid", "〒100-0001",
            "Postfach 10 20 30", "Zimmer 4.112");
      case "plain long id":
        return values.pick("1" + d(18), "1" + d(17), d(20), "id " + (1 + r(9)) + d(11), "user_id=" + d(10), "#" + d(12),
            "row " + (1 + r(9)) + d(7), "ticket " + (1 + r(9)) + d(5));
      case "coordinates":
        return values.pick("48.8566, 2.3522", "37.7749° N, 122.4194° W", "(" + r(90) + "." + d(4) + ", " + r(180) + "." + d(4) + ")",
            "lat=" + r(90) + "." + d(6) + "&lon=" + r(180) + "." + d(6));
      case "model name":
        return values.pick("gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022", "gemini-1.5-pro-002", "llama-3.1-70b",
            "text-embedding-3-small", "o1-2024-12-17", "mistral-large-2407");
      default: // phone-like counts
        return values.pick((1 + r(9)) + d(2) + " " + d(3) + " " + d(3) + " users", "1 234 567 views", (1 + r(9)) + "-" + d(3) + "-" + d(3),
            "0.5 0.25 0.125", (1 + r(9)) + d(2) + " " + d(3) + " " + d(3) + " " + d(3), "12 34 56 78 90 11", "00 00 00",
            "+" + (1 + r(9)) + " " + d(3) + " " + d(3), "ext. " + d(4), "1-2-3-4-5-6-7-8", "(" + d(4) + ") " + d(4));
    }
  }

  private static String two(int v) {
    return String.format("%02d", v);
  }

  private String mac(String sep) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      b.append(i > 0 ? sep : "").append(hex(2));
    }
    return b.toString();
  }
}

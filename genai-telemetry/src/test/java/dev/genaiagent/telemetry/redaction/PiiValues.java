package dev.genaiagent.telemetry.redaction;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Valid PII values generated from their rules (Luhn, ISO 13616 mod 97, SSA, national phone plans),
 * each as a text fragment with the span that must be redacted ({@code Bearer <token>}: the token only).
 */
final class PiiValues {

  /** A fragment to plant and the part of it a detector must cover. */
  record Value(String detector, String fragment, int from, int to, String format) {
    static Value whole(String detector, String fragment, String format) {
      return new Value(detector, fragment, 0, fragment.length(), format);
    }

    static Value part(String detector, String prefix, String secret, String suffix, String format) {
      return new Value(detector, prefix + secret + suffix, prefix.length(), prefix.length() + secret.length(), format);
    }
  }

  private final Random random;

  PiiValues(Random random) {
    this.random = random;
  }

  // ---- helpers

  String digits(int count) {
    StringBuilder b = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      b.append((char) ('0' + random.nextInt(10)));
    }
    return b.toString();
  }

  String digitsFrom(String first, int count) {
    return first.charAt(random.nextInt(first.length())) + digits(count - 1);
  }

  String alnum(int count, String alphabet) {
    StringBuilder b = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static final String URL_SAFE = ALNUM + "-_";
  static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  @SafeVarargs
  final <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  /** Groups {@code digits} by the sizes given, joined by {@code sep}. */
  static String group(String digits, String sep, int... sizes) {
    StringBuilder b = new StringBuilder();
    int p = 0;
    for (int size : sizes) {
      if (p > 0) {
        b.append(sep);
      }
      b.append(digits, p, p + size);
      p += size;
    }
    if (p != digits.length()) {
      throw new IllegalArgumentException(digits + " is not " + java.util.Arrays.toString(sizes));
    }
    return b.toString();
  }

  // ---- e-mail

  private static final List<String> FIRST = List.of("john", "maria", "li", "yuki", "hans", "chloe", "diego", "anna",
      "wei", "sofia", "pierre", "lena", "kenji", "lucia", "omar", "emma", "zhang", "francois", "jürgen".replace("ü", "u"));
  private static final List<String> LAST = List.of("smith", "garcia", "mueller", "dubois", "tanaka", "wang", "rossi",
      "novak", "kowalski", "schmidt", "martin", "lopez", "sato", "chen", "oconnor", "van-dijk");
  private static final List<String> DOMAINS = List.of("example.com", "mail.example.org", "gmail.com", "outlook.fr",
      "firma.de", "empresa.es", "company.co.jp", "qq.com", "sub.domain.io", "uni-heidelberg.de", "corp.example.co.uk",
      "startup.ai", "yahoo.co.jp", "web.de", "orange.fr", "163.com", "protonmail.ch", "acme-industries.com");

  Value email() {
    String first = pick(FIRST);
    String last = pick(LAST);
    String local = switch (random.nextInt(7)) {
      case 0 -> first + "." + last;
      case 1 -> first.charAt(0) + last;
      case 2 -> first + "_" + last + random.nextInt(100);
      case 3 -> first + "+" + pick("news", "work", "shop", "2024") ;
      case 4 -> (first + "." + last).toUpperCase(Locale.ROOT);
      case 5 -> first + random.nextInt(10000);
      default -> first + "-" + last + "." + pick("dev", "ops", "hr");
    };
    String domain = pick(DOMAINS);
    if (random.nextInt(6) == 0) {
      domain = domain.substring(0, 1).toUpperCase(Locale.ROOT) + domain.substring(1);
    }
    return Value.whole("email", local + "@" + domain, "email");
  }

  // ---- payment cards

  private record Brand(String name, String[] prefixes, int[] lengths) {}

  private static final List<Brand> BRANDS = List.of(
      new Brand("visa", new String[] {"4"}, new int[] {16, 16, 16, 13, 19}),
      new Brand("mastercard", new String[] {"51", "52", "53", "54", "55", "2221", "2500", "2720"}, new int[] {16}),
      new Brand("amex", new String[] {"34", "37"}, new int[] {15}),
      new Brand("discover", new String[] {"6011", "65", "644"}, new int[] {16}),
      new Brand("jcb", new String[] {"3528", "3566", "3589"}, new int[] {16}),
      new Brand("diners", new String[] {"36", "300", "305"}, new int[] {14}),
      new Brand("unionpay", new String[] {"62"}, new int[] {16, 17, 18, 19}),
      new Brand("maestro", new String[] {"6759", "5018", "6304"}, new int[] {16}));

  String luhnComplete(String partial) {
    int sum = 0;
    boolean doubled = true;
    for (int k = partial.length() - 1; k >= 0; k--) {
      int d = partial.charAt(k) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return partial + (char) ('0' + (10 - sum % 10) % 10);
  }

  String cardDigits(Brand brand, int length) {
    String prefix = pick(brand.prefixes());
    return luhnComplete(prefix + digits(length - prefix.length() - 1));
  }

  Value card() {
    Brand brand = pick(BRANDS);
    int length = brand.lengths()[random.nextInt(brand.lengths().length)];
    String d = cardDigits(brand, length);
    String sep = pick(" ", "-", " ", "");
    String text;
    String format;
    if (sep.isEmpty()) {
      text = d;
      format = "card compact " + length;
    } else {
      format = "card " + brand.name() + " grouped '" + sep + "'";
      text = switch (length) {
        case 13 -> group(d, sep, 4, 4, 5);
        case 14 -> group(d, sep, 4, 6, 4);
        case 15 -> group(d, sep, 4, 6, 5);
        case 16 -> group(d, sep, 4, 4, 4, 4);
        case 17 -> group(d, sep, 4, 4, 4, 5);
        case 18 -> group(d, sep, 4, 4, 4, 6);
        default -> group(d, sep, 4, 4, 4, 4, 3);
      };
    }
    return Value.whole("credit_card", text, format);
  }

  /** A 16-digit number with a card prefix that fails Luhn. */
  String luhnInvalidCard() {
    String valid = cardDigits(BRANDS.get(random.nextInt(2)), 16);
    int last = valid.charAt(15) - '0';
    return valid.substring(0, 15) + (char) ('0' + (last + 1 + random.nextInt(9)) % 10);
  }

  // ---- IBAN

  /** Country, BBAN pattern: n digit, a upper-case letter, c alphanumeric (ISO 13616 registry formats). */
  private static final List<String[]> IBAN_FORMATS = List.of(
      new String[] {"DE", "18n"}, new String[] {"GB", "4a14n"}, new String[] {"FR", "10n11c2n"},
      new String[] {"ES", "20n"}, new String[] {"IT", "1a10n12c"}, new String[] {"NL", "4a10n"},
      new String[] {"BE", "12n"}, new String[] {"CH", "5n12c"}, new String[] {"AT", "16n"},
      new String[] {"PL", "24n"}, new String[] {"SE", "20n"}, new String[] {"NO", "11n"},
      new String[] {"IE", "4a14n"}, new String[] {"PT", "21n"}, new String[] {"LU", "3n13c"},
      new String[] {"DK", "14n"}, new String[] {"FI", "14n"}, new String[] {"CZ", "20n"},
      new String[] {"GR", "7n16c"}, new String[] {"MT", "4a5n18c"}, new String[] {"SA", "2n18c"},
      new String[] {"BR", "23n1a1c"});

  String bban(String format) {
    StringBuilder b = new StringBuilder();
    int count = 0;
    for (char c : format.toCharArray()) {
      if (Character.isDigit(c)) {
        count = count * 10 + (c - '0');
      } else {
        String alphabet = c == 'n' ? "0123456789" : c == 'a' ? UPPER : UPPER_DIGITS;
        b.append(alnum(count, alphabet));
        count = 0;
      }
    }
    return b.toString();
  }

  static int mod97(String rearranged) {
    int rest = 0;
    for (char c : rearranged.toCharArray()) {
      if (Character.isDigit(c)) {
        rest = (rest * 10 + (c - '0')) % 97;
      } else {
        rest = (rest * 100 + (c - 'A' + 10)) % 97;
      }
    }
    return rest;
  }

  /** A compact IBAN with a correct check (or, when {@code valid} is false, a wrong one). */
  String ibanCompact(boolean valid) {
    String[] f = pick(IBAN_FORMATS);
    String bban = bban(f[1]);
    int check = 98 - mod97(bban + f[0] + "00");
    if (!valid) {
      check = (check + 1 + random.nextInt(90)) % 97 + 2; // any other check digits in 02..98
      if (mod97(bban + f[0] + String.format("%02d", check)) == 1) {
        check = check == 98 ? 2 : check + 1;
      }
    }
    return f[0] + String.format("%02d", check) + bban;
  }

  static String spaced(String compact) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < compact.length(); i += 4) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(compact, i, Math.min(compact.length(), i + 4));
    }
    return b.toString();
  }

  Value iban() {
    String compact = ibanCompact(true);
    boolean spaced = random.nextBoolean();
    return Value.whole("iban", spaced ? spaced(compact) : compact, spaced ? "iban spaced" : "iban compact");
  }

  // ---- US SSN

  String ssnDigits() {
    int area;
    do {
      area = 1 + random.nextInt(899);
    } while (area == 666);
    return String.format("%03d%02d%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
  }

  Value ssn() {
    String d = ssnDigits();
    boolean dashes = random.nextInt(10) < 8;
    return Value.whole("us_ssn", group(d, dashes ? "-" : " ", 3, 2, 4), dashes ? "ssn dashes" : "ssn spaces");
  }

  // ---- phones

  private String nanpArea() {
    return digitsFrom("23456789", 1) + digits(2);
  }

  /** Formats the phone detector targets (see DigitRuns). */
  Value phone() {
    String a = nanpArea();
    String e = digitsFrom("23456789", 1) + digits(2);
    String l = digits(4);
    String[] entry = switch (random.nextInt(40)) {
      case 0 -> new String[] {"(" + a + ") " + e + "-" + l, "us (415) 555-2671"};
      case 1 -> new String[] {a + "-" + e + "-" + l, "us 415-555-2671"};
      case 2 -> new String[] {a + "." + e + "." + l, "us 415.555.2671"};
      case 3 -> new String[] {a + " " + e + " " + l, "us 415 555 2671"};
      case 4 -> new String[] {"+1 " + a + " " + e + " " + l, "us +1 415 555 2671"};
      case 5 -> new String[] {"+1-" + a + "-" + e + "-" + l, "us +1-415-555-2671"};
      case 6 -> new String[] {"+1" + a + e + l, "e164 +14155552671"};
      case 7 -> new String[] {"1-" + pick("800", "888", "877") + "-" + e + "-" + l, "us 1-800-555-0199"};
      case 8 -> new String[] {"+1 (" + a + ") " + e + "-" + l, "us +1 (415) 555-2671"};
      case 9 -> new String[] {"+44 20 " + digits(4) + " " + digits(4), "uk +44 20 7946 0958"};
      case 10 -> new String[] {"020 " + digits(4) + " " + digits(4), "uk 020 7946 0958"};
      case 11 -> new String[] {"07" + digits(3) + " " + digits(6), "uk 07700 900123"};
      case 12 -> new String[] {"+44 7" + digits(3) + " " + digits(6), "uk +44 7700 900123"};
      case 13 -> new String[] {"0161 " + digits(3) + " " + digits(4), "uk 0161 496 0000"};
      case 14 -> new String[] {"+44 (0)20 " + digits(4) + " " + digits(4), "uk +44 (0)20 7946 0958"};
      case 15 -> new String[] {"0" + pick("1", "2", "3", "4", "5", "6", "7", "9") + " " + group(digits(8), " ", 2, 2, 2, 2), "fr 06 12 34 56 78"};
      case 16 -> new String[] {"+33 " + pick("6", "7", "1") + " " + group(digits(8), " ", 2, 2, 2, 2), "fr +33 6 12 34 56 78"};
      case 17 -> new String[] {"0" + pick("1", "6") + "." + group(digits(8), ".", 2, 2, 2, 2), "fr 01.23.45.67.89"};
      case 18 -> new String[] {"+49 30 " + digits(6 + random.nextInt(2)), "de +49 30 123456"};
      case 19 -> new String[] {"030/" + digits(7), "de 030/1234567"};
      case 20 -> new String[] {"030 " + digits(8), "de 030 12345678"};
      case 21 -> new String[] {"015" + digits(1) + " " + digits(8), "de 0151 23456789"};
      case 22 -> new String[] {"(0" + pick("30", "89", "40", "221") + ") " + digits(7), "de (030) 1234567"};
      case 23 -> new String[] {"+49 (0)" + pick("30", "89") + " " + digits(7), "de +49 (0)30 1234567"};
      case 24 -> new String[] {"089 " + digits(7), "de 089 1234567"};
      case 25 -> new String[] {"0049 30 " + digits(7), "de 0049 30 1234567"};
      case 26 -> new String[] {"+34 6" + digits(2) + " " + group(digits(6), " ", 2, 2, 2), "es +34 612 34 56 78"};
      case 27 -> new String[] {"6" + digits(2) + " " + group(digits(6), " ", 2, 2, 2), "es 612 34 56 78"};
      case 28 -> new String[] {"+34 9" + digits(2) + " " + digits(3) + " " + digits(3), "es +34 912 345 678"};
      case 29 -> new String[] {"03-" + digits(4) + "-" + digits(4), "jp 03-1234-5678"};
      case 30 -> new String[] {"0" + pick("90", "80", "70") + "-" + digits(4) + "-" + digits(4), "jp 090-1234-5678"};
      case 31 -> new String[] {"+81 3-" + digits(4) + "-" + digits(4), "jp +81 3-1234-5678"};
      case 32 -> new String[] {"0120-" + digits(3) + "-" + digits(3), "jp 0120-123-456"};
      case 33 -> new String[] {"+86 1" + pick("3", "5", "8") + digits(1) + " " + digits(4) + " " + digits(4), "cn +86 138 0013 8000"};
      case 34 -> new String[] {"1" + pick("3", "5", "8", "9") + digits(1) + " " + digits(4) + " " + digits(4), "cn 138 0013 8000"};
      case 35 -> new String[] {"010-" + digits(8), "cn 010-12345678"};
      case 36 -> new String[] {"(11) 9" + digits(4) + "-" + digits(4), "br (11) 91234-5678"};
      case 37 -> new String[] {"+55 11 9" + digits(4) + "-" + digits(4), "br +55 11 91234-5678"};
      case 38 -> new String[] {"+39 06 " + digits(4) + " " + digits(4), "it +39 06 1234 5678"};
      default -> new String[] {"+39 3" + digits(2) + " " + digits(3) + " " + digits(4), "it +39 347 123 4567"};
    };
    return Value.whole("phone", entry[0], entry[1]);
  }

  /** Formats deliberately not targeted (indistinguishable from ids without context): reported, not asserted. */
  Value untargetedPhone() {
    String[] entry = switch (random.nextInt(4)) {
      case 0 -> new String[] {nanpArea() + digitsFrom("23456789", 1) + digits(6), "us bare 4155552671"};
      case 1 -> new String[] {"06" + digits(8), "fr bare 0612345678"};
      case 2 -> new String[] {"9" + digits(2) + " " + digits(3) + " " + digits(3), "es 912 345 678 (amount-like)"};
      default -> new String[] {"1" + pick("3", "5", "8") + digits(9), "cn bare 13800138000"};
    };
    return Value.whole("phone", entry[0], entry[1]);
  }

  // ---- IP addresses

  String octet() {
    return Integer.toString(random.nextInt(256));
  }

  Value ipv4() {
    String ip = switch (random.nextInt(4)) {
      case 0 -> "10." + octet() + "." + octet() + "." + octet();
      case 1 -> "192.168." + octet() + "." + octet();
      case 2 -> (1 + random.nextInt(223)) + "." + octet() + "." + octet() + "." + octet();
      default -> "172." + (16 + random.nextInt(16)) + "." + octet() + "." + octet();
    };
    return Value.whole("ipv4", ip, "ipv4");
  }

  String hexGroup(boolean padded) {
    int v = random.nextInt(65536);
    return padded ? String.format("%04x", v) : Integer.toHexString(v);
  }

  Value ipv6() {
    String ip;
    String format;
    switch (random.nextInt(6)) {
      case 0 -> {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
          b.append(i > 0 ? ":" : "").append(hexGroup(true));
        }
        ip = b.toString();
        format = "ipv6 full";
      }
      case 1 -> {
        ip = "2001:db8:" + hexGroup(false) + "::" + hexGroup(false) + ":" + random.nextInt(100);
        format = "ipv6 compressed";
      }
      case 2 -> {
        ip = "fe80::" + hexGroup(false) + ":" + hexGroup(false) + ":" + hexGroup(false) + ":" + random.nextInt(9999);
        format = "ipv6 link-local";
      }
      case 3 -> {
        ip = "::ffff:" + octet() + "." + octet() + "." + octet() + "." + octet();
        format = "ipv6 v4-mapped";
      }
      case 4 -> {
        ip = pick("::1", "2001:db8::" + random.nextInt(1000), "2606:4700:4700::1111", "2001:4860:4860::8888");
        format = "ipv6 short";
      }
      default -> {
        ip = (random.nextBoolean() ? "2a02:" : "2600:") + hexGroup(false) + ":" + hexGroup(false) + ":"
            + hexGroup(false) + "::" + random.nextInt(10);
        format = "ipv6 compressed";
      }
    }
    if (random.nextInt(5) == 0) {
      ip = ip.toUpperCase(Locale.ROOT);
    }
    return Value.whole("ipv6", ip, format);
  }

  // ---- JWT

  static String b64url(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  String jwtToken() {
    String header = b64url(pick("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"alg\":\"RS256\",\"kid\":\"" + alnum(8, ALNUM) + "\"}",
        "{\"typ\":\"JWT\",\"alg\":\"ES256\"}"));
    String payload = b64url("{\"sub\":\"" + digits(8) + "\",\"name\":\"" + pick(FIRST) + "\",\"iat\":" + (1700000000 + random.nextInt(50000000))
        + (random.nextBoolean() ? ",\"scope\":\"read write\"" : "") + "}");
    byte[] sig = new byte[random.nextBoolean() ? 32 : 64];
    random.nextBytes(sig);
    return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
  }

  Value jwt() {
    return Value.whole("jwt", jwtToken(), "jwt");
  }

  // ---- secrets

  String pem() {
    String type = pick("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY");
    StringBuilder b = new StringBuilder("-----BEGIN " + type + "-----\n");
    int lines = 3 + random.nextInt(6);
    for (int i = 0; i < lines; i++) {
      b.append(alnum(64, ALNUM + "+/")).append('\n');
    }
    return b.append(alnum(20, ALNUM)).append("==\n-----END ").append(type).append("-----").toString();
  }

  String password() {
    return pick("Tr0ub4dor3", "hunter2!", "S3cure-Pass_" + digits(3), "correct-horse-battery-staple", alnum(12, ALNUM),
        "P@ssw0rd" + digits(2), "Winter2024!", alnum(16, ALNUM + "!#%^+"));
  }

  Value secret() {
    switch (random.nextInt(20)) {
      case 0:
        return Value.whole("secret", "sk-" + alnum(48, ALNUM), "openai sk-");
      case 1:
        return Value.whole("secret", "sk-proj-" + alnum(74, URL_SAFE) + "T3BlbkFJ" + alnum(74, URL_SAFE), "openai sk-proj-");
      case 2:
        return Value.whole("secret", "sk-ant-api03-" + alnum(93, URL_SAFE) + "AA", "anthropic sk-ant-");
      case 3:
        return Value.whole("secret", pick("AKIA", "ASIA") + alnum(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), "aws access key id");
      case 4:
        return Value.whole("secret", pick("ghp_", "gho_", "ghu_", "ghs_", "ghr_") + alnum(36, ALNUM), "github ghp_");
      case 5:
        return Value.whole("secret", "github_pat_" + alnum(22, ALNUM) + "_" + alnum(59, ALNUM), "github_pat_");
      case 6:
        return Value.part("secret", "Authorization: Bearer ", alnum(32 + random.nextInt(32), URL_SAFE), "", "bearer opaque");
      case 7:
        return Value.part("secret", pick("Authorization: Bearer ", "bearer "), jwtToken(), "", "bearer jwt");
      case 8:
        return Value.whole("secret", pem(), "pem private key");
      case 9:
        return Value.part("secret", pick("api_key=", "apiKey=", "API_KEY = "), alnum(32, ALNUM), "", "api_key=");
      case 10:
        return Value.part("secret", "\"password\": \"", password(), "\"", "\"password\": \"…\"");
      case 11:
        return Value.part("secret", pick("password=", "PASSWORD=", "db_password="), alnum(14, ALNUM + "!#%^+"), "", "password=");
      case 12:
        return Value.part("secret", "client_secret: ", alnum(40, URL_SAFE), "", "client_secret: yaml");
      case 13:
        return Value.part("secret", "export AWS_SECRET_ACCESS_KEY=", alnum(40, ALNUM + "+/"), "", "aws secret env");
      case 14:
        return Value.part("secret", "?access_token=", alnum(40, URL_SAFE), "&page=2", "access_token query");
      case 15:
        return Value.whole("secret", pick("sk_live_", "sk_test_", "rk_live_") + alnum(24, ALNUM), "stripe");
      case 16:
        return Value.whole("secret", "xoxb-" + digits(11) + "-" + digits(13) + "-" + alnum(24, ALNUM), "slack xoxb-");
      case 17:
        return Value.whole("secret", "AIza" + alnum(35, URL_SAFE), "google AIza");
      case 18:
        return Value.part("secret", "'password' => '", password(), "'", "php 'password' =>");
      default:
        return Value.part("secret", "DB_PASSWORD='", password(), "'", "env DB_PASSWORD='…'");
    }
  }
}

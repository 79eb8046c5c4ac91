package dev.genaiagent.telemetry.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.telemetry.content.ContentCapture;
import dev.genaiagent.telemetry.content.ContentField;
import dev.genaiagent.telemetry.content.GenAiMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiRedactorTest {
  private static final PiiRedactor DEFAULT = PiiRedactor.create(RedactionSettings.defaults());

  static String redact(String text) {
    return DEFAULT.apply(ContentField.INPUT_MESSAGE, text);
  }

  /** The text with {@code value} in it is redacted to the same text with {@code placeholder} instead. */
  static void assertRedacts(String before, String value, String after, String placeholder) {
    assertThat(redact(before + value + after)).isEqualTo(before + placeholder + after);
  }

  static void assertUntouched(String text) {
    assertThat(redact(text)).isEqualTo(text);
  }

  @Nested
  class Email {
    @ParameterizedTest
    @ValueSource(strings = {"john.doe@example.com", "J.Doe+news@mail.example.co.uk", "li_wang99@163.com",
        "first-last@uni-heidelberg.de", "a@b.io"})
    void addresses(String email) {
      assertRedacts("Mail ", email, " today.", "<EMAIL>");
      assertRedacts("連絡先は", email, "です。", "<EMAIL>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"@username", "icon@2x.png", "user@localhost", "npm i @scope/pkg", "a @ b.com", "x@y.c0m",
        "@Override", "name (at) example (dot) com"})
    void lookAlikes(String text) {
      assertUntouched(text);
    }

    @Test
    void trailingSentenceDotIsKept() {
      assertThat(redact("Write to ana@example.com.")).isEqualTo("Write to <EMAIL>.");
    }
  }

  @Nested
  class Phone {
    @ParameterizedTest
    @ValueSource(strings = {"+14155552671", "+44 20 7946 0958", "(415) 555-2671", "415-555-2671", "415.555.2671",
        "415 555 2671", "020 7946 0958", "06 12 34 56 78", "+49 30 123456", "030/1234567", "+1 (415) 555-2671",
        "1-800-555-0199", "+44 (0)20 7946 0958", "+33 6 12 34 56 78", "01.23.45.67.89", "0151 23456789",
        "(030) 1234567", "03-1234-5678", "090-1234-5678", "+81 3-1234-5678", "138 0013 8000", "+86 138 0013 8000",
        "010-12345678", "612 34 56 78", "+34 912 345 678", "(11) 91234-5678", "07700 900123", "0049 30 1234567"})
    void formats(String phone) {
      assertRedacts("Call ", phone, " now.", "<PHONE>");
      assertRedacts("電話：", phone, "。", "<PHONE>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-15T14:22:05Z", "2024-03-15 14:22:05", "15.03.2024", "03/15/2024", "12:30:45",
        "ORD-2024-000123", "#100234567", "1710512525", "1710512525123", "v1.2.3", "10.0.19041.1", "$1,234.56",
        "1.234,56 €", "12 345 678 €", "4155552671", "0612345678", "ISBN 0-306-40615-2", "978-3-16-148410-0",
        "01.02.2024 10:30", "000-12-3456", "0.5 0.25 0.125", "score 3-2", "(2024) 12345", "+2 345 678",
        "7489 1234 5678", "sort code 12-34-56", "01-23-45-67-89-01", "UTC+01:00", "1 234 567 views"})
    void lookAlikes(String text) {
      assertUntouched(text);
    }

    @Test
    void numberGluedToAWordIsNotAPhone() {
      assertUntouched("call415-555-2671 INV-415-555-2671 415-555-2671x");
    }
  }

  @Nested
  class CreditCard {
    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5555 5555 5555 4444",
        "3782 822463 10005", "378282246310005", "6011 1111 1111 1117", "3566 0020 2036 0505", "3056 9309 0259 04",
        "2221 0000 0000 0009", "4222222222222", "6212 3456 7890 1234 569"})
    void validNumbers(String card) {
      String luhnValid = card;
      assertRedacts("Card: ", luhnValid, ", thanks", "<CREDIT_CARD>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1112", "4111111111111112", "1234 5678 9012 3456", "9400 1000 0000 0000 0000 00",
        "1710512525123", "1234567890123456789", "0000 0000 0000 0000"})
    void invalidNumbers(String text) {
      assertUntouched("Number " + text + " here");
    }

    @Test
    void cardAsJsonNumberBecomesAString() {
      String out = redact("{\"card\":4111111111111111,\"amount\":12.5}");
      assertThat(out).isEqualTo("{\"card\":\"<CREDIT_CARD>\",\"amount\":12.5}");
      assertThat(dev.genaiagent.telemetry.content.Json.isValid(out)).isTrue();
    }
  }

  @Nested
  class Iban {
    @ParameterizedTest
    @ValueSource(strings = {"DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "GB82 WEST 1234 5698 7654 32",
        "GB82WEST12345698765432", "FR14 2004 1010 0505 0001 3M02 606", "NL91ABNA0417164300", "CH93 0076 2011 6238 5295 7",
        "NO93 8601 1117 947", "IT60X0542811101000000123456"})
    void valid(String iban) {
      assertRedacts("IBAN: ", iban, ".", "<IBAN>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE88 3704 0044 0532 0130 00", "DE89370400440532013001", "GB82 WEST 1234 5698 7654 33",
        "XX89370400440532013000", "DE8937040044053201300"})
    void invalid(String text) {
      assertUntouched("IBAN " + text + ".");
    }
  }

  @Nested
  class UsSsn {
    @ParameterizedTest
    @ValueSource(strings = {"123-45-6789", "078-05-1120", "899-99-9999", "001-01-0001", "219 09 9999"})
    void valid(String ssn) {
      assertRedacts("SSN ", ssn, " on file", "<US_SSN>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", "123-00-4567", "123-45-0000",
        "123-45-67890", "1234-56-789", "123-45-6789-1"})
    void invalid(String text) {
      assertUntouched("SSN " + text + " on file");
    }
  }

  @Nested
  class IpAddresses {
    @ParameterizedTest
    @ValueSource(strings = {"192.168.0.1", "10.0.0.255", "8.8.8.8", "255.255.255.255", "172.16.254.1"})
    void ipv4(String ip) {
      assertRedacts("from ", ip, " refused", "<IPV4>");
      assertThat(redact("http://" + ip + ":8080/x")).isEqualTo("http://<IPV4>:8080/x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "1.2.3.4.5", "192.168.001.001", "version 1.0.0.0", "v1.2.3.4",
        "Build 1.2.3.4", "10.0.19041.1"})
    void ipv4LookAlikes(String text) {
      assertUntouched(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:db8::1", "::1", "fe80::1ff:fe23:4567:890a",
        "::ffff:192.0.2.128", "2606:4700:4700::1111", "FE80::0202:B3FF:FE1E:8329"})
    void ipv6(String ip) {
      assertRedacts("peer ", ip, " connected", "<IPV6>");
      assertThat(redact("[" + ip + "]:443")).isEqualTo("[<IPV6>]:443");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12:30:45", "12:30", "00:1A:2B:3C:4D:5E", "std::vector", "Foo::Bar", "Dead::Beef", "a::b::c",
        "x :: Int", "arr[3:7]", "1:2:3:4:5:6:7:8:9", "10:30:45.123"})
    void ipv6LookAlikes(String text) {
      assertUntouched(text);
    }
  }

  @Nested
  class Jwt {
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    @Test
    void token() {
      assertRedacts("jwt ", TOKEN, " expired", "<JWT>");
      assertRedacts("session=", TOKEN, "; Path=/", "<JWT>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eyJhbGciOi", "eyJhbGciOiJIUzI1NiJ9", "eyJhbGciOiJIUzI1NiJ9.truncated", "eyJ.a.b"})
    void lookAlikes(String text) {
      assertUntouched(text);
    }
  }

  @Nested
  class Secret {
    @ParameterizedTest
    @ValueSource(strings = {"sk-abcdefghij1234567890ABCDEFGHIJ1234567890abcdefgh",
        "sk-proj-AbC123dEf456GhI789jKl012MnO345pQr678StU901vWx234",
        "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_AbCdEf-AA", "AKIAIOSFODNN7EXAMPLE", "ASIAY34FZKBOKMUTVV7A",
        "ghp_1A2b3C4d5E6f7G8h9I0jK1lM2nO3pQ4rS5tU", "gho_16C7e42F292c6912E7710c838347Ae178B4a",
        "github_pat_11ABCDEFG0123456789abc_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVW01234567",
        "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
        "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"})
    void prefixedKeys(String key) {
      assertRedacts("key ", key, " leaked", "<SECRET>");
    }

    @Test
    void bearerKeepsTheWord() {
      assertThat(redact("Authorization: Bearer abcDEF123456ghiJKL789mno"))
          .isEqualTo("Authorization: Bearer <SECRET>");
      assertThat(redact("-H \"authorization: bearer 0123456789abcdef0123\"")).isEqualTo("-H \"authorization: bearer <SECRET>\"");
    }

    @Test
    void privateKeyBlocks() {
      String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7x\nQ2rAbEd9mFz3a8k1Qm6Yb3kE7a0c5L2qk8Rw==\n-----END RSA PRIVATE KEY-----";
      assertThat(redact("my key:\n" + key + "\nthanks")).isEqualTo("my key:\n<SECRET>\nthanks");
      assertThat(redact("cut: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B")).isEqualTo("cut: <SECRET>");
      String json = "{\"key\":\"-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIBk=\",\"next\":\"a@b.com\"}";
      String out = redact(json);
      assertThat(out).isEqualTo("{\"key\":\"<SECRET>\",\"next\":\"<EMAIL>\"}");
      assertThat(dev.genaiagent.telemetry.content.Json.isValid(out)).isTrue();
    }

    @Test
    void credentialAssignments() {
      assertThat(redact("api_key=abc123XYZ789 and then")).isEqualTo("api_key=<SECRET> and then");
      assertThat(redact("{\"password\": \"hunter2\", \"user\": \"bob\"}")).isEqualTo("{\"password\": \"<SECRET>\", \"user\": \"bob\"}");
      assertThat(redact("DB_PASSWORD='s3cr3t pass'")).isEqualTo("DB_PASSWORD='<SECRET>'");
      assertThat(redact("client_secret: 9f8e7d6c5b4a3928")).isEqualTo("client_secret: <SECRET>");
      assertThat(redact("'password' => 'Tr0ub4dor'")).isEqualTo("'password' => '<SECRET>'");
      assertThat(redact("https://x.test/cb?access_token=AbCdEf0123456789&state=1"))
          .isEqualTo("https://x.test/cb?access_token=<SECRET>&state=1");
      assertThat(redact("**Password:** hunter22")).isEqualTo("**Password:** <SECRET>");
      // JSON inside a JSON string (escaped quotes)
      String nested = "{\"arguments\":\"{\\\"password\\\":\\\"hunter2\\\"}\"}";
      String out = redact(nested);
      assertThat(out).isEqualTo("{\"arguments\":\"{\\\"password\\\":\\\"<SECRET>\\\"}\"}");
      assertThat(dev.genaiagent.telemetry.content.Json.isValid(out)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-learn", "task-1234", "ghp_short", "Bearer token authentication", "password: ********",
        "api_key: ${OPENAI_API_KEY}", "\"max_tokens\": 256", "token_count=1234", "password_min_length: 8",
        "\"next_page_token\": \"abc\"", "risk-free", "ASIA Pacific", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        "password: <redacted>", "\"password\": null", "secret_name: prod-db", "the bearer of this letter",
        "\"is_secret\": true", "api_key=\"\"", "\"token_type\": \"Bearer\"", "Password: must be long"})
    void lookAlikes(String text) {
      assertUntouched(text);
    }
  }

  @Nested
  class Modes {
    @Test
    void replaceUsesTypedPlaceholders() {
      assertThat(redact("a@b.com 4111111111111111 123-45-6789 10.0.0.1 ::1 DE89370400440532013000 +14155552671"))
          .isEqualTo("<EMAIL> <CREDIT_CARD> <US_SSN> <IPV4> <IPV6> <IBAN> <PHONE>");
    }

    @Test
    void hashIsKeyedStableAndNormalized() {
      PiiRedactor a = PiiRedactor.create(RedactionSettings.builder().mode(RedactionMode.HASH).hashKey("key-one").build());
      PiiRedactor b = PiiRedactor.create(RedactionSettings.builder().mode(RedactionMode.HASH).hashKey("key-two").build());
      String text = "Ana <ana@example.com> paid with 4111 1111 1111 1111";
      String first = a.apply(ContentField.INPUT_MESSAGE, text);
      assertThat(first).matches("Ana <<EMAIL:[0-9a-f]{8}>> paid with <CREDIT_CARD:[0-9a-f]{8}>");
      assertThat(a.apply(ContentField.OUTPUT_MESSAGE, text)).isEqualTo(first);
      // the same value written differently correlates; another key gives other hashes
      assertThat(a.apply(ContentField.INPUT_MESSAGE, "ANA@EXAMPLE.COM / 4111-1111-1111-1111"))
          .isEqualTo(first.substring(5, 21) + " / " + first.substring(first.indexOf("<CREDIT")));
      assertThat(b.apply(ContentField.INPUT_MESSAGE, text)).isNotEqualTo(first);
      assertThat(a.apply(ContentField.INPUT_MESSAGE, "bob@example.com")).isNotEqualTo(first.substring(5, 21));
      assertThat(a.mode()).isEqualTo(RedactionMode.HASH);
    }

    @Test
    void hashKeyIsNeverShown() {
      RedactionSettings settings = RedactionSettings.builder().mode(RedactionMode.HASH).hashKey("top-secret-key").build();
      PiiRedactor redactor = PiiRedactor.create(settings);
      assertThat(settings.toString()).doesNotContain("top-secret-key").contains("hashKey=(set)");
      assertThat(redactor.toString()).doesNotContain("top-secret-key");
      assertThat(redactor.apply(ContentField.INPUT_MESSAGE, "top-secret-key a@b.com")).doesNotContain("a@b.com");
    }

    @Test
    void hashWithoutKeyFallsBackToReplaceWithOneWarning() {
      try (LogCapture log = new LogCapture(PiiRedactor.class)) {
        PiiRedactor redactor = PiiRedactor.create(RedactionSettings.builder().mode(RedactionMode.HASH).build());
        assertThat(redactor.mode()).isEqualTo(RedactionMode.REPLACE);
        assertThat(redactor.apply(ContentField.INPUT_MESSAGE, "mail a@b.com")).isEqualTo("mail <EMAIL>");
        assertThat(log.warnings()).hasSize(1);
        assertThat(log.warnings().get(0)).contains("hash-key").contains("replace");
      }
    }

    @Test
    void dropReturnsNullWhenAnythingIsDetected() {
      PiiRedactor drop = PiiRedactor.create(RedactionSettings.builder().mode(RedactionMode.DROP).build());
      assertThat(drop.apply(ContentField.TOOL_CALL_ARGUMENTS, "{\"email\":\"a@b.com\"}")).isNull();
      assertThat(drop.apply(ContentField.INPUT_MESSAGE, "nothing to see on 2024-03-15")).isEqualTo("nothing to see on 2024-03-15");
    }

    @Test
    void disabledPolicyPassesTextThrough() {
      PiiRedactor off = PiiRedactor.create(RedactionSettings.builder().enabled(false).build());
      assertThat(off.isEnabled()).isFalse();
      assertThat(off.apply(ContentField.INPUT_MESSAGE, "a@b.com")).isEqualTo("a@b.com");
    }
  }

  @Nested
  class Configuration {
    @Test
    void badRegexWarnsOnceByNameAndTheRestStillApplies() {
      try (LogCapture log = new LogCapture(PiiRedactor.class)) {
        PiiRedactor redactor = PiiRedactor.create(RedactionSettings.builder()
            .customPattern("broken", "secret-literal-(unclosed")
            .customPattern("employee-id", "EMP-\\d{6}")
            .build());
        assertThat(redactor.apply(ContentField.INPUT_MESSAGE, "EMP-123456 wrote from a@b.com secret-literal-(unclosed"))
            .isEqualTo("<EMPLOYEE_ID> wrote from <EMAIL> secret-literal-(unclosed");
        assertThat(log.warnings()).hasSize(1);
        assertThat(log.warnings().get(0)).contains("'broken'").doesNotContain("secret-literal");
      }
    }

    @Test
    void unknownDetectorNamesWarnOnceAndKnownOnesAreDisabled() {
      try (LogCapture log = new LogCapture(PiiRedactor.class)) {
        PiiRedactor redactor = PiiRedactor.create(RedactionSettings.builder()
            .disabledDetectors(List.of("EMAIL", "credit-card", "nope", "phones")).build());
        assertThat(redactor.apply(ContentField.INPUT_MESSAGE, "a@b.com 4111111111111111 123-45-6789"))
            .isEqualTo("a@b.com 4111111111111111 <US_SSN>");
        assertThat(log.warnings()).hasSize(1);
        assertThat(log.warnings().get(0)).contains("nope").contains("phones").doesNotContain("EMAIL");
      }
    }

    @Test
    void quietCreationDoesNotWarn() {
      try (LogCapture log = new LogCapture(PiiRedactor.class)) {
        PiiRedactor.createQuietly(RedactionSettings.builder().mode(RedactionMode.HASH).customPattern("x", "(").build());
        assertThat(log.warnings()).isEmpty();
      }
    }

    @Test
    void fromPropertiesReadsEveryKey() {
      RedactionSettings settings = RedactionSettings.fromProperties(Map.of(
          RedactionSettings.ENABLED_KEY, "TRUE",
          RedactionSettings.MODE_KEY, " Hash ",
          RedactionSettings.HASH_KEY_KEY, "k",
          RedactionSettings.DISABLED_DETECTORS_KEY, "phone, ipv6,",
          RedactionSettings.PATTERN_KEY_PREFIX + "ticket", "TCK-\\d+",
          "otel.unrelated", "x"));
      assertThat(settings.enabled()).isTrue();
      assertThat(settings.mode()).isEqualTo(RedactionMode.HASH);
      assertThat(settings.hasHashKey()).isTrue();
      assertThat(settings.disabledDetectors()).containsExactly("phone", "ipv6");
      assertThat(settings.customPatterns()).containsExactly(Map.entry("ticket", "TCK-\\d+"));
      PiiRedactor redactor = PiiRedactor.create(settings);
      assertThat(redactor.apply(ContentField.INPUT_MESSAGE, "TCK-42 +14155552671 ::1"))
          .matches("<TICKET:[0-9a-f]{8}> \\+14155552671 ::1");
    }

    @Test
    void fromPropertiesWarnsOnMalformedValuesAndKeepsDefaults() {
      try (LogCapture log = new LogCapture(RedactionSettings.class)) {
        RedactionSettings settings = RedactionSettings.fromProperties(Map.of(
            RedactionSettings.ENABLED_KEY, "yes", RedactionSettings.MODE_KEY, "mask"));
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.mode()).isEqualTo(RedactionMode.REPLACE);
        assertThat(log.warnings()).hasSize(2);
      }
      assertThat(RedactionSettings.BUILT_IN_DETECTORS)
          .containsExactly("email", "phone", "credit_card", "iban", "us_ssn", "ipv4", "ipv6", "jwt", "secret");
    }

    @Test
    void runtimeErrorsDropTheField() {
      // java.util.regex recurses per repetition of an alternation: a long input overflows the stack
      PiiRedactor redactor = PiiRedactor.create(RedactionSettings.builder().customPattern("runaway", "(a|aa)*b").build());
      String text = "mail a@b.com " + "a".repeat(200_000);
      assertThat(redactor.apply(ContentField.INPUT_MESSAGE, text)).isNull();
      assertThat(redactor.apply(ContentField.INPUT_MESSAGE, "short a@b.com")).isEqualTo("short <EMAIL>");
    }

    @Test
    void customMatchesAcrossJsonStringsAreSplitAndJsonStaysValid() {
      PiiRedactor redactor = PiiRedactor.create(RedactionSettings.builder()
          .customPattern("name", "Ana\",\"age\":\\d+").customPattern("num", "\\d{3}").build());
      String out = redactor.apply(ContentField.TOOL_CALL_ARGUMENTS, "{\"name\":\"Ana\",\"age\":42,\"id\":12345}");
      assertThat(dev.genaiagent.telemetry.content.Json.isValid(out)).as(out).isTrue();
      assertThat(out).doesNotContain("Ana").doesNotContain("42").doesNotContain("123");
    }
  }

  @Nested
  class Json {
    @Test
    void toolArgumentsStayValidJson() {
      String args = "{\"email\":\"a@b.com\",\"phone\":\"+1 (415) 555-2671\",\"card\":\"4111 1111 1111 1111\","
          + "\"note\":\"Ren\\u00e9e said \\\"call 415-555-2671\\\"\\nthen wrote to \\u00e9bob@y.org\","
          + "\"tags\":[\"10.0.0.1\",\"::1\"],\"n\":-4111111111111111,\"ok\":true}";
      String out = redact(args);
      assertThat(dev.genaiagent.telemetry.content.Json.isValid(args)).isTrue();
      assertThat(dev.genaiagent.telemetry.content.Json.isValid(out)).as(out).isTrue();
      assertThat(out).isEqualTo("{\"email\":\"<EMAIL>\",\"phone\":\"<PHONE>\",\"card\":\"<CREDIT_CARD>\","
          + "\"note\":\"Ren\\u00e9e said \\\"call <PHONE>\\\"\\nthen wrote to \\u00e9<EMAIL>\","
          + "\"tags\":[\"<IPV4>\",\"<IPV6>\"],\"n\":\"<CREDIT_CARD>\",\"ok\":true}");
    }

    @Test
    void escapesBeforeValuesAreKept() {
      String out = redact("[\"\\n4111111111111111\\t\",\"\\u00e9\\u00e9a@b.com\\\\\",\"\\\\njohn@x.com\"]");
      assertThat(out).isEqualTo("[\"\\n<CREDIT_CARD>\\t\",\"\\u00e9\\u00e9<EMAIL>\\\\\",\"\\\\<EMAIL>\"]");
      assertThat(dev.genaiagent.telemetry.content.Json.isValid(out)).isTrue();
    }

    @Test
    void throughContentCapture() {
      ContentCapture capture = ContentCapture.enabled(10_000, List.of(DEFAULT));
      assertThat(capture.text(ContentField.TOOL_CALL_ARGUMENTS, "{\"to\":\"ana@example.com\"}"))
          .isEqualTo("{\"to\":\"<EMAIL>\"}");
      String messages = capture.messages(ContentField.INPUT_MESSAGE, List.of(GenAiMessage.input("user",
          List.of(GenAiMessage.Part.text("my card is 4111 1111 1111 1111"),
              GenAiMessage.Part.toolCall("c1", "pay", "{\"card\":4111111111111111}")))));
      assertThat(messages).contains("my card is <CREDIT_CARD>").contains("\"arguments\":{\"card\":\"<CREDIT_CARD>\"}")
          .doesNotContain("4111");
      assertThat(dev.genaiagent.telemetry.content.Json.isValid(messages)).isTrue();
      ContentCapture dropping = ContentCapture.enabled(10_000,
          List.of(PiiRedactor.create(RedactionSettings.builder().mode(RedactionMode.DROP).build())));
      assertThat(dropping.text(ContentField.RETRIEVAL_QUERY, "orders of ana@example.com")).isNull();
    }
  }
}

package dev.genaiagent.telemetry.redaction;

import java.util.Locale;
import javax.annotation.Nullable;

/** The built-in detectors: the name a user disables them by, and the label of their placeholder. */
enum Detector {
  EMAIL("email"),
  PHONE("phone"),
  CREDIT_CARD("credit_card"),
  IBAN("iban"),
  US_SSN("us_ssn"),
  IPV4("ipv4"),
  IPV6("ipv6"),
  JWT("jwt"),
  /** API keys and tokens of well-known formats, bearer tokens, private keys, password assignments. */
  SECRET("secret");

  static final Detector[] ALL = values();

  final String configName;
  final String label;

  Detector(String configName) {
    this.configName = configName;
    this.label = name();
  }

  /** By configuration name, case-insensitively, with {@code -} accepted for {@code _}. */
  @Nullable
  static Detector byConfigName(String name) {
    String normalized = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (Detector d : ALL) {
      if (d.configName.equals(normalized)) {
        return d;
      }
    }
    return null;
  }
}

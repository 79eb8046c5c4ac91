package dev.genaiagent.telemetry.redaction;

import java.util.Locale;
import java.util.regex.Pattern;

/** A user-configured pattern: its name, its placeholder label and the compiled expression. */
final class CustomPattern {
  final String name;
  final String label;
  final Pattern pattern;

  CustomPattern(String name, Pattern pattern) {
    this.name = name;
    this.label = label(name);
    this.pattern = pattern;
  }

  /** {@code employee-id} → {@code EMPLOYEE_ID}: only letters, digits and underscores, so placeholders need no JSON escaping. */
  static String label(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    StringBuilder label = new StringBuilder(upper.length());
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      label.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
    }
    return label.toString();
  }

  @Override
  public String toString() {
    return name; // never the expression: it may spell out the very values it redacts
  }
}

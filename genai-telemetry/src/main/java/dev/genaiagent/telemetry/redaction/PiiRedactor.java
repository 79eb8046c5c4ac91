package dev.genaiagent.telemetry.redaction;

import dev.genaiagent.telemetry.content.ContentField;
import dev.genaiagent.telemetry.content.ContentPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.annotation.Nullable;
import javax.crypto.Mac;

/**
 * The PII and secret redaction {@link ContentPolicy}: built-in detectors (e-mail, phone, payment card,
 * IBAN, US SSN, IPv4, IPv6, JWT, secrets) found in one pass over the text, plus custom patterns; each
 * finding replaced by a typed placeholder ({@code <EMAIL>}), by a keyed hash ({@code <EMAIL:9f86d081>}),
 * or the whole field dropped, per {@link RedactionMode}. JSON texts stay valid JSON.
 *
 * <p>Fails closed: a runtime error drops the field (returns null), never returns the text unredacted.
 * Thread-safe and immutable; create once with {@link #create(RedactionSettings)}.
 */
public final class PiiRedactor implements ContentPolicy {
  private static final Logger logger = Logger.getLogger(PiiRedactor.class.getName());
  private static final AtomicBoolean failureReported = new AtomicBoolean();
  private static final int BUILT_IN = Detector.ALL.length;

  private final boolean enabled;
  private final RedactionMode mode;
  private final EnumSet<Detector> detectors;
  private final PiiScanner scanner;
  private final List<CustomPattern> customs;
  @Nullable private final KeyedHasher hasher;

  private PiiRedactor(boolean enabled, RedactionMode mode, EnumSet<Detector> detectors, List<CustomPattern> customs,
      @Nullable KeyedHasher hasher) {
    this.enabled = enabled;
    this.mode = mode;
    this.detectors = detectors;
    this.scanner = new PiiScanner(detectors);
    this.customs = Collections.unmodifiableList(new ArrayList<>(customs));
    this.hasher = hasher;
  }

  /**
   * The policy for {@code settings}, never failing: what it cannot use is reported with one warning
   * each (java.util.logging) and left out, never weakening redaction: a custom pattern that does not
   * compile is skipped (named, its expression not shown), unknown detector names are ignored, and
   * {@code hash} without a key (or without HMAC-SHA256) falls back to {@code replace}.
   */
  public static PiiRedactor create(@Nullable RedactionSettings settings) {
    return create(settings, true);
  }

  /**
   * As {@link #create(RedactionSettings)} without the warnings, for copies built where the same
   * settings were already reported once (one per application class loader under the agent).
   */
  public static PiiRedactor createQuietly(@Nullable RedactionSettings settings) {
    return create(settings, false);
  }

  private static PiiRedactor create(@Nullable RedactionSettings settings, boolean warn) {
    RedactionSettings config = settings == null ? RedactionSettings.defaults() : settings;
    EnumSet<Detector> detectors = EnumSet.allOf(Detector.class);
    List<String> unknown = new ArrayList<>();
    for (String name : config.disabledDetectors()) {
      Detector d = name == null ? null : Detector.byConfigName(name);
      if (d == null) {
        unknown.add(String.valueOf(name));
      } else {
        detectors.remove(d);
      }
    }
    if (warn && !unknown.isEmpty()) {
      logger.warning("Ignoring unknown PII detector name(s) " + unknown + " in " + RedactionSettings.DISABLED_DETECTORS_KEY
          + " (known: " + String.join(", ", RedactionSettings.BUILT_IN_DETECTORS) + ")");
    }

    List<CustomPattern> customs = new ArrayList<>();
    for (Map.Entry<String, String> e : config.customPatterns().entrySet()) {
      CustomPattern p = compile(e.getKey(), e.getValue(), warn);
      if (p != null) {
        customs.add(p);
      }
    }

    RedactionMode mode = config.mode();
    KeyedHasher hasher = null;
    if (mode == RedactionMode.HASH) {
      if (!config.hasHashKey()) {
        if (warn) {
          logger.warning(RedactionSettings.MODE_KEY + "=hash needs " + RedactionSettings.HASH_KEY_KEY
              + "; redacting with placeholders (mode replace) instead");
        }
        mode = RedactionMode.REPLACE;
      } else {
        try {
          hasher = KeyedHasher.create(config.hashKey());
        } catch (Throwable t) {
          // The exception is not logged: a provider's message could quote the key.
          if (warn) {
            logger.warning("HMAC-SHA256 is unavailable (" + t.getClass().getName()
                + "); redacting with placeholders (mode replace) instead of hashes");
          }
          mode = RedactionMode.REPLACE;
        }
      }
    }
    return new PiiRedactor(config.enabled(), mode, detectors, customs, hasher);
  }

  @Nullable
  private static CustomPattern compile(@Nullable String rawName, @Nullable String regex, boolean warn) {
    String name = rawName == null ? "" : rawName.trim();
    if (name.isEmpty() || regex == null || regex.isEmpty()) {
      if (warn) {
        logger.warning("Ignoring custom redaction pattern '" + name + "': " + (name.isEmpty() ? "it has no name" : "it is empty")
            + "; the other detectors still apply");
      }
      return null;
    }
    try {
      return new CustomPattern(name, Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      // The description and index only: the expression itself may spell out the values it redacts.
      if (warn) {
        logger.warning("Ignoring custom redaction pattern '" + name + "' (" + RedactionSettings.PATTERN_KEY_PREFIX + name
            + "): not a valid regular expression (" + e.getDescription() + " near index " + e.getIndex()
            + "); the other detectors still apply");
      }
    } catch (Throwable t) {
      if (warn) {
        logger.warning("Ignoring custom redaction pattern '" + name + "': it cannot be compiled (" + t.getClass().getName()
            + "); the other detectors still apply");
      }
    }
    return null;
  }

  public boolean isEnabled() {
    return enabled;
  }

  /** The mode in effect (replace when hash was asked for without a usable key). */
  public RedactionMode mode() {
    return mode;
  }

  @Override
  @Nullable
  public String apply(ContentField field, @Nullable String text) {
    if (text == null) {
      return null;
    }
    if (!enabled) {
      return text;
    }
    try {
      return redact(text);
    } catch (Throwable t) {
      if (failureReported.compareAndSet(false, true)) {
        // Neither the message nor the stack trace: either could carry the content being redacted.
        logger.warning("PII redaction failed (" + t.getClass().getName() + "); the field is dropped (reported once)");
      } else {
        logger.log(Level.FINE, "PII redaction failed ({0}); field dropped", t.getClass().getName());
      }
      return null;
    }
  }

  @Nullable
  String redact(String text) throws Exception {
    Findings findings = find(text);
    if (findings.size() == 0) {
      return text;
    }
    if (mode == RedactionMode.DROP) {
      return null;
    }
    return render(text, findings);
  }

  /** Every detected span of {@code text}, sorted, overlaps merged. */
  Findings find(String text) {
    Findings findings = new Findings();
    scanner.scan(text, findings);
    if (!customs.isEmpty()) {
      addCustomMatches(text, findings);
    }
    return findings;
  }

  private void addCustomMatches(String text, Findings findings) {
    CustomMatches matches = new CustomMatches();
    boolean json = JsonText.isJsonDocument(text);
    boolean[] inString = null;
    for (int c = 0; c < customs.size(); c++) {
      Matcher m = customs.get(c).pattern.matcher(text);
      matches.kind = BUILT_IN + c;
      while (m.find()) {
        if (m.end() <= m.start()) {
          continue;
        }
        if (json) {
          if (inString == null) {
            inString = JsonText.stringMap(text);
          }
          JsonText.splitMatch(text, m.start(), m.end(), inString, matches);
        } else {
          matches.piece(m.start(), m.end());
        }
      }
    }
    findings.addUnordered(matches.starts, matches.ends, matches.kinds, matches.count);
  }

  private static final class CustomMatches implements JsonText.PieceSink {
    int[] starts = new int[16];
    int[] ends = new int[16];
    int[] kinds = new int[16];
    int count;
    int kind;

    @Override
    public void piece(int start, int end) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
        kinds = Arrays.copyOf(kinds, count * 2);
      }
      starts[count] = start;
      ends[count] = end;
      kinds[count] = kind;
      count++;
    }
  }

  @Nullable
  private String render(String s, Findings findings) throws Exception {
    int n = s.length();
    boolean json = JsonText.isJsonDocument(s);
    JsonText.Cursor cursor = json ? new JsonText.Cursor() : null;
    Mac mac = mode == RedactionMode.HASH && hasher != null ? hasher.newMac() : null;
    StringBuilder out = new StringBuilder(n + 16 * findings.size());
    int last = 0;
    for (int k = 0; k < findings.size(); k++) {
      int start = findings.start(k);
      int end = findings.end(k);
      boolean quote = false;
      // Also outside JSON documents: a JSON text cut mid-stream still reads better with whole escapes.
      start = Math.max(last, JsonText.fixStart(s, Math.max(last, start)));
      end = JsonText.fixEnd(s, end);
      if (end <= start) {
        continue;
      }
      if (json) {
        if (JsonText.crossesQuote(s, start, end)) {
          return null; // the built-in detectors never cross quotes; fail closed rather than break the JSON
        }
        if (!cursor.inStringAt(s, start)) {
          quote = true; // a bare value (a card number as a JSON number) becomes a string
        }
      }
      int valueStart = start;
      int valueEnd = end;
      if (quote) {
        while (start > last && !JsonText.isDelimiter(s.charAt(start - 1))) {
          start--;
        }
        while (end < n && !JsonText.isDelimiter(s.charAt(end))) {
          end++;
        }
      }
      out.append(s, last, start);
      if (quote) {
        out.append('"');
      }
      int kind = findings.kind(k);
      String label = label(kind);
      out.append('<').append(label);
      if (mac != null) {
        out.append(':');
        KeyedHasher.appendHash(mac, label, canonical(kind, s.substring(valueStart, valueEnd)), out);
      }
      out.append('>');
      if (quote) {
        out.append('"');
      }
      last = end;
    }
    out.append(s, last, n);
    return out.toString();
  }

  private String label(int kind) {
    return kind < BUILT_IN ? Detector.ALL[kind].label : customs.get(kind - BUILT_IN).label;
  }

  /** The form hashed, so one value written two ways hashes the same: {@code 4111 1111…} as {@code 4111-1111…}. */
  static String canonical(int kind, String value) {
    if (kind == Detector.EMAIL.ordinal()) {
      return value.toLowerCase(Locale.ROOT);
    }
    boolean digitsOnly = kind == Detector.PHONE.ordinal() || kind == Detector.CREDIT_CARD.ordinal()
        || kind == Detector.US_SSN.ordinal();
    if (!digitsOnly && kind != Detector.IBAN.ordinal()) {
      return value;
    }
    StringBuilder b = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Chars.isDigit(c) || (!digitsOnly && Chars.isLetter(c))) {
        b.append(Character.toUpperCase(c));
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    for (Detector d : detectors) {
      names.add(d.configName);
    }
    return "PiiRedactor{enabled=" + enabled + ", mode=" + mode.configValue() + ", detectors=" + names
        + ", customPatterns=" + customs + '}';
  }
}

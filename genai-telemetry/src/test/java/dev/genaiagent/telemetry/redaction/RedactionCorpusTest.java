package dev.genaiagent.telemetry.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.telemetry.content.ContentField;
import dev.genaiagent.telemetry.redaction.RedactionCorpus.Planted;
import dev.genaiagent.telemetry.redaction.RedactionCorpus.Sample;
import dev.genaiagent.telemetry.content.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall per detector on the labelled corpus and false positives on the clean look-alike corpus;
 * prints the table and fails below target.
 *
 * <p>Targets: recall >= 99% for the checksum- or prefix-anchored detectors (card, IBAN, SSN, e-mail,
 * IPv4, IPv6, JWT, secret) and >= 95% for phones, whose formats vary by country and overlap ids and
 * amounts, so some are left out by design (bare digit strings; measured separately below). False
 * positives: at most 1% of clean samples with any finding. Every clean sample is an adversarial
 * look-alike (real traffic has far fewer), and a false positive costs readability, never privacy.
 */
class RedactionCorpusTest {
  private static final long SEED = 20_251_125L;
  private static final int PER_DETECTOR = 400;
  private static final int CLEAN = 4000;
  private static final double STRUCTURED_RECALL = 0.99;
  private static final double PHONE_RECALL = 0.95;
  private static final double MAX_CLEAN_FP_RATE = 0.01;

  private static final PiiRedactor REDACTOR = PiiRedactor.create(RedactionSettings.defaults());
  private static List<Sample> positives;
  private static List<Sample> clean;

  @BeforeAll
  static void corpus() {
    positives = new ArrayList<>(RedactionCorpus.positives(SEED, PER_DETECTOR));
    positives.addAll(RedactionCorpus.handwritten("/redaction/handwritten-positives.txt"));
    clean = new ArrayList<>(RedactionCorpus.clean(SEED + 1, CLEAN));
    clean.addAll(RedactionCorpus.handwritten("/redaction/handwritten-clean.txt"));
  }

  static final class Row {
    int positives;
    int detected;
    int coveredOtherType;
    int cleanFindings;
    int cleanSamples;
    final List<String> misses = new ArrayList<>();
  }

  @Test
  void recallAndFalsePositivesMeetTargets() {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String name : RedactionSettings.BUILT_IN_DETECTORS) {
      rows.put(name, new Row());
    }
    int extraInPositives = 0;
    List<String> extras = new ArrayList<>();
    for (Sample sample : positives) {
      Findings f = REDACTOR.find(sample.text());
      for (Planted p : sample.planted()) {
        Row row = rows.get(p.detector());
        row.positives++;
        int kind = Detector.byConfigName(p.detector()).ordinal();
        int covering = covering(f, p.start(), p.end());
        if (covering >= 0 && f.kind(covering) == kind) {
          row.detected++;
        } else {
          if (covering >= 0) {
            row.coveredOtherType++;
          }
          if (row.misses.size() < 8) {
            row.misses.add(p.format() + " [" + sample.text().substring(p.start(), p.end()) + "] in: " + sample.text()
                + (covering >= 0 ? "  (redacted as " + Detector.ALL[f.kind(covering)].configName + ")" : ""));
          }
        }
      }
      for (int k = 0; k < f.size(); k++) {
        if (!overlapsPlanted(sample, f.start(k), f.end(k))) {
          extraInPositives++;
          if (extras.size() < 10) {
            extras.add(Detector.ALL[f.kind(k)].configName + " [" + sample.text().substring(f.start(k), f.end(k)) + "] in: " + sample.text());
          }
        }
      }
    }

    int cleanWithFindings = 0;
    Map<String, Integer> fpByCategory = new TreeMap<>();
    List<String> fpExamples = new ArrayList<>();
    for (Sample sample : clean) {
      Findings f = REDACTOR.find(sample.text());
      if (f.size() > 0) {
        cleanWithFindings++;
        fpByCategory.merge(sample.context(), 1, Integer::sum);
        boolean[] seen = new boolean[Detector.ALL.length];
        for (int k = 0; k < f.size(); k++) {
          Row row = rows.get(Detector.ALL[f.kind(k)].configName);
          row.cleanFindings++;
          if (!seen[f.kind(k)]) {
            seen[f.kind(k)] = true;
            row.cleanSamples++;
          }
          if (fpExamples.size() < 20) {
            fpExamples.add(Detector.ALL[f.kind(k)].configName + " [" + sample.text().substring(f.start(k), f.end(k)) + "] in: " + sample.text());
          }
        }
      }
    }

    // Phones in formats deliberately not targeted, for the record.
    List<Sample> untargeted = RedactionCorpus.untargetedPhones(SEED + 2, 200);
    Map<String, int[]> untargetedByFormat = new TreeMap<>();
    for (Sample sample : untargeted) {
      Planted p = sample.planted().get(0);
      int covering = covering(REDACTOR.find(sample.text()), p.start(), p.end());
      int[] counts = untargetedByFormat.computeIfAbsent(p.format(), k -> new int[2]);
      counts[0]++;
      if (covering >= 0) {
        counts[1]++;
      }
    }

    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "%nPII redaction corpus (seed %d): %d positive samples, %d clean samples%n",
        SEED, positives.size(), clean.size()));
    report.append(String.format(Locale.ROOT, "%-12s %9s %9s %8s %8s %13s %13s%n", "detector", "positives", "detected",
        "recall", "target", "clean FP hits", "clean FP rate"));
    for (Map.Entry<String, Row> e : rows.entrySet()) {
      Row r = e.getValue();
      report.append(String.format(Locale.ROOT, "%-12s %9d %9d %7.2f%% %7.0f%% %13d %12.3f%%%n", e.getKey(), r.positives,
          r.detected, 100.0 * r.detected / Math.max(1, r.positives), 100 * target(e.getKey()), r.cleanFindings,
          100.0 * r.cleanSamples / clean.size()));
    }
    report.append(String.format(Locale.ROOT, "clean samples with any finding: %d of %d (%.3f%%, limit %.1f%%)%n",
        cleanWithFindings, clean.size(), 100.0 * cleanWithFindings / clean.size(), 100 * MAX_CLEAN_FP_RATE));
    report.append(String.format(Locale.ROOT, "findings in positive samples outside any planted value: %d%n", extraInPositives));
    report.append("phone formats not targeted (bare digits, amount-like grouping), detected/total:");
    untargetedByFormat.forEach((format, c) -> report.append(String.format(Locale.ROOT, " %s %d/%d;", format, c[1], c[0])));
    report.append('\n');
    rows.forEach((name, r) -> r.misses.forEach(m -> report.append("  missed ").append(name).append(": ").append(m).append('\n')));
    extras.forEach(x -> report.append("  extra finding: ").append(x).append('\n'));
    fpByCategory.forEach((category, count) -> report.append("  clean FP in ").append(category).append(": ").append(count).append('\n'));
    fpExamples.forEach(x -> report.append("  clean FP: ").append(x).append('\n'));
    System.out.println(report);

    for (Map.Entry<String, Row> e : rows.entrySet()) {
      Row r = e.getValue();
      assertThat(r.positives).as("positives of %s", e.getKey()).isGreaterThanOrEqualTo(100);
      assertThat((double) r.detected / r.positives).as("recall of %s%s", e.getKey(), report).isGreaterThanOrEqualTo(target(e.getKey()));
    }
    assertThat((double) cleanWithFindings / clean.size()).as("clean false-positive rate%s", report)
        .isLessThanOrEqualTo(MAX_CLEAN_FP_RATE);
    assertThat((double) extraInPositives / positives.size()).as("extra findings in positives%s", report)
        .isLessThanOrEqualTo(MAX_CLEAN_FP_RATE);
  }

  @Test
  void jsonSamplesStayValidJsonAndPlantedValuesAreGone() {
    int json = 0;
    for (Sample sample : positives) {
      String out = REDACTOR.apply(ContentField.TOOL_CALL_ARGUMENTS, sample.text());
      assertThat(out).as(sample.text()).isNotNull();
      if (isJsonDocument(sample.text())) {
        json++;
        assertThat(Json.isValid(out)).as("%s%n->%n%s", sample.text(), out).isTrue();
      }
    }
    for (Sample sample : clean) {
      if (isJsonDocument(sample.text())) {
        assertThat(Json.isValid(REDACTOR.apply(ContentField.TOOL_CALL_ARGUMENTS, sample.text()))).isTrue();
      }
    }
    assertThat(json).isGreaterThan(300);
  }

  /**
   * Objects and arrays: what ContentCapture embeds as JSON. A bare scalar ("4111111111111111") turned
   * into a placeholder no longer parses, so ContentCapture embeds it as a JSON string instead.
   */
  private static boolean isJsonDocument(String text) {
    String t = text.strip();
    return (t.startsWith("{") || t.startsWith("[")) && Json.isValid(t);
  }

  private static double target(String detector) {
    return detector.equals("phone") ? PHONE_RECALL : STRUCTURED_RECALL;
  }

  /** The finding that covers {@code [start, end)} entirely, or -1. */
  private static int covering(Findings f, int start, int end) {
    for (int k = 0; k < f.size(); k++) {
      if (f.start(k) <= start && f.end(k) >= end) {
        return k;
      }
    }
    return -1;
  }

  private static boolean overlapsPlanted(Sample sample, int start, int end) {
    for (Planted p : sample.planted()) {
      if (start < p.end() && end > p.start()) {
        return true;
      }
    }
    return false;
  }
}

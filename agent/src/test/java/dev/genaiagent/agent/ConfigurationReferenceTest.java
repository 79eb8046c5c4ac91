package dev.genaiagent.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.agent.consoletree.ConsoleTreeSpanExporterProvider;
import dev.genaiagent.telemetry.config.ConfigKey;
import dev.genaiagent.telemetry.config.GenAiConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's configuration reference lists exactly the keys the code reads, with the code's defaults. */
class ConfigurationReferenceTest {
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*`([^`]*)`\\s*\\|");
  static final String KEYS_HEADING = "### Keys this distribution adds";
  static final String DEFAULTS_HEADING = "### Defaults this distribution changes";
  static final String SWITCHES_HEADING = "### Instrumentation switches";

  /** Every key of every module that ships in the jar. */
  static List<ConfigKey<?>> allKeys() {
    List<ConfigKey<?>> keys = new ArrayList<>(GenAiConfig.KEYS);
    keys.addAll(ConsoleTreeSpanExporterProvider.KEYS);
    return keys;
  }

  @Test
  void everyKeyIsDocumentedWithItsDefault() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    for (ConfigKey<?> key : allKeys()) {
      expected.put(key.name(), key.defaultText());
    }
    assertThat(rowsUnder(KEYS_HEADING)).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void everyChangedUpstreamDefaultIsDocumented() throws IOException {
    assertThat(rowsUnder(DEFAULTS_HEADING))
        .containsExactlyInAnyOrderEntriesOf(GenAiDistributionCustomizer.DEFAULT_PROPERTIES);
  }

  @Test
  void everyInstrumentationHasItsSwitchDocumented() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    for (io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule module : java.util.ServiceLoader.load(
        io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule.class)) {
      expected.put("otel.instrumentation." + module.instrumentationName() + ".enabled", "true");
    }
    assertThat(expected).isNotEmpty();
    assertThat(rowsUnder(SWITCHES_HEADING)).containsExactlyInAnyOrderEntriesOf(expected);
  }

  private static Map<String, String> rowsUnder(String heading) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(System.getProperty("genai.readme", "../README.md")));
    Map<String, String> rows = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("#")) {
        inSection = line.trim().equals(heading);
        continue;
      }
      Matcher m = ROW.matcher(line);
      if (inSection && m.find()) {
        rows.put(m.group(1), m.group(2));
      }
    }
    assertThat(rows).as("rows under '%s' in README.md", heading).isNotEmpty();
    return rows;
  }
}

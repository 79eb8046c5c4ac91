package dev.genaiagent.telemetry.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverridesTest {
  private final List<LogRecord> warnings = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      warnings.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final PricingTable bundled = PricingTable.bundled();

  @TempDir
  Path dir;

  @BeforeEach
  void capture() {
    Logger.getLogger(PricingTable.class.getName()).addHandler(handler);
  }

  @AfterEach
  void release() {
    Logger.getLogger(PricingTable.class.getName()).removeHandler(handler);
  }

  private Path file(String name, String content) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rowsAddAndOverride() throws Exception {
    Path file = file("prices.txt", String.join("\n",
        "# my negotiated prices",
        "openai           gpt-4o-mini   1.00  2.00   # replaces the bundled row, cached price and all",
        "azure.ai.openai  gpt-4o        2.75  11.00  1.375",
        "openai           my-finetune   3     12",
        "aws.bedrock      claude-3-5-sonnet  3.00  15.00  0.30  3.75  -  -",
        ""));
    PricingTable table = bundled.withOverrides(file);

    assertThat(warnings).isEmpty();
    assertThat(table.find("openai", "gpt-4o-mini-2024-07-18").inputPerMillion()).isEqualTo(1.0);
    assertThat(table.find("openai", "gpt-4o-mini").cacheReadPerMillion()).isNull();
    // 1000 x 1 + 500 x 2 (the override has no cached price: cache reads cost the input price).
    TokenUsage u = TokenUsage.builder().inputTokens(1000L).cacheReadInputTokens(200L).outputTokens(500L).build();
    assertThat(table.cost("openai", "gpt-4o-mini", u)).isEqualTo(0.002);
    // 800 x 2.75 + 200 x 1.375 + 500 x 11 = 7975.
    assertThat(table.cost("azure.ai.openai", "gpt-4o-2024-08-06", u)).isEqualTo(0.007975);
    assertThat(table.find("openai", "my-finetune").outputPerMillion()).isEqualTo(12.0);
    assertThat(table.find("aws.bedrock", "us.anthropic.claude-3-5-sonnet-20241022-v2:0").provider())
        .isEqualTo("aws.bedrock");
    // Rows the file does not mention stay; the bundled table itself is unchanged.
    assertThat(table.find("openai", "gpt-4o").inputPerMillion()).isEqualTo(2.5);
    assertThat(table.prices()).hasSize(bundled.prices().size() + 3);
    assertThat(table.pricesAsOf()).isEqualTo(bundled.pricesAsOf());
    assertThat(bundled.find("openai", "gpt-4o-mini").inputPerMillion()).isEqualTo(0.15);
    assertThat(bundled.find("openai", "my-finetune")).isNull();
  }

  @Test
  void aListedSnapshotInAnOverrideWinsOverTheBundledFamily() throws Exception {
    PricingTable table = bundled.withOverrides(file("p.txt", "openai gpt-4o-2024-11-20 2.00 8.00\n"));
    assertThat(table.find("openai", "gpt-4o-2024-11-20").model()).isEqualTo("gpt-4o-2024-11-20");
    assertThat(table.find("openai", "gpt-4o-2024-08-06").model()).isEqualTo("gpt-4o");
  }

  @Test
  void loadReadsTheConfiguredPathAndBlankMeansBundled() throws Exception {
    assertThat(PricingTable.load(null)).isSameAs(bundled);
    assertThat(PricingTable.load("")).isSameAs(bundled);
    assertThat(PricingTable.load("  ")).isSameAs(bundled);
    Path file = file("conf.txt", "mistral_ai mistral-large 1 3\n");
    assertThat(PricingTable.load(" " + file + " ").find("mistral_ai", "mistral-large-2411").inputPerMillion())
        .isEqualTo(1.0);
    assertThat(warnings).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bad number      | openai gpt-4o-mini 1,5 2                 | line 3: '1,5' is not a price",
      "negative        | openai gpt-4o-mini -1.5 2                | line 3: '-1.5' is not a price",
      "too precise     | openai gpt-4o-mini 0.1234567 2           | line 3: '0.1234567' is not a price",
      "exponent        | openai gpt-4o-mini 1e3 2                 | line 3: '1e3' is not a price",
      "too few columns | openai gpt-4o-mini 1.5                   | line 3: expected 4 to 8 columns",
      "too many        | openai gpt-4o-mini 1 2 3 4 5 6 7         | line 3: expected 4 to 8 columns",
      "no input price  | openai gpt-4o-mini - 2                   | line 3: openai gpt-4o-mini has neither an input nor",
      "prefixed model  | openai openai/gpt-4o-mini 1 2            | line 3: model 'openai/gpt-4o-mini' is looked up without",
      "bad provider    | Open!AI gpt-4o-mini 1 2                  | line 3: 'Open!AI' is not a gen_ai.provider.name",
      "listed twice    | openai gpt-4o 1 2\\nopenai GPT-4o 1 2     | line 4: openai gpt-4o is listed twice",
  })
  void aMalformedFileWarnsOnceNamingFileAndLineAndIsIgnoredWhole(String name, String row, String expected)
      throws Exception {
    Path file = file("bad.txt", "# a good row first, which must not apply either\nopenai o3 0.01 0.02\n"
        + row.replace("\\n", "\n") + "\n");
    PricingTable table = bundled.withOverrides(file);
    PricingTable again = bundled.withOverrides(file);

    assertThat(table).isSameAs(bundled);
    assertThat(again).isSameAs(bundled);
    assertThat(table.find("openai", "o3").inputPerMillion()).isEqualTo(2.0);
    assertThat(warnings).singleElement().satisfies(r -> {
      assertThat(r.getLevel()).isEqualTo(Level.WARNING);
      assertThat(r.getMessage()).contains(file.toString()).contains(expected);
    });
  }

  @Test
  void anUnreadableFileWarnsOnceAndTheBundledTableStays() {
    Path missing = dir.resolve("missing.txt");
    assertThat(bundled.withOverrides(missing)).isSameAs(bundled);
    assertThat(PricingTable.load(missing.toString())).isSameAs(bundled);
    assertThat(warnings).singleElement().satisfies(r -> assertThat(r.getMessage())
        .contains(missing.toString()).contains("cannot be read"));
  }

  @Test
  void aFileThatIsNotUtf8IsUnreadable() throws Exception {
    Path file = Files.write(dir.resolve("latin1.txt"), new byte[] {'o', 'p', 'e', 'n', 'a', 'i', ' ', (byte) 0xE9,
        ' ', '1', ' ', '2', '\n'});
    assertThat(bundled.withOverrides(file)).isSameAs(bundled);
    assertThat(warnings).singleElement().satisfies(r -> assertThat(r.getMessage()).contains(file.toString()));
  }

  @Test
  void aDirectoryIsUnreadable() {
    assertThat(bundled.withOverrides(dir)).isSameAs(bundled);
    assertThat(warnings).singleElement().satisfies(r -> assertThat(r.getMessage()).contains(dir.toString()));
  }
}

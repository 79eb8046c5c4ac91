package dev.genaiagent.benchmarks.jmh;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the same benchmarks in forks without the agent and with it, and prints them side by side against
 * the budgets. Run through {@code benchmarks/jmh.sh}, which builds what is needed and passes the jars.
 *
 * <p>Every (benchmark, configuration) pair is its own JMH run with its own forks; configurations are
 * interleaved per benchmark (no agent, agent, agent with content capture, then the next benchmark), so slow
 * drift of a shared machine spreads over all of them instead of landing on one configuration.
 *
 * <p>Four families of benchmarks, each compared with its own baseline: the OpenAI SDK and LangChain4j
 * (chat, streaming, tool execution, retrieval) against no agent; JDBC statements and vector searches
 * against the same agent with our {@code genai-jdbc-vectorstores} module off (upstream's JDBC
 * instrumentation alone, which makes its database spans in both); the vector SQL classifier alone,
 * without the agent, in absolute figures.
 */
public final class Compare {
  static final double BUDGET_CALL_US = 20;
  static final double BUDGET_CHUNK_US = 1;
  static final double BUDGET_CONTENT_CALL_US = 200;
  /** Added by genai-jdbc-vectorstores to a statement that is not a vector search. */
  static final double BUDGET_JDBC_STATEMENT_US = 0.100;
  /** Added by genai-jdbc-vectorstores per row of a vector search read with its score. */
  static final double BUDGET_JDBC_ROW_US = 0.050;
  /** The per-row budget is checked on the largest search only when it reads at least this many rows. */
  static final int MIN_ROWS_FOR_ROW_BUDGET = 1000;
  /** First classification of a new 2 KB statement, the classifier alone (absolute). */
  static final double BUDGET_CLASSIFY_US = 2;
  /** Added per LangChain4j tool execution (content capture off). */
  static final double BUDGET_TOOL_US = 10;
  /** Added per LangChain4j retrieval (content capture off). */
  static final double BUDGET_RETRIEVAL_US = 10;

  static final String OPENAI = "openai";
  static final String LC4J = "langchain4j";
  /** The LangChain4j benchmarks, each also selectable alone; {@link #LC4J} selects them all. */
  static final List<String> LC4J_BENCHMARKS = List.of("lc4j-chat", "lc4j-stream", "lc4j-tool", "lc4j-retrieval");
  static final String JDBC = "jdbc";
  static final String CLASSIFIER = "classifier";
  /** The baseline of the JDBC rows: the agent with genai-jdbc-vectorstores off. */
  static final String JDBC_OFF = "agent-jdbc-off";

  private static final String PKG = Compare.class.getPackage().getName();
  static final String WALL = "wall";
  static final String CPU_PROCESS = "cpu.process";
  static final String CPU_THREAD = "cpu.thread";
  static final String ALLOC = "gc.alloc.rate.norm";

  public static void main(String[] args) throws Exception {
    Settings s;
    try {
      s = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Settings.USAGE);
      System.exit(2);
      return;
    }
    Files.createDirectories(s.out);

    List<Config> all = Config.all(s);
    List<Config> configs = all.stream().filter(c -> s.configs.contains(c.name)).collect(Collectors.toList());
    List<Unit> units = Unit.all(s);
    Map<String, Map<String, Measured>> results = new LinkedHashMap<>();
    int total = units.stream().mapToInt(u -> u.configs(all, configs).size()).sum();
    int done = 0;
    long started = System.nanoTime();
    String loadBefore = loadAverage();
    for (Unit unit : units) {
      for (Config config : unit.configs(all, configs)) {
        done++;
        Path log = s.out.resolve(config.name + "-" + unit.id + ".log");
        // Printed whole once the run is done: the agent in a fork may log to the console meanwhile (the
        // batch span processor's "dropped spans" warnings when statements outpace the exporter thread).
        String progress = String.format(Locale.ROOT, "[%d/%d] %-22s %-16s ", done, total, unit.id, config.name);
        Measured m = run(s, unit, config, log, progress);
        results.computeIfAbsent(unit.id, k -> new LinkedHashMap<>()).put(config.name, m);
        System.out.printf(Locale.ROOT, "%scpu %9.2f ± %6.2f  wall %9.2f ± %6.2f us/op  %8.0f B/op  %s%n", progress,
            m.score(CPU_PROCESS), m.error(CPU_PROCESS), m.score(WALL), m.error(WALL), m.score(ALLOC), m.telemetry);
      }
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

    Report report = new Report(s, configs, results);
    String table = report.render(seconds, loadBefore, loadAverage());
    System.out.println();
    System.out.println(table);
    Path md = s.out.resolve("results.md");
    Files.write(md, table.getBytes(StandardCharsets.UTF_8));
    System.out.println("written: " + s.root.relativize(md.toAbsolutePath()) + " (and one JMH log and JSON per run in "
        + s.root.relativize(s.out.toAbsolutePath()) + ")");
    if (s.enforce && report.failed) {
      System.exit(1);
    }
  }

  private static String loadAverage() {
    try {
      String[] f = new String(Files.readAllBytes(Paths.get("/proc/loadavg")), StandardCharsets.US_ASCII).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static Measured run(Settings s, Unit unit, Config config, Path log, String progress) throws Exception {
    Path telemetry = s.out.resolve(config.name + "-" + unit.id + ".telemetry");
    Files.deleteIfExists(telemetry);
    ChainedOptionsBuilder b = new OptionsBuilder()
        .include("^" + Pattern.quote(PKG + "." + unit.benchmark) + "$")
        .forks(s.forks)
        .warmupIterations(s.warmup)
        .warmupTime(TimeValue.milliseconds(s.timeMs))
        .measurementIterations(s.iterations)
        .measurementTime(TimeValue.milliseconds(s.timeMs))
        .mode(org.openjdk.jmh.annotations.Mode.AverageTime)
        .timeUnit(TimeUnit.MICROSECONDS)
        .jvmArgs(s.commonJvmArgs.toArray(new String[0]))
        .jvmArgsAppend(config.withTelemetryFile(telemetry).toArray(new String[0]))
        .shouldFailOnError(true)
        .output(log.toString())
        .result(s.out.resolve(config.name + "-" + unit.id + ".json").toString())
        .resultFormat(ResultFormatType.JSON)
        .addProfiler(GCProfiler.class)
        .addProfiler(CpuTimeProfiler.class);
    for (String profiler : s.profilers) {
      int colon = profiler.indexOf(':');
      if (colon < 0) {
        b.addProfiler(profiler);
      } else {
        b.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
      }
    }
    for (Map.Entry<String, String> p : unit.params.entrySet()) {
      b.param(p.getKey(), p.getValue());
    }
    // JMH relays what a fork writes to System.err once the fork is running to this process's System.err:
    // with the agent, its log lines (e.g. the batch span processor's "dropped spans" warnings when fast
    // JDBC statements outpace the exporter thread). Kept in a file of their own, not among the progress lines.
    Path stderr = s.out.resolve(config.name + "-" + unit.id + ".stderr");
    PrintStream console = System.err;
    Collection<RunResult> runs;
    try (PrintStream forked = new PrintStream(Files.newOutputStream(stderr), true, StandardCharsets.UTF_8)) {
      System.setErr(forked);
      runs = new Runner(b.build()).run();
    } catch (Exception e) {
      System.out.println(progress + "FAILED, see " + log + " and " + stderr);
      throw e;
    } finally {
      System.setErr(console);
    }
    if (runs.size() != 1) {
      throw new IllegalStateException("expected one result for " + unit.id + " in " + config.name + ", got " + runs.size());
    }
    String telemetryCheck = Telemetry.check(config, unit, telemetry);
    if (Files.size(stderr) == 0) {
      Files.delete(stderr);
    } else {
      long lines;
      try (java.util.stream.Stream<String> all = Files.lines(stderr, StandardCharsets.UTF_8)) {
        lines = all.count();
      }
      telemetryCheck += "; " + lines + " lines on stderr: " + s.root.relativize(stderr.toAbsolutePath());
    }
    return new Measured(runs.iterator().next(), telemetryCheck);
  }

  /** What the forks were told. */
  static final class Config {
    final String name;
    final String label;
    final boolean agent;
    final boolean content;
    final List<String> jvmArgs;
    /** The families whose instrumentation this configuration switches off. */
    final List<String> off;

    Config(String name, String label, boolean agent, boolean content, List<String> jvmArgs) {
      this(name, label, agent, content, jvmArgs, List.of());
    }

    Config(String name, String label, boolean agent, boolean content, List<String> jvmArgs, List<String> off) {
      this.name = name;
      this.label = label;
      this.agent = agent;
      this.content = content;
      this.jvmArgs = jvmArgs;
      this.off = off;
    }

    /** Whether our instrumentation of this family is at work in the forks. */
    boolean instruments(String family) {
      return agent && !off.contains(family);
    }

    List<String> withTelemetryFile(Path file) {
      List<String> args = new ArrayList<>(jvmArgs);
      if (agent) {
        args.add("-Dgenai.jmh.telemetry-file=" + file.toAbsolutePath());
      }
      return args;
    }

    static List<Config> all(Settings s) {
      List<Config> all = new ArrayList<>();
      all.add(new Config("plain", "no agent", false, false, List.of("-D" + Clients.EXPECT_PROPERTY + "=plain")));
      all.add(new Config("agent", "agent, content capture off", true, false, agentArgs(s, "jmh-discard", false, true)));
      all.add(new Config("agent-content", "agent, content capture on", true, true, agentArgs(s, "jmh-discard", true, true)));
      // Not run by default: the exporters set to none as in a quick manual check (no metric reader, so
      // metric recording is a no-op and no batch span processor), and the agent with our instrumentation off.
      all.add(new Config("agent-none", "agent, exporters none", true, false, agentArgs(s, "none", false, true)));
      List<String> off = new ArrayList<>(agentArgs(s, "jmh-discard", false, false));
      off.add("-Dotel.instrumentation.genai-openai.enabled=false");
      off.add("-Dotel.instrumentation.genai-langchain4j.enabled=false");
      all.add(new Config("agent-genai-off", "agent, genai-openai and genai-langchain4j off", true, false, off,
          List.of(OPENAI, LC4J)));
      // The baseline of the JDBC budgets: upstream's JDBC instrumentation alone (ours off, the rest of
      // the agent as in "agent"). Run for the JDBC benchmarks only.
      List<String> jdbcOff = new ArrayList<>(agentArgs(s, "jmh-discard", false, true));
      jdbcOff.add("-Dotel.instrumentation.genai-jdbc-vectorstores.enabled=false");
      all.add(new Config(JDBC_OFF, "agent, genai-jdbc-vectorstores off", true, false, jdbcOff, List.of(JDBC)));
      return all;
    }

    private static List<String> agentArgs(Settings s, String exporter, boolean content, boolean instrumented) {
      List<String> args = new ArrayList<>();
      args.add("-javaagent:" + s.agentJar);
      if (exporter.equals("jmh-discard")) {
        args.add("-Dotel.javaagent.extensions=" + s.extensionJar);
      }
      args.add("-Dotel.service.name=genai-jmh");
      args.add("-Dotel.traces.exporter=" + exporter);
      args.add("-Dotel.metrics.exporter=" + exporter);
      args.add("-Dotel.logs.exporter=none");
      args.add("-Dotel.instrumentation.genai.capture-message-content=" + content);
      args.add("-D" + Clients.EXPECT_PROPERTY + "=" + (instrumented ? "instrumented" : "plain"));
      return args;
    }
  }

  /** One benchmark method with its parameters. */
  static final class Unit {
    final String id;
    final String benchmark;
    final Map<String, String> params;
    final String kind;
    final String family;

    Unit(String id, String kind, String benchmark, Map<String, String> params) {
      this.id = id;
      this.kind = kind;
      this.benchmark = benchmark;
      this.params = params;
      this.family = kind.equals("jdbc") || kind.equals("vector") ? JDBC : kind.equals(CLASSIFIER) ? CLASSIFIER
          : kind.startsWith("lc4j-") ? LC4J : OPENAI;
    }

    /**
     * The selected configurations this unit is measured in. A configuration switching off another
     * family's instrumentation, or with exporters that leave nothing to compare with its baseline, is
     * skipped; the classifier runs without the agent only, selected or not.
     */
    List<Config> configs(List<Config> all, List<Config> selected) {
      if (family.equals(CLASSIFIER)) {
        return all.stream().filter(c -> c.name.equals("plain")).collect(Collectors.toList());
      }
      return selected.stream().filter(c -> family.equals(JDBC)
              ? List.of("plain", "agent", "agent-content", JDBC_OFF).contains(c.name)
              : !c.off.contains(JDBC))
          .collect(Collectors.toList());
    }

    static List<Unit> all(Settings s) {
      List<Unit> all = new ArrayList<>();
      if (s.benchmarks.contains("chat")) {
        all.add(new Unit("chat-create", "chat", "ChatBenchmarks.create", Map.of()));
      }
      if (s.benchmarks.contains("large")) {
        all.add(new Unit("chat-create-4kb", "large", "ChatBenchmarks.createLargePrompt", Map.of()));
      }
      if (s.benchmarks.contains("stream")) {
        for (int n : s.chunks) {
          all.add(new Unit("chat-stream-" + n, "stream", "ChatStreamBenchmarks.stream", Map.of("chunks", String.valueOf(n))));
        }
      }
      if (s.benchmarks.contains("embeddings")) {
        all.add(new Unit("embeddings-create", "embeddings", "EmbeddingsBenchmarks.create", Map.of()));
      }
      if (s.selects("lc4j-chat")) {
        all.add(new Unit("lc4j-chat", "lc4j-chat", "LangChain4jChatBenchmarks.chat", Map.of()));
      }
      if (s.selects("lc4j-stream")) {
        for (int n : s.chunks) {
          all.add(new Unit("lc4j-stream-" + n, "lc4j-stream", "LangChain4jStreamBenchmarks.stream",
              Map.of("chunks", String.valueOf(n))));
        }
      }
      if (s.selects("lc4j-tool")) {
        all.add(new Unit("lc4j-tool", "lc4j-tool", "LangChain4jToolBenchmarks.execute", Map.of()));
      }
      if (s.selects("lc4j-retrieval")) {
        all.add(new Unit("lc4j-retrieve", "lc4j-retrieval", "LangChain4jRetrievalBenchmarks.retrieve", Map.of()));
        all.add(new Unit("lc4j-search", "lc4j-retrieval", "LangChain4jRetrievalBenchmarks.search", Map.of()));
      }
      if (s.benchmarks.contains(JDBC)) {
        all.add(new Unit("jdbc-query", "jdbc", "JdbcQueryBenchmarks.query", Map.of()));
        all.add(new Unit("jdbc-execute", "jdbc", "JdbcQueryBenchmarks.execute", Map.of()));
      }
      if (s.benchmarks.contains(JDBC) || s.benchmarks.contains("vector")) {
        for (int n : s.rows) {
          all.add(new Unit("vector-search-" + n, "vector", "VectorSearchBenchmarks.search", Map.of("rows", String.valueOf(n))));
        }
      }
      if (s.benchmarks.contains(CLASSIFIER)) {
        String b = "VectorSqlClassifierBenchmarks.";
        all.add(new Unit("classify-new-vector", CLASSIFIER, b + "classifyNew", Map.of("statements", "vector")));
        all.add(new Unit("classify-new-other", CLASSIFIER, b + "classifyNew", Map.of("statements", "other")));
        all.add(new Unit("classify-cache-hit", CLASSIFIER, b + "cacheHit", Map.of("statements", "other")));
        all.add(new Unit("classify-cache-miss", CLASSIFIER, b + "cacheMiss", Map.of("statements", "other")));
      }
      return all;
    }
  }

  /** One (benchmark, configuration) run: each measure's score and 99.9% confidence half-width per operation. */
  static final class Measured {
    final Map<String, double[]> values = new LinkedHashMap<>();
    final String telemetry;

    Measured(RunResult r, String telemetry) {
      put(WALL, r.getPrimaryResult());
      for (String key : List.of(CPU_PROCESS, CPU_THREAD, ALLOC)) {
        Result<?> secondary = r.getSecondaryResults().get(key);
        if (secondary != null) {
          put(key, secondary);
        }
      }
      this.telemetry = telemetry;
    }

    private void put(String key, Result<?> result) {
      double error = result.getScoreError();
      values.put(key, new double[] {result.getScore(), Double.isNaN(error) ? 0 : error});
    }

    double score(String key) {
      double[] v = values.get(key);
      return v == null ? Double.NaN : v[0];
    }

    double error(String key) {
      double[] v = values.get(key);
      return v == null ? Double.NaN : v[1];
    }

    /** False when the agent made none of the spans this benchmark is about (a hook it does not have yet). */
    boolean instrumented() {
      return !telemetry.contains(Telemetry.NOT_INSTRUMENTED);
    }
  }

  /**
   * Reads the lines the discarding exporters print at fork shutdown: proof that spans and metrics were
   * made, and that content capture was on or off as asked. For JDBC: retrieval spans exactly when our
   * module is on and the statement is a vector search, and upstream's database spans in every agent fork.
   */
  static final class Telemetry {
    private static final Pattern SPANS = Pattern.compile(
        "\\[jmh-discard] spans=(\\d+) genai_spans=(\\d+) with_input_messages=(\\d+) with_output_messages=(\\d+)");
    private static final Pattern DATABASE = Pattern.compile("retrieval_spans=(\\d+) database_spans=(\\d+)");
    private static final Pattern METRICS = Pattern.compile("\\[jmh-discard] genai_metrics=(\\S*)");
    private static final Pattern OPERATIONS = Pattern.compile(" operations=(\\S*)");
    /** In the telemetry summary of a run whose spans are missing but allowed to be (not a failure). */
    static final String NOT_INSTRUMENTED = "NOT INSTRUMENTED by this agent";

    static String check(Config config, Unit unit, Path file) throws IOException {
      if (!config.jvmArgs.contains("-Dotel.traces.exporter=jmh-discard")) {
        return config.agent ? "telemetry: not observable" : "telemetry: none (no agent)";
      }
      long genAi = -1;
      long input = -1;
      long retrievals = -1;
      long database = -1;
      String metrics = null;
      Map<String, Long> operations = new java.util.TreeMap<>();
      List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
      for (String line : lines) {
        java.util.regex.Matcher m = SPANS.matcher(line);
        if (m.find()) {
          genAi = Math.max(genAi, 0) + Long.parseLong(m.group(2));
          input = Math.max(input, 0) + Long.parseLong(m.group(3));
          m = DATABASE.matcher(line);
          if (m.find()) {
            retrievals = Math.max(retrievals, 0) + Long.parseLong(m.group(1));
            database = Math.max(database, 0) + Long.parseLong(m.group(2));
          }
          m = OPERATIONS.matcher(line);
          if (m.find()) {
            for (String op : m.group(1).split(",")) {
              int colon = op.lastIndexOf(':');
              if (colon > 0) {
                operations.merge(op.substring(0, colon), Long.parseLong(op.substring(colon + 1)), Long::sum);
              }
            }
          }
        }
        m = METRICS.matcher(line);
        if (m.find()) {
          metrics = m.group(1);
        }
      }
      if (genAi < 0) {
        return "telemetry: exporter summary not found in " + file;
      }
      if (unit.family.equals(JDBC)) {
        return checkJdbc(config, unit, retrievals, database, metrics);
      }
      if (unit.family.equals(LC4J)) {
        return checkLangChain4j(config, unit, genAi, input, operations, metrics);
      }
      boolean instrumented = config.instruments(OPENAI);
      if (instrumented && genAi == 0) {
        throw new IllegalStateException(config.name + "/" + unit.id + ": the agent made no GenAI span");
      }
      if (instrumented && (metrics == null || !metrics.contains("gen_ai.client.operation.duration"))) {
        throw new IllegalStateException(config.name + "/" + unit.id + ": no GenAI metric was recorded: " + metrics);
      }
      boolean chat = !unit.kind.equals("embeddings");
      if (instrumented && chat && config.content != (input > 0)) {
        throw new IllegalStateException(config.name + "/" + unit.id + ": content capture should be "
            + (config.content ? "on" : "off") + " but " + input + " of " + genAi + " spans carry input messages");
      }
      return "telemetry: " + genAi + " GenAI spans, " + input + " with content, metrics "
          + (metrics == null || metrics.isEmpty() ? "none" : "recorded");
    }

    /**
     * LangChain4j: the operation the benchmark is about must have spans in an instrumented fork (chat
     * ones also a duration metric, and input messages exactly when content capture is on). Tool and
     * retrieval hooks may be missing from the agent under test: then the run is marked
     * {@link #NOT_INSTRUMENTED} and its rows get no verdict, instead of failing.
     */
    private static String checkLangChain4j(Config config, Unit unit, long genAi, long input,
        Map<String, Long> operations, String metrics) {
      String where = config.name + "/" + unit.id + ": ";
      boolean chat = unit.kind.equals("lc4j-chat") || unit.kind.equals("lc4j-stream");
      String expected = chat ? "chat" : unit.kind.equals("lc4j-tool") ? "execute_tool" : "retrieval";
      String summary = "telemetry: " + genAi + " GenAI spans " + operations + ", " + input + " with input messages,"
          + " metrics " + (metrics == null || metrics.isEmpty() ? "none" : "recorded");
      if (!config.instruments(LC4J)) {
        if (genAi > 0) {
          throw new IllegalStateException(where + genAi + " GenAI spans where genai-langchain4j is off");
        }
        return summary;
      }
      if (operations.getOrDefault(expected, 0L) == 0) {
        if (chat || operations.isEmpty() && genAi > 0) {
          throw new IllegalStateException(where + "the agent made no " + expected + " span (or the extension jar"
              + " is older than the benchmarks: no operation counts): " + summary);
        }
        return summary + "; no " + expected + " spans: " + NOT_INSTRUMENTED;
      }
      if (chat) {
        if (metrics == null || !metrics.contains("gen_ai.client.operation.duration")) {
          throw new IllegalStateException(where + "no GenAI metric was recorded: " + metrics);
        }
        if (config.content != (input > 0)) {
          throw new IllegalStateException(where + "content capture should be " + (config.content ? "on" : "off")
              + " but " + input + " of " + genAi + " spans carry input messages");
        }
      }
      return summary;
    }

    private static String checkJdbc(Config config, Unit unit, long retrievals, long database, String metrics) {
      String where = config.name + "/" + unit.id + ": ";
      if (retrievals < 0) {
        throw new IllegalStateException(where + "the exporter summary has no retrieval and database span counts"
            + " (an extension jar older than the benchmarks?)");
      }
      boolean expected = config.instruments(JDBC) && unit.kind.equals("vector");
      if (expected && retrievals == 0) {
        throw new IllegalStateException(where + "the agent made no retrieval span for the vector search");
      }
      if (!expected && retrievals > 0) {
        throw new IllegalStateException(where + retrievals + " retrieval spans where none should be ("
            + (unit.kind.equals("vector") ? "genai-jdbc-vectorstores should be off" : "not a vector search") + ")");
      }
      if (expected && (metrics == null || !metrics.contains("gen_ai.client.operation.duration"))) {
        throw new IllegalStateException(where + "no GenAI metric was recorded: " + metrics);
      }
      // Setup statements make database spans too; for the statement benchmarks these are almost all theirs.
      if (database == 0) {
        throw new IllegalStateException(where + "upstream's JDBC instrumentation made no database span");
      }
      return "telemetry: " + retrievals + " retrieval spans, " + database + " other database spans, GenAI metrics "
          + (metrics == null || metrics.isEmpty() ? "none" : "recorded");
    }
  }

  /** The side-by-side tables and the verdicts. */
  static final class Report {
    private final Settings s;
    private final Map<String, Config> configs = new LinkedHashMap<>();
    private final Map<String, Map<String, Measured>> results;
    private final StringBuilder rows = new StringBuilder();
    private final StringBuilder jdbcRows = new StringBuilder();
    private final StringBuilder lc4jRows = new StringBuilder();
    private final StringBuilder classifierRows = new StringBuilder();
    private final List<String> verdicts = new ArrayList<>();
    boolean failed;

    Report(Settings s, List<Config> configs, Map<String, Map<String, Measured>> results) {
      this.s = s;
      configs.forEach(c -> this.configs.put(c.name, c));
      this.results = results;
    }

    String render(long seconds, String loadBefore, String loadAfter) {
      int max = s.chunks.stream().mapToInt(Integer::intValue).max().orElse(0);
      int min = s.chunks.stream().mapToInt(Integer::intValue).min().orElse(0);
      for (String instrumented : configs.keySet()) {
        if (instrumented.equals("plain")) {
          continue;
        }
        boolean content = configs.get(instrumented).content;
        boolean main = instrumented.equals("agent") || instrumented.equals("agent-content");
        row("chat create, short prompt", instrumented, delta("chat-create", 0, instrumented, 1),
            main && !content ? BUDGET_CALL_US : Double.NaN, 2);
        row("chat create, 4 KB prompt", instrumented, delta("chat-create-4kb", 0, instrumented, 1),
            !main ? Double.NaN : content ? BUDGET_CONTENT_CALL_US : BUDGET_CALL_US, 2);
        for (int n : s.chunks) {
          row("chat stream, " + n + " chunks (whole call)", instrumented, delta("chat-stream-" + n, 0, instrumented, 1),
              Double.NaN, 2);
        }
        if (max > 0) {
          row("chat stream, per chunk = whole call / " + max, instrumented,
              delta("chat-stream-" + max, 0, instrumented, max), main && !content ? BUDGET_CHUNK_US : Double.NaN, 3);
        }
        if (max > min) {
          row("chat stream, per chunk = slope " + min + " to " + max + " chunks", instrumented,
              delta("chat-stream-" + max, min, instrumented, max - min), Double.NaN, 3);
        }
        row("embeddings create, 1536 dimensions", instrumented, delta("embeddings-create", 0, instrumented, 1),
            Double.NaN, 2);
      }
      renderLangChain4j();
      renderJdbc();
      renderClassifier();

      StringBuilder out = new StringBuilder();
      out.append("CPU = CPU time of the whole JVM per operation (benchmark thread, GC, agent threads, JIT), the"
          + " measure the budgets are checked on.\n");
      if (rows.length() > 0) {
        out.append("\n| benchmark | configuration | CPU no agent (us) | CPU with agent (us) | added CPU (us) | budget"
            + " | verdict | added CPU, app thread only (us) | added wall time (us) | alloc no agent (B) | alloc with agent (B) |\n");
        out.append("|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
        out.append(rows);
      }
      if (lc4jRows.length() > 0) {
        out.append("\nLangChain4j: added = with the agent minus without it. Per partial response: the stream's"
            + " partial responses (one per content chunk: chunks - 3).\n\n");
        out.append("| benchmark | configuration | CPU no agent (us) | CPU with agent (us) | added CPU (us) | budget"
            + " | verdict | added CPU, app thread only (us) | added wall time (us) | alloc no agent (B) | alloc with agent (B) |\n");
        out.append("|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
        out.append(lc4jRows);
      }
      if (jdbcRows.length() > 0) {
        out.append("\nJDBC: added = the agent with genai-jdbc-vectorstores on minus the same agent with it off"
            + " (upstream's JDBC instrumentation alone, baseline `" + JDBC_OFF + "`).\n\n");
        out.append("| benchmark | configuration | CPU no agent (us) | CPU ours off (us) | CPU ours on (us) | added CPU (us)"
            + " | budget | verdict | added CPU, app thread only (us) | added wall time (us) | alloc ours off (B)"
            + " | alloc ours on (B) |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
        out.append(jdbcRows);
      } else if (results.keySet().stream().anyMatch(u -> u.startsWith("jdbc-") || u.startsWith("vector-search-"))) {
        out.append("\nJDBC: no rows: they compare with `" + JDBC_OFF + "` and `agent`, run both (--configs).\n");
      }
      if (classifierRows.length() > 0) {
        out.append("\nVector SQL classifier, without the agent (absolute, per operation):\n\n");
        out.append("| benchmark | CPU (us) | budget | verdict | CPU, app thread only (us) | wall time (us) | alloc (B) |\n");
        out.append("|---|---:|---:|---|---:|---:|---:|\n");
        out.append(classifierRows);
      }
      out.append('\n');
      for (String v : verdicts) {
        out.append(v).append('\n');
      }
      out.append(String.format(Locale.ROOT, "%n%d fork(s) x %d warmup + %d measurement iterations of %d ms per"
              + " benchmark and configuration; +- is the 99.9%% confidence half-width (JMH's, combined); %d s in all;"
              + " load average (1, 5, 15 min) %s before, %s after.%n",
          s.forks, s.warmup, s.iterations, s.timeMs, seconds, loadBefore, loadAfter));
      return out.toString();
    }

    /**
     * LangChain4j against no agent; budgets with content capture off (the default). A row whose agent run
     * made none of its spans (a hook this agent does not have) gets no verdict.
     */
    private void renderLangChain4j() {
      int max = s.chunks.stream().mapToInt(Integer::intValue).max().orElse(0);
      int min = s.chunks.stream().mapToInt(Integer::intValue).min().orElse(0);
      for (String config : configs.keySet()) {
        if (config.equals("plain")) {
          continue;
        }
        boolean budgets = config.equals("agent");
        lc4jRow("chat, OpenAiChatModel.chat(ChatRequest), short prompt", config, "lc4j-chat", null, 1,
            budgets ? BUDGET_CALL_US : Double.NaN, 2);
        for (int n : s.chunks) {
          lc4jRow("stream, OpenAiStreamingChatModel, " + n + " chunks (whole call)", config, "lc4j-stream-" + n, null, 1,
              Double.NaN, 2);
        }
        if (max > 0) {
          int partials = LangChain4jStreamBenchmarks.partialResponses(max);
          lc4jRow("stream, per partial response = whole call / " + partials, config, "lc4j-stream-" + max, null,
              partials, budgets ? BUDGET_CHUNK_US : Double.NaN, 3);
        }
        if (max > min) {
          lc4jRow("stream, per partial response = slope " + min + " to " + max + " chunks", config,
              "lc4j-stream-" + max, "lc4j-stream-" + min, max - min, Double.NaN, 3);
        }
        lc4jRow("tool, DefaultToolExecutor.execute, @Tool method with 2 arguments", config, "lc4j-tool", null, 1,
            budgets ? BUDGET_TOOL_US : Double.NaN, 2);
        lc4jRow("retrieval, EmbeddingStoreContentRetriever.retrieve (embed query + search " + 
            LangChain4jRetrievalBenchmarks.SEGMENTS + " segments, top " + LangChain4jRetrievalBenchmarks.MAX_RESULTS + ")",
            config, "lc4j-retrieve", null, 1, budgets ? BUDGET_RETRIEVAL_US : Double.NaN, 2);
        lc4jRow("retrieval, InMemoryEmbeddingStore.search alone (" + LangChain4jRetrievalBenchmarks.SEGMENTS
            + " segments, top " + LangChain4jRetrievalBenchmarks.MAX_RESULTS + ")", config, "lc4j-search", null, 1,
            budgets ? BUDGET_RETRIEVAL_US : Double.NaN, 2);
      }
    }

    private void lc4jRow(String name, String config, String unit, String baseUnit, int per, double budget, int decimals) {
      Map<String, double[]> d = delta(unit, baseUnit, "plain", config, per);
      if (d == null) {
        return;
      }
      boolean instrumented = get(unit, config).instrumented() && (baseUnit == null || get(baseUnit, config).instrumented());
      if (!instrumented && !Double.isNaN(budget)) {
        verdicts.add(String.format(Locale.ROOT, "SKIP %s (%s): the agent made none of its spans (not instrumented"
            + " by this agent), added %.3f us CPU (+- %.3f), budget <= %s us not checked", name,
            configs.get(config).label, d.get(CPU_PROCESS)[2], d.get(CPU_PROCESS)[3], num(budget)));
      }
      row(lc4jRows, name + (instrumented ? "" : " (no spans: not instrumented)"), config, d,
          instrumented ? budget : Double.NaN, decimals);
    }

    /** Against the agent with genai-jdbc-vectorstores off; budgets with content capture off (the default). */
    private void renderJdbc() {
      int max = s.rows.stream().mapToInt(Integer::intValue).max().orElse(0);
      int min = s.rows.stream().mapToInt(Integer::intValue).min().orElse(0);
      for (String config : configs.keySet()) {
        Config c = configs.get(config);
        if (!c.instruments(JDBC) || !(config.equals("agent") || config.equals("agent-content"))) {
          continue;
        }
        boolean budgets = config.equals("agent");
        jdbcRow("non-vector statement (H2): prepare, bind, execute, read 1 row, close", config,
            "jdbc-query", null, 1, budgets ? BUDGET_JDBC_STATEMENT_US : Double.NaN, 3);
        jdbcRow("non-vector statement (H2), prepared once: bind, execute, read 1 row", config,
            "jdbc-execute", null, 1, budgets ? BUDGET_JDBC_STATEMENT_US : Double.NaN, 3);
        for (int n : s.rows) {
          jdbcRow("vector search (DuckDB), " + n + " rows (whole call)", config, "vector-search-" + n, null, 1,
              Double.NaN, 2);
        }
        if (max > 0) {
          // Checked on a large result only: with a few rows the per-search work would be most of the figure.
          jdbcRow("vector search, per row = whole call / " + max, config, "vector-search-" + max, null, max,
              budgets && max >= MIN_ROWS_FOR_ROW_BUDGET ? BUDGET_JDBC_ROW_US : Double.NaN, 3);
        }
        if (max > min) {
          jdbcRow("vector search, per row = slope " + min + " to " + max + " rows", config, "vector-search-" + max,
              "vector-search-" + min, max - min, Double.NaN, 3);
        }
      }
    }

    private void renderClassifier() {
      classifierRow("first classification, new 2 KB vector search", "classify-new-vector", BUDGET_CLASSIFY_US);
      classifierRow("first classification, new 2 KB non-vector statement", "classify-new-other", BUDGET_CLASSIFY_US);
      classifierRow("cache hit, same 2 KB String (every later execution)", "classify-cache-hit", Double.NaN);
      classifierRow("cache miss, SQL never seen: new 2 KB String built, hashed, classified, cached", "classify-cache-miss",
          Double.NaN);
    }

    /**
     * Per measure: {no agent, with agent, added, added error}, per operation divided by {@code per}. With
     * {@code baseChunks} > 0 the figures are the slope between two stream lengths (their difference).
     */
    private Map<String, double[]> delta(String unit, int baseChunks, String config, int per) {
      return delta(unit, baseChunks > 0 ? "chat-stream-" + baseChunks : null, "plain", config, per);
    }

    /**
     * Per measure: {baseline, with {@code config}, added, added error}, per operation divided by {@code per};
     * with a {@code baseUnit} the difference between the two units (a slope).
     */
    private Map<String, double[]> delta(String unit, String baseUnit, String baseline, String config, int per) {
      Measured plain = get(unit, baseline);
      Measured agent = get(unit, config);
      if (plain == null || agent == null) {
        return null;
      }
      Measured plainBase = null;
      Measured agentBase = null;
      if (baseUnit != null) {
        plainBase = get(baseUnit, baseline);
        agentBase = get(baseUnit, config);
        if (plainBase == null || agentBase == null) {
          return null;
        }
      }
      Map<String, double[]> d = new LinkedHashMap<>();
      for (String key : List.of(CPU_PROCESS, CPU_THREAD, WALL, ALLOC)) {
        double p = plain.score(key);
        double a = agent.score(key);
        double err2 = sq(plain.error(key)) + sq(agent.error(key));
        if (plainBase != null) {
          p -= plainBase.score(key);
          a -= agentBase.score(key);
          err2 += sq(plainBase.error(key)) + sq(agentBase.error(key));
        }
        d.put(key, new double[] {p / per, a / per, (a - p) / per, Math.sqrt(err2) / per});
      }
      return d;
    }

    private void row(String name, String config, Map<String, double[]> d, double budget, int decimals) {
      row(rows, name, config, d, budget, decimals);
    }

    private void row(StringBuilder rows, String name, String config, Map<String, double[]> d, double budget,
        int decimals) {
      if (d == null) {
        return;
      }
      double[] cpu = d.get(CPU_PROCESS);
      String verdict = verdict(name, configs.get(config).label, cpu, budget);
      double[] thread = d.get(CPU_THREAD);
      double[] wall = d.get(WALL);
      double[] alloc = d.get(ALLOC);
      rows.append("| ").append(name).append(" | ").append(configs.get(config).label)
          .append(" | ").append(fmt(cpu[0], decimals))
          .append(" | ").append(fmt(cpu[1], decimals))
          .append(" | ").append(fmt(cpu[2], decimals)).append(" ± ").append(fmt(cpu[3], decimals))
          .append(" | ").append(Double.isNaN(budget) ? "" : "<= " + num(budget))
          .append(" | ").append(verdict)
          .append(" | ").append(fmt(thread[2], decimals)).append(" ± ").append(fmt(thread[3], decimals))
          .append(" | ").append(fmt(wall[2], decimals)).append(" ± ").append(fmt(wall[3], decimals))
          .append(" | ").append(fmt(alloc[0], decimals == 2 ? 0 : 1))
          .append(" | ").append(fmt(alloc[1], decimals == 2 ? 0 : 1)).append(" |\n");
    }

    private void jdbcRow(String name, String config, String unit, String baseUnit, int per, double budget, int decimals) {
      Map<String, double[]> d = delta(unit, baseUnit, JDBC_OFF, config, per);
      if (d == null) {
        return;
      }
      Map<String, double[]> noAgent = delta(unit, baseUnit, "plain", JDBC_OFF, per);
      double[] cpu = d.get(CPU_PROCESS);
      String verdict = verdict(name, configs.get(config).label + "; baseline " + JDBC_OFF, cpu, budget);
      double[] thread = d.get(CPU_THREAD);
      double[] wall = d.get(WALL);
      double[] alloc = d.get(ALLOC);
      jdbcRows.append("| ").append(name).append(" | ").append(configs.get(config).label)
          .append(" | ").append(noAgent == null ? "" : fmt(noAgent.get(CPU_PROCESS)[0], decimals))
          .append(" | ").append(fmt(cpu[0], decimals))
          .append(" | ").append(fmt(cpu[1], decimals))
          .append(" | ").append(fmt(cpu[2], decimals)).append(" ± ").append(fmt(cpu[3], decimals))
          .append(" | ").append(Double.isNaN(budget) ? "" : "<= " + num(budget))
          .append(" | ").append(verdict)
          .append(" | ").append(fmt(thread[2], decimals)).append(" ± ").append(fmt(thread[3], decimals))
          .append(" | ").append(fmt(wall[2], decimals)).append(" ± ").append(fmt(wall[3], decimals))
          .append(" | ").append(fmt(alloc[0], decimals == 2 ? 0 : 1))
          .append(" | ").append(fmt(alloc[1], decimals == 2 ? 0 : 1)).append(" |\n");
    }

    private void classifierRow(String name, String unit, double budget) {
      Measured m = get(unit, "plain");
      if (m == null) {
        return;
      }
      double cpu = m.score(CPU_PROCESS);
      String verdict = "";
      if (!Double.isNaN(budget)) {
        boolean pass = cpu <= budget;
        failed |= !pass;
        verdict = pass ? "PASS" : "**FAIL**";
        verdicts.add(String.format(Locale.ROOT, "%s classifier, %s (no agent): %.3f us CPU (+- %.3f), budget <= %s us",
            pass ? "PASS" : "FAIL", name, cpu, m.error(CPU_PROCESS), num(budget)));
      }
      classifierRows.append("| classifier, ").append(name)
          .append(" | ").append(fmt(cpu, 3)).append(" ± ").append(fmt(m.error(CPU_PROCESS), 3))
          .append(" | ").append(Double.isNaN(budget) ? "" : "<= " + num(budget))
          .append(" | ").append(verdict)
          .append(" | ").append(fmt(m.score(CPU_THREAD), 3)).append(" ± ").append(fmt(m.error(CPU_THREAD), 3))
          .append(" | ").append(fmt(m.score(WALL), 3)).append(" ± ").append(fmt(m.error(WALL), 3))
          .append(" | ").append(fmt(m.score(ALLOC), 0)).append(" |\n");
    }

    /** Checks {@code cpu[2]} (added CPU) against the budget: the verdict cell, and a line for the summary. */
    private String verdict(String name, String label, double[] cpu, double budget) {
      if (Double.isNaN(budget)) {
        return "";
      }
      boolean pass = cpu[2] <= budget;
      failed |= !pass;
      verdicts.add(String.format(Locale.ROOT, "%s %s (%s): adds %.3f us CPU (+- %.3f), budget <= %s us",
          pass ? "PASS" : "FAIL", name, label, cpu[2], cpu[3], num(budget)));
      return pass ? "PASS" : "**FAIL**";
    }

    private Measured get(String unit, String config) {
      Map<String, Measured> byConfig = results.get(unit);
      return byConfig == null ? null : byConfig.get(config);
    }

    private static double sq(double v) {
      return Double.isNaN(v) ? 0 : v * v;
    }

    private static String fmt(double value, int decimals) {
      return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String num(double v) {
      return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
  }

  /** Command line of {@code Compare} (benchmarks/jmh.sh passes it through). */
  static final class Settings {
    static final String USAGE = String.join("\n",
        "Compare --agent-jar JAR --extension-jar JAR [options]",
        "  --forks N             forks per benchmark and configuration (default 1)",
        "  --warmup N            warmup iterations (default 10)",
        "  --iterations N        measurement iterations (default 5)",
        "  --time MS             length of each iteration in ms (default 1000)",
        "  --configs LIST        of plain,agent,agent-content,agent-none,agent-genai-off,agent-jdbc-off",
        "                        (default plain,agent,agent-content,agent-jdbc-off); each benchmark runs in those",
        "                        that apply to it: agent-jdbc-off for jdbc only, agent-none and agent-genai-off",
        "                        for the OpenAI and LangChain4j ones only, and classifier always and only in plain",
        "  --benchmarks LIST     of chat,large,stream,embeddings,langchain4j,jdbc,classifier (default all); also",
        "                        vector: the vector searches of jdbc alone; lc4j-chat, lc4j-stream, lc4j-tool,",
        "                        lc4j-retrieval: parts of langchain4j",
        "  --chunks LIST         stream lengths, OpenAI and LangChain4j (default 8,200; per-chunk cost uses the",
        "                        largest, and the slope between the smallest and the largest)",
        "  --rows LIST           vector search result sizes (default 10,1000; per-row cost likewise, its",
        "                        budget checked when the largest is at least 1000)",
        "  --prof NAME[:ARGS]    an extra JMH profiler (repeatable), e.g. stack, stack:lines=5;top=20",
        "  --jvm-args 'ARGS'     extra JVM options for every fork (default -Xms1g -Xmx1g)",
        "  --out DIR             logs, JSON and results.md (default benchmarks/jmh/target/jmh-results)",
        "  --enforce             exit 1 when a budget fails");

    Path root = Paths.get("").toAbsolutePath();
    String agentJar;
    String extensionJar;
    int forks = 1;
    int warmup = 10;
    int iterations = 5;
    long timeMs = 1000;
    List<String> configs = List.of("plain", "agent", "agent-content", JDBC_OFF);
    List<String> benchmarks = List.of("chat", "large", "stream", "embeddings", LC4J, JDBC, CLASSIFIER);
    List<Integer> chunks = List.of(8, 200);
    List<Integer> rows = List.of(10, 1000);
    List<String> profilers = new ArrayList<>();
    List<String> commonJvmArgs = List.of("-Xms1g", "-Xmx1g");
    Path out;
    boolean enforce;

    /** Whether a LangChain4j benchmark is selected, by its own name or by the group's. */
    boolean selects(String lc4jBenchmark) {
      return benchmarks.contains(lc4jBenchmark) || benchmarks.contains(LC4J);
    }

    static Settings parse(String[] args) {
      Settings s = new Settings();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--enforce")) {
          s.enforce = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + a);
        }
        String v = args[++i];
        switch (a) {
          case "--root": s.root = Paths.get(v).toAbsolutePath(); break;
          case "--agent-jar": s.agentJar = v; break;
          case "--extension-jar": s.extensionJar = v; break;
          case "--forks": s.forks = positive(a, v); break;
          case "--warmup": s.warmup = nonNegative(a, v); break;
          case "--iterations": s.iterations = positive(a, v); break;
          case "--time": s.timeMs = positive(a, v); break;
          case "--configs": s.configs = list(v); break;
          case "--benchmarks": s.benchmarks = list(v); break;
          case "--chunks":
            s.chunks = list(v).stream().map(c -> positive("--chunks", c)).sorted().distinct().collect(Collectors.toList());
            break;
          case "--rows":
            s.rows = list(v).stream().map(c -> positive("--rows", c)).sorted().distinct().collect(Collectors.toList());
            break;
          case "--prof": s.profilers.add(v); break;
          case "--jvm-args": s.commonJvmArgs = v.isBlank() ? List.of() : Arrays.asList(v.trim().split("\\s+")); break;
          case "--out": s.out = Paths.get(v); break;
          default: throw new IllegalArgumentException("unknown option " + a);
        }
      }
      if (s.agentJar == null || !Files.isRegularFile(Paths.get(s.agentJar))) {
        throw new IllegalArgumentException("--agent-jar: not a file: " + s.agentJar);
      }
      if (s.extensionJar == null || !Files.isRegularFile(Paths.get(s.extensionJar))) {
        throw new IllegalArgumentException("--extension-jar: not a file: " + s.extensionJar);
      }
      List<String> known = List.of("plain", "agent", "agent-content", "agent-none", "agent-genai-off", JDBC_OFF);
      for (String c : s.configs) {
        if (!known.contains(c)) {
          throw new IllegalArgumentException("--configs: unknown configuration " + c);
        }
      }
      for (String b : s.benchmarks) {
        if (!List.of("chat", "large", "stream", "embeddings", LC4J, JDBC, "vector", CLASSIFIER).contains(b)
            && !LC4J_BENCHMARKS.contains(b)) {
          throw new IllegalArgumentException("--benchmarks: unknown benchmark " + b);
        }
      }
      for (int c : s.chunks) {
        if (c < 4) {
          throw new IllegalArgumentException("--chunks: a stream has at least 4 chunks");
        }
      }
      for (int r : s.rows) {
        if (r > VectorSearchBenchmarks.ITEMS) {
          throw new IllegalArgumentException("--rows: the table has " + VectorSearchBenchmarks.ITEMS + " rows");
        }
      }
      if (s.out == null) {
        s.out = s.root.resolve("benchmarks/jmh/target/jmh-results");
      }
      return s;
    }

    private static List<String> list(String v) {
      return Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).collect(Collectors.toList());
    }

    private static int positive(String name, String v) {
      int n = nonNegative(name, v);
      if (n == 0) {
        throw new IllegalArgumentException(name + " must be positive: " + v);
      }
      return n;
    }

    private static int nonNegative(String name, String v) {
      try {
        int n = Integer.parseInt(v);
        if (n < 0) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a non-negative integer: " + v);
      }
    }
  }

  private Compare() {}
}

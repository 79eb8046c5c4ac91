package dev.genaiagent.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Java main class in a separate JVM with the agent attached, exporting to an
 * {@link OtlpReceiver}, and captures its output. Typical use:
 *
 * <pre>{@code
 * ProcessResult result = AgentProcess.forMainClass(MyApp.class)
 *     .receiver(receiver)
 *     .serviceName("my-app")
 *     .run()
 *     .assertSuccess();
 * }</pre>
 *
 * <p>The child gets the test's own classpath unless told otherwise, so test apps can live in test
 * sources. It inherits the test's environment minus {@code OTEL_*} variables (so a developer's shell
 * cannot change what a test sees), plus {@code OPT_OUT_TRACKING=true} so DJL never probes cloud
 * metadata.
 */
public final class AgentProcess {

  /** System property (set by Surefire) naming the agent jar under test. */
  public static final String AGENT_JAR_PROPERTY = "genai.agent.jar";

  private AgentProcess() {}

  public static Builder forMainClass(Class<?> mainClass) {
    return new Builder(mainClass.getName());
  }

  public static Builder forMainClass(String mainClass) {
    return new Builder(mainClass);
  }

  /** The jar named by the {@value #AGENT_JAR_PROPERTY} system property; fails if it is not there. */
  public static Path agentJarFromSystemProperty() {
    String value = System.getProperty(AGENT_JAR_PROPERTY);
    if (value == null || value.isBlank()) {
      throw new AssertionError("System property " + AGENT_JAR_PROPERTY + " is not set; run through"
          + " Maven or pass -D" + AGENT_JAR_PROPERTY + "=/path/to/agent.jar");
    }
    Path jar = Path.of(value);
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError("Agent jar " + jar + " (from -D" + AGENT_JAR_PROPERTY + ") does not"
          + " exist; build it first with `mvn -pl agent -am package`, or point -D"
          + AGENT_JAR_PROPERTY + " at another agent jar");
    }
    return jar;
  }

  /** Configures one child JVM; {@link #run()} may be called more than once. */
  public static final class Builder {
    private final String mainClass;
    private Path agentJar;
    private boolean withAgent = true;
    private String endpoint;
    private String serviceName;
    private Path javaHome = Path.of(System.getProperty("java.home"));
    private String classpath = System.getProperty("java.class.path");
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private Duration timeout = Duration.ofSeconds(60);

    private Builder(String mainClass) {
      this.mainClass = mainClass;
      this.serviceName = mainClass.substring(mainClass.lastIndexOf('.') + 1);
    }

    /** The agent jar; defaults to {@link #agentJarFromSystemProperty()}. */
    public Builder agentJar(Path jar) {
      this.agentJar = jar;
      this.withAgent = true;
      return this;
    }

    /** Runs without {@code -javaagent}, e.g. for a baseline. */
    public Builder noAgent() {
      this.withAgent = false;
      return this;
    }

    /**
     * Where the child exports, over http/protobuf. Without an endpoint all three exporters are set
     * to {@code none}, so a child never talks to a default collector port.
     */
    public Builder otlpEndpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    public Builder receiver(OtlpReceiver receiver) {
      return otlpEndpoint(receiver.endpoint());
    }

    /** {@code otel.service.name}; defaults to the main class's simple name. */
    public Builder serviceName(String serviceName) {
      this.serviceName = serviceName;
      return this;
    }

    /** A JDK (or JRE) home to run the child on, e.g. from {@link Jdks#find(int)}. */
    public Builder javaHome(Path javaHome) {
      this.javaHome = javaHome;
      return this;
    }

    public Builder classpath(String classpath) {
      this.classpath = classpath;
      return this;
    }

    /** A {@code -D} property; overrides the defaults above of the same name. */
    public Builder systemProperty(String key, String value) {
      systemProperties.put(key, value);
      return this;
    }

    public Builder env(String key, String value) {
      env.put(key, value);
      return this;
    }

    public Builder jvmArg(String arg) {
      jvmArgs.add(arg);
      return this;
    }

    public Builder args(String... values) {
      args.addAll(List.of(values));
      return this;
    }

    /** How long the child may run before it is killed and the test fails; default 60 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** The command line {@link #run()} will execute. */
    public List<String> command() {
      List<String> command = new ArrayList<>();
      command.add(javaHome.resolve("bin").resolve("java").toString());
      if (withAgent) {
        Path jar = agentJar != null ? agentJar : agentJarFromSystemProperty();
        command.add("-javaagent:" + jar.toAbsolutePath());
      }
      effectiveSystemProperties().forEach((k, v) -> command.add("-D" + k + "=" + v));
      command.addAll(jvmArgs);
      command.add("-cp");
      command.add(classpath);
      command.add(mainClass);
      command.addAll(args);
      return command;
    }

    private Map<String, String> effectiveSystemProperties() {
      Map<String, String> props = new LinkedHashMap<>();
      if (endpoint != null) {
        props.put("otel.exporter.otlp.endpoint", endpoint);
        props.put("otel.exporter.otlp.protocol", "http/protobuf");
        props.put("otel.traces.exporter", "otlp");
        props.put("otel.metrics.exporter", "otlp");
        props.put("otel.logs.exporter", "otlp");
      } else {
        props.put("otel.traces.exporter", "none");
        props.put("otel.metrics.exporter", "none");
        props.put("otel.logs.exporter", "none");
      }
      // Short export intervals so telemetry arrives while the test waits, not only at shutdown.
      props.put("otel.bsp.schedule.delay", "100");
      props.put("otel.metric.export.interval", "500");
      props.put("otel.service.name", serviceName);
      props.putAll(systemProperties);
      return props;
    }

    /** Runs the child to completion; fails with its output if it outlives the timeout. */
    public ProcessResult run() {
      List<String> command = command();
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().keySet().removeIf(name -> name.startsWith("OTEL_"));
      pb.environment().put("OPT_OUT_TRACKING", "true");
      pb.environment().putAll(env);
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Path stdout = null;
      Path stderr = null;
      Process process = null;
      try {
        // Files, not pipes: a chatty child can never block on a full pipe buffer.
        stdout = Files.createTempFile("child-stdout", ".txt");
        stderr = Files.createTempFile("child-stderr", ".txt");
        pb.redirectOutput(stdout.toFile());
        pb.redirectError(stderr.toFile());
        long start = System.nanoTime();
        process = pb.start();
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        ProcessResult result = new ProcessResult(List.copyOf(command), process.exitValue(),
            Files.readString(stdout, StandardCharsets.UTF_8),
            Files.readString(stderr, StandardCharsets.UTF_8), elapsed);
        if (!exited) {
          throw new AssertionError("Child JVM did not exit within " + timeout.toMillis()
              + " ms and was killed\n" + result.describe());
        }
        return result;
      } catch (IOException e) {
        throw new UncheckedIOException("could not run " + command, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError("interrupted while running " + command, e);
      } finally {
        deleteQuietly(stdout);
        deleteQuietly(stderr);
      }
    }

    private static void deleteQuietly(Path file) {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // A leftover temp file is harmless.
        }
      }
    }
  }
}

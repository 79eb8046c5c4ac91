package dev.genaiagent.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs {@link EchoMain} in a child JVM without an agent (none is built in this module). */
class AgentProcessTest {

  @Test
  void passesDefaultsPropertiesEnvAndArgsAndSeparatesOutputs() {
    ProcessResult result = AgentProcess.forMainClass(EchoMain.class)
        .noAgent()
        .otlpEndpoint("http://127.0.0.1:1")
        .serviceName("echo")
        .systemProperty("custom", "a b")
        .env("CHILD_ENV", "set")
        .args("x", "y")
        .run()
        .assertSuccess();

    assertThat(result.stdout()).contains(
        "endpoint=http://127.0.0.1:1", "traces=otlp", "service=echo", "custom=a b", "optOut=true",
        "env=set", "version=" + Runtime.version().feature(), "args=x,y");
    assertThat(result.stdout()).doesNotContain("to stderr");
    assertThat(result.stderr()).contains("to stderr");
    assertThat(result.command()).noneMatch(arg -> arg.startsWith("-javaagent"));
  }

  @Test
  void withoutEndpointExportersAreOff() {
    ProcessResult result = AgentProcess.forMainClass(EchoMain.class).noAgent().run();
    assertThat(result.stdout()).contains("traces=none", "service=EchoMain");
  }

  @Test
  void userPropertiesOverrideDefaults() {
    ProcessResult result = AgentProcess.forMainClass(EchoMain.class).noAgent()
        .systemProperty("otel.traces.exporter", "console").run();
    assertThat(result.stdout()).contains("traces=console");
  }

  @Test
  void reportsExitCodeAndFailsWithOutput() {
    ProcessResult result = AgentProcess.forMainClass(EchoMain.class).noAgent().args("fail").run();
    assertThat(result.exitCode()).isEqualTo(3);
    assertThatThrownBy(result::assertSuccess)
        .hasMessageContaining("exited with 3")
        .hasMessageContaining("to stderr");
  }

  @Test
  void killsAChildThatOutlivesTheTimeout() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> AgentProcess.forMainClass(EchoMain.class).noAgent().args("sleep")
            .timeout(Duration.ofSeconds(2)).run())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("did not exit within 2000 ms")
        .hasMessageContaining("going to sleep");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void runsOnAnotherJdk() {
    Optional<Path> jdk25 = Jdks.find(25);
    assumeThat(jdk25).isPresent();
    ProcessResult result = AgentProcess.forMainClass(EchoMain.class).noAgent()
        .javaHome(jdk25.get()).run().assertSuccess();
    assertThat(result.stdout()).contains("version=25");
  }

  @Test
  void missingAgentJarFailsClearly() {
    String previous = System.getProperty(AgentProcess.AGENT_JAR_PROPERTY);
    System.setProperty(AgentProcess.AGENT_JAR_PROPERTY, "/nonexistent/agent.jar");
    try {
      assertThatThrownBy(() -> AgentProcess.forMainClass(EchoMain.class).command())
          .hasMessageContaining("/nonexistent/agent.jar")
          .hasMessageContaining("does not exist");
    } finally {
      if (previous == null) {
        System.clearProperty(AgentProcess.AGENT_JAR_PROPERTY);
      } else {
        System.setProperty(AgentProcess.AGENT_JAR_PROPERTY, previous);
      }
    }
  }
}

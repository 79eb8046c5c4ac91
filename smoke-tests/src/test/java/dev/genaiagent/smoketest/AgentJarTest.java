package dev.genaiagent.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiagent.testing.AgentProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built jar is an agent with our extension embedded, and our code in it still loads on Java 8.
 * Fails against a plain upstream agent jar, which has no embedded extension.
 */
class AgentJarTest {

  /** Java 8's class file major version: the agent must attach to Java 8 applications. */
  static final int JAVA_8 = 52;

  private final Path jar = AgentProcess.agentJarFromSystemProperty();

  @Test
  void manifestDeclaresPremainClass() {
    assertThat(AgentJar.manifest(jar).getMainAttributes().getValue("Premain-Class"))
        .as("Premain-Class in %s", jar)
        .isNotBlank();
  }

  @Test
  void embedsOurExtensionCompiledForJava8() {
    byte[] extension = AgentJar.extensionJar(jar);
    assertThat(extension).as("%s inside %s", AgentJar.EXTENSION_ENTRY, jar).isNotNull();

    Map<String, Integer> versions = AgentJar.ourClassVersions(extension);
    assertThat(versions).as("classes under %s in the extension", AgentJar.OUR_PACKAGE_PREFIX)
        .isNotEmpty();
    assertThat(versions).as("class file major versions (52 = Java 8)")
        .allSatisfy((name, version) -> assertThat(version).as(name).isEqualTo(JAVA_8));
  }
}

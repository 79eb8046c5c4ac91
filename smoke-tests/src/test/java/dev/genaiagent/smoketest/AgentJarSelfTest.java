package dev.genaiagent.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks {@link AgentJar} on a jar built here, since the real one exists only after packaging. */
class AgentJarSelfTest {

  @TempDir Path dir;

  @Test
  void readsManifestEmbeddedExtensionAndClassVersions() throws IOException {
    ByteArrayOutputStream extension = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(extension)) {
      put(zip, "dev/genaiagent/A.class", classHeader(52));
      put(zip, "dev/genaiagent/sub/B.class", classHeader(61));
      put(zip, "other/C.class", classHeader(65));
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", "x.Agent");
    Path jar = dir.resolve("agent.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out, manifest)) {
      put(zip, AgentJar.EXTENSION_ENTRY, extension.toByteArray());
    }

    assertThat(AgentJar.manifest(jar).getMainAttributes().getValue("Premain-Class"))
        .isEqualTo("x.Agent");
    assertThat(AgentJar.ourClassVersions(AgentJar.extensionJar(jar))).isEqualTo(Map.of(
        "dev/genaiagent/A.class", 52, "dev/genaiagent/sub/B.class", 61));
  }

  @Test
  void reportsMissingExtension() throws IOException {
    Path jar = dir.resolve("plain.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      put(zip, "x.txt", new byte[0]);
    }
    assertThat(AgentJar.extensionJar(jar)).isNull();
  }

  @Test
  void readsRealClassFileVersion() throws IOException {
    try (var in = AgentJarSelfTest.class.getResourceAsStream("AgentJarSelfTest.class")) {
      assertThat(AgentJar.majorVersion(in)).isEqualTo(61); // this module compiles for Java 17
    }
  }

  private static byte[] classHeader(int major) {
    return ByteBuffer.allocate(8).putInt(0xCAFEBABE).putShort((short) 0).putShort((short) major)
        .array();
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }
}

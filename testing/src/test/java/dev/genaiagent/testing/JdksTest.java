package dev.genaiagent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdksTest {

  @TempDir Path root;

  @Test
  void findsByReleaseFile() throws IOException {
    fakeJdk("jdk8", "1.8.0_402");
    fakeJdk("jdk-a", "25.0.3");
    fakeJdk("jdk-b", "17");

    assertThat(Jdks.find(8, root)).contains(root.resolve("jdk8").toRealPath());
    assertThat(Jdks.find(25, root)).contains(root.resolve("jdk-a").toRealPath());
    assertThat(Jdks.find(17, root)).contains(root.resolve("jdk-b").toRealPath());
    assertThat(Jdks.find(21, root)).isEmpty();
    assertThat(Jdks.find(17, root.resolve("missing"))).isEmpty();
  }

  @Test
  void findsTheRunningJdk() {
    int running = Runtime.version().feature();
    assertThat(Jdks.find(running)).hasValueSatisfying(
        home -> assertThat(Files.isExecutable(home.resolve("bin/java"))).isTrue());
  }

  private void fakeJdk(String name, String version) throws IOException {
    Path bin = Files.createDirectories(root.resolve(name).resolve("bin"));
    Files.createFile(bin.resolve("java"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.writeString(root.resolve(name).resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
  }
}

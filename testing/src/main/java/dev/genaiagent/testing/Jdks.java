package dev.genaiagent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** Finds installed JDKs so a test can run its child JVM on a specific Java version. */
public final class Jdks {

  public static final Path DEFAULT_ROOT = Path.of("/usr/lib/jvm");

  private Jdks() {}

  /** A JDK home of this feature version (8, 17, 25, ...) under /usr/lib/jvm, if one is installed. */
  public static Optional<Path> find(int feature) {
    return find(feature, DEFAULT_ROOT);
  }

  /** A JDK home of this feature version directly under {@code root}, if any. */
  public static Optional<Path> find(int feature, Path root) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(root)) {
      // Debian installs the same JDK under several symlinked names; sorting makes the choice stable.
      List<Path> candidates = homes.sorted(Comparator.comparing(Path::toString)).toList();
      for (Path home : candidates) {
        if (Files.isExecutable(home.resolve("bin/java")) && featureVersion(home).orElse(-1) == feature) {
          return Optional.of(home.toRealPath());
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Like {@link #find(int)}, but fails the test with a clear message when no such JDK exists. */
  public static Path require(int feature) {
    return find(feature).orElseThrow(() -> new AssertionError(
        "No JDK " + feature + " found under " + DEFAULT_ROOT + " (looked for a bin/java and a release"
            + " file with JAVA_VERSION=\"" + feature + "...\"); install one to run this test."));
  }

  /** The feature version a JDK home declares in its {@code release} file. */
  static Optional<Integer> featureVersion(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return Optional.empty();
    }
    Properties props = new Properties();
    try (var in = Files.newBufferedReader(release)) {
      props.load(in);
    } catch (IOException e) {
      return Optional.empty();
    }
    String version = props.getProperty("JAVA_VERSION", "").replace("\"", "");
    // "1.8.0_402" is Java 8; from 9 on the first number is the feature version ("25.0.1", "17").
    String[] parts = version.split("[._+-]");
    try {
      int first = Integer.parseInt(parts[0]);
      return Optional.of(first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

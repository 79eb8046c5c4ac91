package dev.genaiagent.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This distribution's version, from the build (filtered resource), for {@code telemetry.distro.version}. */
final class DistributionVersion {
  private static final String VERSION = load();

  static String get() {
    return VERSION;
  }

  private static String load() {
    Properties p = new Properties();
    try (InputStream in = DistributionVersion.class.getResourceAsStream("/genai-javaagent.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown"
    }
    return p.getProperty("version", "unknown");
  }

  private DistributionVersion() {}
}

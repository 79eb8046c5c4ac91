package dev.genaiagent.smoketest;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads the parts of an agent jar that {@link AgentJarTest} checks. */
final class AgentJar {

  static final String EXTENSION_ENTRY = "extensions/genai-javaagent-extension.jar";
  static final String OUR_PACKAGE_PREFIX = "dev/genaiagent/";

  private AgentJar() {}

  static Manifest manifest(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      return manifest != null ? manifest : new Manifest();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The embedded extension jar's bytes, or null if the agent jar has none. */
  static byte[] extensionJar(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      ZipEntry entry = file.getEntry(EXTENSION_ENTRY);
      if (entry == null) {
        return null;
      }
      try (InputStream in = file.getInputStream(entry)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Class file major version of every class under dev/genaiagent/ in a jar, by entry name. */
  static Map<String, Integer> ourClassVersions(byte[] jarBytes) {
    Map<String, Integer> versions = new TreeMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jarBytes))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (e.getName().startsWith(OUR_PACKAGE_PREFIX) && e.getName().endsWith(".class")) {
          versions.put(e.getName(), majorVersion(zip));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return versions;
  }

  /** Reads the header: u4 magic 0xCAFEBABE, u2 minor, u2 major. */
  static int majorVersion(InputStream classFile) throws IOException {
    DataInputStream in = new DataInputStream(classFile);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    return in.readUnsignedShort();
  }
}

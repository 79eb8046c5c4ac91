package dev.genaiagent.telemetry.javaagent;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes advice needs injected into the application's class loader: every class of ours reachable
 * from the advice, read from the class files' constant pools. Upstream's muzzle computes this list at
 * build time with a Gradle-only plugin; computing it from the bytes at startup keeps it exact without
 * one. Agent-side classes ({@code .javaagent.} packages) are never injected.
 */
public final class HelperClasses {
  private static final Pattern OURS = Pattern.compile("dev/genaiagent/[A-Za-z0-9_/$]+");

  public static List<String> reachableFrom(Class<?>... roots) {
    ClassLoader loader = roots[0].getClassLoader();
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (Class<?> root : roots) {
      todo.add(root.getName().replace('.', '/'));
      for (Class<?> nested : root.getDeclaredClasses()) {
        todo.add(nested.getName().replace('.', '/'));
      }
    }
    while (!todo.isEmpty()) {
      String internalName = todo.poll();
      if (!seen.add(internalName)) {
        continue;
      }
      for (String referenced : referencedClasses(loader, internalName)) {
        if (!seen.contains(referenced)) {
          todo.add(referenced);
        }
      }
    }
    List<String> helpers = new ArrayList<>();
    for (String internalName : seen) {
      String name = internalName.replace('/', '.');
      // A string constant that merely looks like one of our names (a resource path) is not a class.
      if (!name.contains(".javaagent.") && loader.getResource(internalName + ".class") != null) {
        helpers.add(name);
      }
    }
    return helpers;
  }

  /** Our classes named anywhere in a class file's constant pool (class entries and descriptors). */
  private static Set<String> referencedClasses(ClassLoader loader, String internalName) {
    Set<String> names = new LinkedHashSet<>();
    try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
      if (in == null) {
        return names;
      }
      DataInputStream data = new DataInputStream(in);
      data.readInt(); // magic
      data.readUnsignedShort(); // minor
      data.readUnsignedShort(); // major
      int count = data.readUnsignedShort();
      for (int i = 1; i < count; i++) {
        int tag = data.readUnsignedByte();
        switch (tag) {
          case 1: // Utf8
            Matcher m = OURS.matcher(data.readUTF());
            while (m.find()) {
              names.add(m.group());
            }
            break;
          case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
            data.readUnsignedShort();
            break;
          case 15: // MethodHandle
            data.readUnsignedByte();
            data.readUnsignedShort();
            break;
          case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
            data.readInt();
            break;
          case 5: case 6: // Long, Double take two slots
            data.readLong();
            i++;
            break;
          default:
            throw new IOException("unknown constant pool tag " + tag + " in " + internalName);
        }
      }
    } catch (IOException | RuntimeException e) {
      // An unreadable class contributes no references; the advice then fails closed, recording nothing.
    }
    return names;
  }

  private HelperClasses() {}
}

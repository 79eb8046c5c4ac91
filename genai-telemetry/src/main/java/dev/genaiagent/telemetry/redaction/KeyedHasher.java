package dev.genaiagent.telemetry.redaction;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of detected values, truncated to 32 bits in hex: enough to tell values apart and to
 * follow one across spans, not enough to confirm a guess offline without the key. The key stays in
 * the initialized {@link Mac}; nothing here prints it.
 */
final class KeyedHasher {
  private static final String ALGORITHM = "HmacSHA256";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Initialized once; only cloned, never updated, so concurrent scans each get their own copy. */
  private final Mac prototype;
  private final SecretKeySpec key;

  private KeyedHasher(Mac prototype, SecretKeySpec key) {
    this.prototype = prototype;
    this.key = key;
  }

  static KeyedHasher create(String key) throws GeneralSecurityException {
    SecretKeySpec spec = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    Mac mac = Mac.getInstance(ALGORITHM);
    mac.init(spec);
    return new KeyedHasher(mac, spec);
  }

  Mac newMac() throws GeneralSecurityException {
    try {
      synchronized (prototype) {
        return (Mac) prototype.clone();
      }
    } catch (CloneNotSupportedException e) {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    }
  }

  /** Eight hex digits of HMAC(label NUL value): the label keeps equal strings of different types apart. */
  static void appendHash(Mac mac, String label, String canonical, StringBuilder out) {
    mac.reset();
    mac.update(label.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    byte[] digest = mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
    for (int k = 0; k < 4; k++) {
      out.append(HEX[(digest[k] >> 4) & 0xf]).append(HEX[digest[k] & 0xf]);
    }
  }

  @Override
  public String toString() {
    return "KeyedHasher{" + ALGORITHM + "}";
  }
}

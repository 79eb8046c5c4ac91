package dev.genaiagent.telemetry;

import dev.genaiagent.telemetry.content.GenAiMessage;
import java.util.List;
import javax.annotation.Nullable;

/**
 * A stable short hash of a call's system instructions ({@code gen_ai.system_instructions.hash}): the
 * prompt version when no framework names one, so dashboards can split by prompt change with no code
 * and no content captured. 64-bit FNV-1a over the texts (joined by newlines): the same text gives the same value in
 * every process and release; it is a fingerprint, not a secret (the text is never recorded by it).
 */
final class PromptFingerprint {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  @Nullable
  static String of(String systemPrompt) {
    long h = OFFSET;
    for (int i = 0; i < systemPrompt.length(); i++) {
      h = (h ^ systemPrompt.charAt(i)) * PRIME;
    }
    return hex(h);
  }

  @Nullable
  static String of(@Nullable List<GenAiMessage.Part> systemInstructions) {
    if (systemInstructions == null || systemInstructions.isEmpty()) {
      return null;
    }
    long h = OFFSET;
    boolean any = false;
    for (GenAiMessage.Part p : systemInstructions) {
      String text = p == null ? null : p.text();
      if (text == null) {
        continue;
      }
      if (any) {
        h = (h ^ '\n') * PRIME;
      }
      any = true;
      for (int i = 0; i < text.length(); i++) {
        h = (h ^ text.charAt(i)) * PRIME;
      }
    }
    return any ? hex(h) : null;
  }

  private static String hex(long h) {
    String hex = Long.toHexString(h);
    return hex.length() == 16 ? hex : "0000000000000000".substring(hex.length()) + hex;
  }

  private PromptFingerprint() {}
}

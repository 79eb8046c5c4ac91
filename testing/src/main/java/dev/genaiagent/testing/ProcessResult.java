package dev.genaiagent.testing;

import java.time.Duration;
import java.util.List;

/** How a child JVM started by {@link AgentProcess} ended, with its full output. */
public record ProcessResult(
    List<String> command, int exitCode, String stdout, String stderr, Duration elapsed) {

  /** Fails, showing the command and both outputs, unless the process exited with 0. */
  public ProcessResult assertSuccess() {
    if (exitCode != 0) {
      throw new AssertionError("Child JVM exited with " + exitCode + "\n" + describe());
    }
    return this;
  }

  /** The command and both outputs, for failure messages. */
  public String describe() {
    return "command: " + String.join(" ", command)
        + "\nexit code: " + exitCode + " after " + elapsed.toMillis() + " ms"
        + "\n--- stdout ---\n" + stdout
        + "\n--- stderr ---\n" + stderr;
  }
}

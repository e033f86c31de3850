package org.hostel.complaints.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian tools the tests drive (nginx, chromium, prometheus…), installed on first use so that the
 * README's test command works on a fresh machine. Installing needs root, as on CI.
 */
public final class TestTools {

  /** The other test JVM may be installing a tool at the same time: wait for its lock. */
  private static final String WAIT_FOR_LOCK = "DPkg::Lock::Timeout=600";

  private TestTools() {}

  private static List<String> install(String debianPackage) {
    return List.of(
        "apt-get",
        "-o",
        WAIT_FOR_LOCK,
        "install",
        "-y",
        "-q",
        "--no-install-recommends",
        debianPackage);
  }

  /** The path of {@code command}, installing {@code debianPackage} when it is missing. */
  public static synchronized Path require(String command, String debianPackage) {
    Path found = which(command);
    if (found != null) {
      return found;
    }
    run(install(debianPackage), false);
    found = which(command);
    if (found == null) {
      run(List.of("apt-get", "-o", WAIT_FOR_LOCK, "update", "-q"), true);
      run(install(debianPackage), true);
      found = which(command);
    }
    if (found == null) {
      throw new IllegalStateException(
          command + " is not available after installing " + debianPackage);
    }
    return found;
  }

  private static @org.jspecify.annotations.Nullable Path which(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path candidate = Path.of(dir, command);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
      Path candidate = Path.of(dir, command);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static void run(List<String> command, boolean mustSucceed) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      process.getOutputStream().close();
      if (!process.waitFor(15, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " timed out");
      }
      if (mustSucceed && process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed: " + process.exitValue());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

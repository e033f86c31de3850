package org.hostel.complaints.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hostel.complaints.testing.TestTools;

/**
 * axe-core, the accessibility checker, fetched from the npm registry with {@code npm pack} on first
 * use and kept under {@code target/}, so nothing from npm is committed.
 */
final class AxeCore {

  static final String VERSION = "4.11.0";
  private static final Path DIR = Path.of("target", "axe-core");
  private static String source;

  private AxeCore() {}

  static synchronized String source() {
    if (source == null) {
      Path script = DIR.resolve("package").resolve("axe.min.js");
      try {
        if (!Files.exists(script)) {
          // Fetched into a folder of this JVM's own and moved into place in one step: the other
          // test JVM may be fetching it at the same time, and must never read half a file.
          Files.createDirectories(script.getParent());
          Path own = Files.createTempDirectory(DIR, "fetch-");
          String npm = TestTools.require("npm", "npm").toString();
          run(
              own,
              List.of(npm, "pack", "axe-core@" + VERSION, "--silent", "--pack-destination", "."));
          run(own, List.of("tar", "-xzf", "axe-core-" + VERSION + ".tgz", "package/axe.min.js"));
          Files.move(
              own.resolve("package").resolve("axe.min.js"),
              script,
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        }
        source = Files.readString(script);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return source;
  }

  private static void run(Path dir, List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package org.hostel.complaints.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hostel.complaints.ComplaintsApplication;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.ServiceProcess;
import org.hostel.complaints.testing.TestSetup;

/**
 * Real service instances as separate JVMs started from the test's own class path, the way an
 * operator runs them: each its own process, port and data folder, sharing what they are told to.
 * Unlike {@link ServiceProcess} they start without waiting, so several boot side by side, and
 * expose their process for kill and memory figures.
 */
final class Instances {

  private Instances() {}

  /** One running instance. */
  record Instance(int port, Process process, Path log) {

    Api api() {
      return Api.onPort(port);
    }

    String base() {
      return "http://127.0.0.1:" + port;
    }

    void kill() {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    String logTail() {
      try {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
      } catch (IOException e) {
        return "(no log: " + e + ")";
      }
    }
  }

  /** Starts an instance with the common test settings plus {@code settings}, without waiting. */
  static Instance start(Map<String, String> settings, List<String> jvmOptions) {
    return start(settings, jvmOptions, List.of());
  }

  /** The same, run through {@code launcher} (e.g. a shell that raises the open-file limit). */
  static Instance start(
      Map<String, String> settings, List<String> jvmOptions, List<String> launcher) {
    return start(ServiceProcess.freePort(), settings, jvmOptions, launcher);
  }

  /** The same on a given port (a replacement behind the same nginx upstream). */
  static Instance start(
      int port, Map<String, String> settings, List<String> jvmOptions, List<String> launcher) {
    List<String> command = new ArrayList<>(launcher);
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(ComplaintsApplication.class.getName());
    // One value per setting: a setting given twice on the command line would be joined by a comma.
    Map<String, String> all = new java.util.LinkedHashMap<>();
    TestSetup.common((name, value) -> all.put(name, String.valueOf(value.get())));
    all.put("server.port", String.valueOf(port));
    all.put("server.address", "127.0.0.1");
    all.putAll(settings);
    all.forEach((name, value) -> command.add("--" + name + "=" + value));
    try {
      Path log = Files.createTempFile("complaints-instance-" + port + "-", ".log");
      log.toFile().deleteOnExit();
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Instance instance = new Instance(port, process, log);
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      return instance;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the instance answers ready, failing with its log when it dies or takes too long.
   */
  static void awaitReady(Instance instance, Duration timeout) {
    Eventually.await(
        "instance on " + instance.port() + " is ready",
        timeout,
        () -> {
          if (!instance.process().isAlive()) {
            throw new AssertionError(
                "instance on " + instance.port() + " died:\n" + instance.logTail());
          }
          // The first admin is created once the application is ready, just after the port opens.
          return instance.api().get("/health/ready", null).status() == 200
              && Files.readString(instance.log()).contains("is running");
        });
  }
}

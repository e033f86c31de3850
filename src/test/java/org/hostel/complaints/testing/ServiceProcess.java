package org.hostel.complaints.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as a separate operating-system process, started from the test class path, so a test
 * can kill it the hard way and start it again.
 */
public final class ServiceProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private ServiceProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the service on a free port with these environment variables and waits until ready. */
  public static ServiceProcess start(Map<String, String> environment, Path log) {
    return start(environment, log, List.of());
  }

  /** The same, with extra options for the service's JVM. */
  public static ServiceProcess start(
      Map<String, String> environment, Path log, List<String> jvmOptions) {
    return start(environment, log, jvmOptions, Map.of());
  }

  /**
   * The same, with settings given as command-line arguments ({@code --name=value}, which win over
   * application.yaml). The JVM gets a 256 MB heap unless {@code jvmOptions} sizes the heap itself,
   * and only the quick just-in-time compiler unless they choose otherwise.
   */
  public static ServiceProcess start(
      Map<String, String> environment,
      Path log,
      List<String> jvmOptions,
      Map<String, String> settings) {
    int port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(java);
    if (jvmOptions.stream().noneMatch(o -> o.startsWith("-Xmx") || o.contains("RAMPercentage"))) {
      command.add("-Xmx256m");
    }
    if (jvmOptions.stream().noneMatch(o -> o.contains("Tiered"))) {
      // The quick compiler only: the service starts in less CPU time, which the test waits for.
      command.add("-XX:TieredStopAtLevel=1");
    }
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add("org.hostel.complaints.ComplaintsApplication");
    settings.forEach((name, value) -> command.add("--" + name + "=" + value));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      ServiceProcess service = new ServiceProcess(builder.start(), port);
      service.awaitReady(Duration.ofSeconds(120));
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The service process's id, e.g. to read its memory from {@code /proc}. */
  public long pid() {
    return process.pid();
  }

  /** Whether the process runs and answers its liveness check. */
  public boolean alive() {
    try {
      return process.isAlive() && api().get("/health/live", null).status() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  public int port() {
    return port;
  }

  public Api api() {
    return Api.onPort(port);
  }

  /** SIGKILL: no shutdown hooks, no draining, no flushing. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
    }
  }

  private void awaitReady(Duration timeout) {
    try {
      Eventually.await(
          "the service on " + port + " is ready",
          timeout,
          () -> {
            if (!process.isAlive()) {
              // An error, not an exception: the wait ends at once.
              throw new AssertionError("the service exited with " + process.exitValue());
            }
            return api().get("/health", null).status() == 200;
          });
    } catch (AssertionError e) {
      kill();
      throw e;
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

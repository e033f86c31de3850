package org.hostel.complaints.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
    int port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx256m");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add("org.hostel.complaints.ComplaintsApplication");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      ServiceProcess service = new ServiceProcess(builder.start(), port);
      service.awaitReady(Duration.ofSeconds(90));
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
    Instant deadline = Instant.now().plus(timeout);
    Api api = api();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service exited with " + process.exitValue());
      }
      try {
        if (api.get("/health", null).status() == 200) {
          return;
        }
      } catch (RuntimeException notYet) {
        // Not listening yet.
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    kill();
    throw new IllegalStateException("the service did not become ready within " + timeout);
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

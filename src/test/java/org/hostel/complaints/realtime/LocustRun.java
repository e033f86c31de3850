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
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.ServiceProcess;
import org.hostel.complaints.testing.TestSetup;
import org.hostel.complaints.testing.TestTools;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The project's load test ({@code load_tests/}, Debian's Locust, the way {@code .ci/run} runs it)
 * against a running service, for as long as the caller needs: started with {@code --autostart}, so
 * its web API (on a free port of this machine) can stop the users when the caller is done; then
 * SIGTERM makes it judge the run, check the data it wrote, clean up and write its summary.
 */
final class LocustRun implements AutoCloseable {

  private final Process process;
  private final Api web;
  private final Path dir;

  private LocustRun(Process process, Api web, Path dir) {
    this.process = process;
    this.web = web;
    this.dir = dir;
  }

  /** {@code scenario} with {@code users} users against {@code host}, as the test's own admin. */
  static LocustRun start(
      String host, String scenario, int users, int seedComplaints, Map<String, String> env) {
    TestTools.require("locust", "python3-locust");
    TestTools.require("wsdump", "python3-websocket");
    int port = ServiceProcess.freePort();
    try {
      Path dir = Files.createTempDirectory("complaints-locust-");
      List<String> command =
          new ArrayList<>(
              List.of(
                  "/usr/bin/python3",
                  "-m",
                  "locust",
                  "-f",
                  "load_tests/test_complaints_load.py",
                  "--host=" + host,
                  "--autostart",
                  "--web-host=127.0.0.1",
                  "--web-port=" + port,
                  "-u",
                  String.valueOf(users),
                  "-r",
                  "10",
                  "--scenario=" + scenario,
                  "--seed-complaints=" + seedComplaints,
                  "--porters=4",
                  "--csv=" + dir.resolve("stats"),
                  "--summary-json=" + dir.resolve("summary.json")));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("locust.log").toFile());
      builder.environment().put("COMPLAINTS_ADMIN_EMAIL", TestSetup.ADMIN_EMAIL);
      builder.environment().put("COMPLAINTS_ADMIN_PASSWORD", TestSetup.ADMIN_PASSWORD);
      builder.environment().put("COMPLAINTS_SERVICE_TOKEN", TestSetup.SERVICE_TOKEN);
      builder.environment().putAll(env);
      Process process = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      return new LocustRun(process, Api.onPort(port), dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the run is prepared (accounts, seed data) and every user is spawned. */
  void awaitRunning(Duration timeout) {
    Eventually.await(
        "Locust runs all its users",
        timeout,
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError("Locust exited:\n" + log());
          }
          return state().equals("running");
        });
  }

  /** Stops the users, lets Locust judge and clean up, and answers its summary. */
  JsonNode finish(Duration timeout) throws InterruptedException {
    web.get("/stop", null);
    Eventually.await(
        "Locust stops its users", Duration.ofSeconds(60), () -> state().equals("stopped"));
    process.destroy();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("Locust did not finish within " + timeout + ":\n" + log());
    }
    try {
      return Api.JSON.readTree(Files.readString(dir.resolve("summary.json")));
    } catch (IOException e) {
      throw new AssertionError("Locust wrote no summary:\n" + log(), e);
    }
  }

  /** Locust's own lines: the verdict, integrity check and cleanup it printed. */
  String log() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("locust.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no Locust log: " + e + ")";
    }
  }

  private String state() {
    return web.get("/stats/requests", null).json().path("state").asString("");
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      FileSystemUtils.deleteRecursively(dir);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

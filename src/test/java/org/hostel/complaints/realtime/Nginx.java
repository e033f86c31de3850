package org.hostel.complaints.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.TestTools;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's nginx in the foreground with the shipped {@code deploy/nginx/complaints.conf}, its
 * upstreams and listen port swapped for local ones, everything else in a folder of its own.
 */
final class Nginx implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path dir;

  private Nginx(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  static Nginx inFrontOf(List<Integer> upstreamPorts) {
    Path nginx = TestTools.require("nginx", "nginx");
    int port = org.hostel.complaints.testing.ServiceProcess.freePort();
    try {
      Path dir = Files.createTempDirectory("complaints-nginx-");
      String site = Files.readString(Path.of("deploy/nginx/complaints.conf"));
      for (int i = 0; i < upstreamPorts.size(); i++) {
        String shipped = "server app" + (i + 1) + ":8000";
        if (!site.contains(shipped)) {
          throw new IllegalStateException("deploy/nginx/complaints.conf lost '" + shipped + "'");
        }
        site = site.replace(shipped, "server 127.0.0.1:" + upstreamPorts.get(i));
      }
      site = site.replace("listen 80;", "listen 127.0.0.1:" + port + ";");
      site = site.replace("/var/log/nginx/", dir + "/");
      Files.writeString(dir.resolve("complaints.conf"), site);
      String main =
          """
          daemon off;
          master_process on;
          worker_processes 1;
          user root;
          pid %1$s/nginx.pid;
          error_log %1$s/error.log warn;
          events { worker_connections 4096; }
          http {
              access_log %1$s/access.log;
              client_body_temp_path %1$s/body;
              proxy_temp_path %1$s/proxy;
              fastcgi_temp_path %1$s/fastcgi;
              uwsgi_temp_path %1$s/uwsgi;
              scgi_temp_path %1$s/scgi;
              include %1$s/complaints.conf;
          }
          """
              .formatted(dir);
      Path conf = dir.resolve("nginx.conf");
      Files.writeString(conf, main);
      Process process =
          new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", conf.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("stdout.log").toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      Nginx started = new Nginx(process, port, dir);
      started.awaitListening();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  Api api() {
    return new Api(base());
  }

  String errorLog() {
    try {
      return Files.readString(dir.resolve("error.log"));
    } catch (IOException e) {
      return "(no error log)";
    }
  }

  private void awaitListening() {
    Eventually.await(
        "nginx listens on " + port,
        Duration.ofSeconds(30),
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError("nginx exited: " + errorLog() + stdout());
          }
          try (var socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
          }
        });
  }

  private String stdout() {
    try {
      return Files.readString(dir.resolve("stdout.log"));
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      FileSystemUtils.deleteRecursively(dir);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

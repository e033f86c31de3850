package org.hostel.complaints.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;

/**
 * Capacity figures of the dashboard socket; a benchmark in {@code src/bench/java}, compiled and run
 * only with the {@code bench} profile, never by {@code mvn verify}. Run:
 *
 * <pre>
 * mvn -B -Pbench test -Dtest=DashboardBenchmark
 * </pre>
 *
 * Sizes are system properties: {@code benchmark.sockets} (10000), {@code benchmark.hold-seconds}
 * (60), {@code benchmark.burst} (20 events), {@code benchmark.redis-sockets} (100 per instance),
 * {@code benchmark.redis-writes-per-second} (50), {@code benchmark.redis-seconds} (20). The figures
 * are printed and written to {@code target/benchmarks/realtime.md}; the targets are checked last,
 * so a miss still leaves the figures behind.
 */
class DashboardBenchmark {

  private static final Path REPORT = Path.of("target/benchmarks/realtime.md");
  private static final List<String> RAISE_FILE_LIMIT =
      List.of("bash", "-c", "ulimit -n \"$(ulimit -Hn)\" && exec \"$0\" \"$@\"");

  @Test
  void tenThousandSocketsOnOneInstance() throws Exception {
    int sockets = Integer.getInteger("benchmark.sockets", 10_000);
    int holdSeconds = Integer.getInteger("benchmark.hold-seconds", 60);
    int burst = Integer.getInteger("benchmark.burst", 20);
    PostgresDatabase database = PostgresDatabase.create();
    Instances.Instance instance =
        Instances.start(
            Map.of(
                "spring.datasource.url", database.url(),
                "spring.datasource.username", PostgresDatabase.USER,
                "complaints.realtime.max-connections", Integer.toString(sockets),
                // One client address opens every socket for two accounts: the per-client handshake
                // limit and the per-account cap protect production, not this measurement.
                "complaints.realtime.max-connections-per-account", Integer.toString(sockets),
                "complaints.realtime.handshakes-per-client", (2 * sockets) + "/1m"),
            List.of("-Xmx512m"),
            RAISE_FILE_LIMIT);
    try (SocketSwarm swarm = new SocketSwarm()) {
      Instances.awaitReady(instance, Duration.ofMinutes(3));
      Api api = instance.api();
      Fixtures fixtures = new Fixtures(api);
      List<String> tokens = List.of(fixtures.adminToken(), fixtures.porter().token());

      long connectStart = System.nanoTime();
      swarm.open(instance.port(), tokens, sockets, 8);
      double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
      long connectedAt = System.nanoTime();
      awaitServerCount(api, fixtures.adminToken(), sockets);
      long rssAfterConnect = rssMegabytes(instance.process());

      Thread.sleep(2_000);
      int before = swarm.received();
      ExecutorService writers = Executors.newFixedThreadPool(4);
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < burst; i++) {
        writes.add(writers.submit(() -> fixtures.submit()));
      }
      for (Future<?> f : writes) {
        f.get();
      }
      writers.shutdown();
      long expected = (long) sockets * burst;
      awaitReceived(swarm, before + expected, Duration.ofSeconds(60));
      long[] delivery = swarm.latencies(before);
      long rssAfterBurst = rssMegabytes(instance.process());

      long held = (System.nanoTime() - connectedAt) / 1_000_000_000L;
      if (held < holdSeconds) {
        Thread.sleep((holdSeconds - held) * 1000);
      }
      int openAfterHold = swarm.open();
      int serverAfterHold = serverCount(api, fixtures.adminToken());
      long rssAfterHold = rssMegabytes(instance.process());
      long[] connect = swarm.connectMicros();

      String report =
          """
          ## One instance, %d dashboard sockets (%s)

          | Figure | Value | Target |
          |---|---|---|
          | sockets opened (8 at a time) | %d in %.1f s | 10,000 |
          | connect (handshake incl. token check) p50 / p95 / p99 / max | %s / %s / %s / %s ms | p95 < 20 ms |
          | burst: events x sockets delivered | %d of %d | all |
          | delivery after commit p50 / p95 / p99 / max | %d / %d / %d / %d ms | p99 < 250 ms |
          | sockets still open after %d s (client / server count) | %d / %d | all |
          | server pings answered by the client | %d | |
          | server RSS after connect / after burst / after hold | %d / %d / %d MB | < 1024 MB |

          Server: one JVM (-Xmx512m), PostgreSQL; client: one selector thread in the test JVM, on
          the same 2-core machine, shared with other work, so the figures are noisy.
          """
              .formatted(
                  sockets,
                  Instant.now(),
                  connect.length,
                  connectSeconds,
                  millis(percentile(connect, 50)),
                  millis(percentile(connect, 95)),
                  millis(percentile(connect, 99)),
                  millis(percentile(connect, 100)),
                  delivery.length,
                  expected,
                  percentile(delivery, 50),
                  percentile(delivery, 95),
                  percentile(delivery, 99),
                  percentile(delivery, 100),
                  holdSeconds,
                  openAfterHold,
                  serverAfterHold,
                  swarm.pingsAnswered(),
                  rssAfterConnect,
                  rssAfterBurst,
                  rssAfterHold);
      write(report);

      assertThat(delivery.length).isEqualTo(expected);
      assertThat(percentile(delivery, 99)).isLessThan(250);
      assertThat(percentile(connect, 95)).isLessThan(20_000);
      assertThat(openAfterHold).isEqualTo(sockets);
      assertThat(Math.max(rssAfterBurst, rssAfterHold)).isLessThan(1024);
    } finally {
      instance.kill();
      database.drop();
    }
  }

  @Test
  void fiftyWritesPerSecondAcrossThreeInstancesThroughRedis() throws Exception {
    int perInstance = Integer.getInteger("benchmark.redis-sockets", 100);
    int rate = Integer.getInteger("benchmark.redis-writes-per-second", 50);
    int seconds = Integer.getInteger("benchmark.redis-seconds", 20);
    PostgresDatabase database = PostgresDatabase.create();
    Map<String, String> shared =
        Map.of(
            "spring.datasource.url",
            database.url(),
            "spring.datasource.username",
            PostgresDatabase.USER,
            "spring.datasource.hikari.maximum-pool-size",
            "8",
            "spring.data.redis.url",
            "redis://127.0.0.1:6379",
            "complaints.realtime.redis-channel",
            "complaints-bench:" + UUID.randomUUID());
    List<String> jvm = List.of("-Xmx384m");
    List<Instances.Instance> instances = new ArrayList<>();
    try (SocketSwarm swarm = new SocketSwarm()) {
      instances.add(Instances.start(shared, jvm));
      Instances.awaitReady(instances.get(0), Duration.ofMinutes(3));
      instances.add(Instances.start(shared, jvm));
      instances.add(Instances.start(shared, jvm));
      instances.forEach(i -> Instances.awaitReady(i, Duration.ofMinutes(3)));
      Fixtures fixtures = new Fixtures(instances.get(0).api());
      for (var instance : instances) {
        swarm.open(instance.port(), List.of(fixtures.adminToken()), perInstance, 4);
        awaitServerCount(instance.api(), fixtures.adminToken(), perInstance);
      }
      Thread.sleep(2_000);
      int before = swarm.received();
      int writes = rate * seconds;
      var clock = Executors.newSingleThreadScheduledExecutor();
      ExecutorService senders = Executors.newFixedThreadPool(16);
      long period = 1_000_000_000L / rate;
      long start = System.nanoTime();
      for (int i = 0; i < writes; i++) {
        Api api = instances.get(i % instances.size()).api();
        long due = start + i * period;
        // Open loop: a slow answer does not delay the next write.
        clock.schedule(
            () ->
                senders.execute(
                    () ->
                        api.post(
                            "/api/v1/complaints/submit",
                            TestSetup.SERVICE_TOKEN,
                            Fixtures.complaint(Fixtures.reporter()))),
            Math.max(0, due - System.nanoTime()),
            TimeUnit.NANOSECONDS);
      }
      clock.shutdown();
      clock.awaitTermination(seconds + 30, TimeUnit.SECONDS);
      senders.shutdown();
      senders.awaitTermination(60, TimeUnit.SECONDS);
      double took = (System.nanoTime() - start) / 1e9;
      long expected = (long) writes * perInstance * instances.size();
      awaitReceived(swarm, before + expected, Duration.ofSeconds(60));
      long[] delivery = swarm.latencies(before);
      String report =
          """
          ## Three instances through Redis, %d writes/s (%s)

          | Figure | Value | Target |
          |---|---|---|
          | writes (round-robin over the instances) | %d in %.1f s | %d/s |
          | sockets (%d per instance) | %d | |
          | events x sockets delivered | %d of %d | all |
          | delivery after commit p50 / p95 / p99 / max | %d / %d / %d / %d ms | p99 < 100 ms |

          Three JVMs (-Xmx384m), one PostgreSQL database, one local Redis; same shared machine.
          """
              .formatted(
                  rate,
                  Instant.now(),
                  writes,
                  took,
                  rate,
                  perInstance,
                  perInstance * instances.size(),
                  delivery.length,
                  expected,
                  percentile(delivery, 50),
                  percentile(delivery, 95),
                  percentile(delivery, 99),
                  percentile(delivery, 100));
      write(report);
      assertThat(delivery.length).isEqualTo(expected);
      assertThat(percentile(delivery, 99)).isLessThan(100);
    } finally {
      instances.forEach(Instances.Instance::kill);
      database.drop();
    }
  }

  private static void awaitServerCount(Api api, String adminToken, int atLeast)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline && serverCount(api, adminToken) < atLeast) {
      Thread.sleep(100);
    }
  }

  private static int serverCount(Api api, String adminToken) {
    return api.get("/api/v1/websocket/stats", adminToken).json().get("total_connections").asInt();
  }

  private static void awaitReceived(SocketSwarm swarm, long count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && swarm.received() < count) {
      Thread.sleep(50);
    }
  }

  private static long rssMegabytes(Process process) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  private static long percentile(long[] values, int p) {
    if (values.length == 0) {
      return -1;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String millis(long micros) {
    return String.format("%.2f", micros / 1000.0);
  }

  private static void write(String section) throws IOException {
    System.out.println(section);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, section + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}

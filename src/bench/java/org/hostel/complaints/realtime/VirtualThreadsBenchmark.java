package org.hostel.complaints.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;

/**
 * What virtual threads buy this service, the question behind "could it run on JDK 17?": the same
 * embedded instance with {@code spring.threads.virtual.enabled} on and off, many clients listing
 * complaints at once (rate limits and the in-flight bound off, so threading is what differs).
 * Prints throughput, latency, errors, the JVM's thread count and resident memory. Not part of
 * {@code mvn verify}. Run:
 *
 * <pre>
 * mvn -B -Pbench test -Dtest=VirtualThreadsBenchmark
 * mvn -B -Pbench test -Dtest=VirtualThreadsBenchmark -Dbenchmark.platformFirst=true
 * </pre>
 *
 * Appends to {@code target/benchmarks/virtual-threads.md}.
 */
class VirtualThreadsBenchmark {

  private static final String PATH = "/api/v1/complaints?page_size=20";

  record Figures(int clients, double perSecond, double p50, double p99, int errors, long threads) {}

  @Test
  void virtualThreadsAgainstAPlatformThreadPool() throws Exception {
    int requests = Integer.getInteger("benchmark.requests", 3_000);
    List<Integer> levels = List.of(50, 200, 400);
    StringBuilder table = new StringBuilder();
    // -Dbenchmark.platformFirst=true swaps the order, to see how much the order itself moves.
    List<Boolean> order =
        Boolean.getBoolean("benchmark.platformFirst") ? List.of(false, true) : List.of(true, false);
    for (boolean virtual : order) {
      Instances.Instance instance =
          Instances.start(
              Map.of(
                  "spring.threads.virtual.enabled", String.valueOf(virtual),
                  "complaints.rate-limit.enabled", "false",
                  "complaints.overload.max-in-flight", "0"),
              List.of("-Xmx512m"));
      try {
        Instances.awaitReady(instance, Duration.ofMinutes(3));
        Fixtures fixtures = new Fixtures(instance.api());
        for (int i = 0; i < 100; i++) {
          fixtures.submit();
        }
        run(instance, 50, 2_000); // warm-up
        for (int clients : levels) {
          Figures f = run(instance, clients, requests);
          table.append(
              "| %s | %d | %.0f | %.1f ms | %.1f ms | %d | %d | %d MB |%n"
                  .formatted(
                      virtual ? "virtual" : "platform (Tomcat pool, 200)",
                      f.clients(),
                      f.perSecond(),
                      f.p50(),
                      f.p99(),
                      f.errors(),
                      f.threads(),
                      rssMb(instance)));
        }
      } finally {
        instance.kill();
      }
    }
    String report =
        """
        ## Virtual threads on and off (%s, %d requests per row, embedded SQLite, 100 complaints)

        | request threads | concurrent clients | requests/s | p50 | p99 | errors | JVM threads after | RSS |
        |---|---|---|---|---|---|---|---|
        %s"""
            .formatted(Instant.now(), requests, table);
    System.out.println(report);
    Path out = Path.of("target", "benchmarks", "virtual-threads.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static Figures run(Instances.Instance instance, int clients, int requests)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(instance.base() + PATH))
            .header("Authorization", "Bearer " + TestSetup.SERVICE_TOKEN)
            .timeout(Duration.ofSeconds(30))
            .build();
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool).build()) {
      long start = System.nanoTime();
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    try {
                      int status =
                          client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                      if (status != 200) {
                        errors.incrementAndGet();
                      }
                    } catch (Exception e) {
                      errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t;
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Arrays.sort(latencies);
      return new Figures(
          clients,
          requests / seconds,
          latencies[requests / 2] / 1e6,
          latencies[(int) (requests * 0.99)] / 1e6,
          errors.get(),
          threads(instance));
    }
  }

  private static long threads(Instances.Instance instance) throws Exception {
    return status(instance, "Threads:");
  }

  private static long rssMb(Instances.Instance instance) throws Exception {
    return status(instance, "VmRSS:") / 1024;
  }

  private static long status(Instances.Instance instance, String field) throws Exception {
    for (String line :
        Files.readAllLines(Path.of("/proc", instance.process().pid() + "", "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).strip().split("\\s+")[0]);
      }
    }
    return -1;
  }
}

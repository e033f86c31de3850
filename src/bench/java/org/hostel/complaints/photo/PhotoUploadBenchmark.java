package org.hostel.complaints.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.Multipart;
import org.hostel.complaints.testing.ServiceProcess;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;

/**
 * Upload speed and memory, on the local disk and on S3 (S3Proxy). A benchmark, outside {@code mvn
 * verify}; run it with
 *
 * <pre>mvn -B -Pbench test -Dtest=PhotoUploadBenchmark</pre>
 *
 * ({@code -Dbenchmark.serviceJvmArgs=-Xmx256m} gives the service JVM options.)
 *
 * <p>The service runs as a separate JVM with the default heap settings, so its resident memory is
 * its own. Phase 1: 20 uploaders, each posting phone-sized JPEGs (4032 × 3024, about 3 MB, EXIF
 * orientation and GPS) back to back for 30 s. Phase 2: 50 uploads of nearly 10 MB at once. Figures
 * are printed and written to {@code target/photo-benchmark/}. Targets (this 2-core machine): p95
 * under 400 ms per upload (published target 2 s), no error, resident memory under 600 MB.
 */
class PhotoUploadBenchmark {

  private static final int UPLOADERS = Integer.getInteger("benchmark.uploaders", 20);
  private static final Duration RUN =
      Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 30));
  private static final int BIG_UPLOADS = Integer.getInteger("benchmark.bigUploads", 50);
  private static final long LIMIT = 10L * 1024 * 1024;
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  record Phase(
      String name,
      int requests,
      Map<Integer, Integer> statuses,
      long p50,
      long p95,
      long p99,
      long max,
      double perSecond,
      long idleRssMb,
      long peakRssMb,
      long endRssMb,
      double drainSeconds,
      String loadAverage) {

    int errors() {
      return requests - statuses.getOrDefault(201, 0);
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "| %s | %d | %.1f/s | %d | %d | %d | %d | %d | %s | %d MB | %d MB | %d MB | %.1f s | %s |",
          name,
          requests,
          perSecond,
          p50,
          p95,
          p99,
          max,
          errors(),
          statuses,
          idleRssMb,
          peakRssMb,
          endRssMb,
          drainSeconds,
          loadAverage);
    }
  }

  @Test
  void uploadsOnDiskAndOnS3() throws Exception {
    Path out = Path.of("target", "photo-benchmark");
    Files.createDirectories(out);
    System.out.println("Generating test photos…");
    List<byte[]> phones = new ArrayList<>();
    float quality = 0.92f;
    for (long seed = 1; phones.size() < 4; seed++) {
      byte[] photo = TestImages.detailedPhoneJpeg(4032, 3024, quality, seed);
      if (photo.length > 3_400_000 && quality > 0.3f) {
        quality -= 0.08f;
        seed--;
        continue;
      }
      phones.add(photo);
    }
    byte[] big = nearlyTenMegabytes();
    System.out.printf(
        "Phone photos: %s bytes (quality %.2f); big photo: %d bytes%n",
        phones.stream().map(p -> p.length).toList(), quality, big.length);

    List<Phase> phases = new ArrayList<>();
    try (Service disk = Service.start(out.resolve("service-disk.log"), Map.of())) {
      phases.add(load("disk: 20 uploaders × 30 s", disk, phones));
      phases.add(burst("disk: 50 × 10 MB at once", disk, big));
    }
    try (S3ProxyServer s3 = S3ProxyServer.start();
        Service onS3 =
            Service.start(
                out.resolve("service-s3.log"),
                Map.of(
                    "complaints.photos.storage",
                    "s3",
                    "complaints.photos.s3.endpoint",
                    s3.endpoint(),
                    "complaints.photos.s3.bucket",
                    "benchmark",
                    "complaints.photos.s3.access-key",
                    S3ProxyServer.ACCESS_KEY,
                    "complaints.photos.s3.secret-key",
                    S3ProxyServer.SECRET_KEY))) {
      phases.add(load("s3: 20 uploaders × 30 s", onS3, phones));
      phases.add(burst("s3: 50 × 10 MB at once", onS3, big));
    }

    StringBuilder report = new StringBuilder();
    report
        .append("# Photo upload benchmark, ")
        .append(Instant.now())
        .append("\n\n")
        .append("Machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores; service JVM options: ")
        .append(
            System.getProperty("benchmark.serviceJvmArgs", "").isBlank()
                ? "none (default heap settings)"
                : System.getProperty("benchmark.serviceJvmArgs"))
        .append("; load generator and S3Proxy in")
        .append(" the benchmark JVM on the same machine. Latency in ms per upload (request sent")
        .append(" to 201 received). Drain: from the last answer until no accepted photo waits for")
        .append(" background processing (0 where photos are processed inside the request); peak")
        .append(" and end RSS are read after it. RSS idle: the service just after start-up.\n\n")
        .append(
            "| phase | uploads | rate | p50 | p95 | p99 | max | errors | statuses | RSS idle |"
                + " peak RSS | RSS at end | drain | load avg |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    phases.forEach(p -> report.append(p.line()).append('\n'));
    Path file = out.resolve("report-" + System.currentTimeMillis() + ".md");
    Files.writeString(file, report);
    System.out.println(report);
    System.out.println("Written to " + file.toAbsolutePath());
    assertThat(phases).allSatisfy(p -> assertThat(p.statuses()).containsKey(201));
  }

  /** Closed loop: each uploader posts again as soon as its previous upload is answered. */
  private static Phase load(String name, Service service, List<byte[]> photos) throws Exception {
    List<Multipart> bodies =
        photos.stream().map(p -> Multipart.file("IMG.jpg", "image/jpeg", p)).toList();
    for (int i = 0; i < 6; i++) {
      service.upload(i, bodies.get(i % bodies.size()));
    }
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
    long end = System.nanoTime() + RUN.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(UPLOADERS);
    AtomicLong started = new AtomicLong();
    long begin = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int u = 0; u < UPLOADERS; u++) {
      int offset = u;
      workers.add(
          pool.submit(
              () -> {
                int i = offset;
                while (System.nanoTime() < end) {
                  started.incrementAndGet();
                  long t0 = System.nanoTime();
                  int status = service.upload(offset, bodies.get(i++ % bodies.size()));
                  latencies.add((System.nanoTime() - t0) / 1_000_000);
                  statuses.merge(status, 1, Integer::sum);
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - begin) / 1e9;
    return phase(name, latencies, statuses, seconds, service);
  }

  /** Many large uploads arriving together: memory must stay bounded. */
  private static Phase burst(String name, Service service, byte[] big) throws Exception {
    Multipart body = Multipart.file("BIG.jpg", "image/jpeg", big);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(BIG_UPLOADS);
    List<Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < BIG_UPLOADS; i++) {
      workers.add(
          pool.submit(
              () -> {
                go.await();
                long t0 = System.nanoTime();
                int status = service.upload(0, body);
                latencies.add((System.nanoTime() - t0) / 1_000_000);
                statuses.merge(status, 1, Integer::sum);
                return null;
              }));
    }
    long begin = System.nanoTime();
    go.countDown();
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - begin) / 1e9;
    assertThat(service.alive()).as("the service survived the burst").isTrue();
    return phase(name, latencies, statuses, seconds, service);
  }

  private static Phase phase(
      String name,
      List<Long> latencies,
      Map<Integer, Integer> statuses,
      double seconds,
      Service service)
      throws IOException {
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    double drain = service.drain();
    Phase phase =
        new Phase(
            name,
            sorted.size(),
            new TreeMap<>(statuses),
            percentile(sorted, 50),
            percentile(sorted, 95),
            percentile(sorted, 99),
            sorted.isEmpty() ? 0 : sorted.getLast(),
            sorted.size() / seconds,
            service.idleRssKb / 1024,
            service.memoryKb("VmHWM") / 1024,
            service.memoryKb("VmRSS") / 1024,
            drain,
            loadAverage());
    System.out.println(phase.line());
    return phase;
  }

  /** The machine's 1-minute load average: the benchmark shares it with whatever else runs. */
  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }

  private static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static byte[] nearlyTenMegabytes() {
    float quality = 1.0f;
    while (true) {
      byte[] photo = TestImages.detailedPhoneJpeg(4032, 3024, quality, 99);
      if (photo.length <= LIMIT - 8 * 1024 || quality < 0.5f) {
        return photo;
      }
      quality -= 0.03f;
    }
  }

  /** The service in its own JVM ({@link ServiceProcess}), with one complaint to upload to. */
  private static final class Service implements AutoCloseable {
    private final ServiceProcess process;
    private final String base;
    private final List<String> complaints;
    private final long idleRssKb;

    private Service(ServiceProcess process, List<String> complaints) throws IOException {
      this.process = process;
      this.base = process.api().base();
      this.complaints = complaints;
      this.idleRssKb = memoryKb("VmRSS");
    }

    static Service start(Path log, Map<String, String> extra) throws IOException {
      Files.deleteIfExists(log);
      // The JVM's default heap unless told otherwise, e.g. -Dbenchmark.serviceJvmArgs=-Xmx256m
      List<String> jvm = new ArrayList<>(List.of("-XX:MaxRAMPercentage=25"));
      for (String arg : System.getProperty("benchmark.serviceJvmArgs", "").split(" ")) {
        if (!arg.isBlank()) {
          jvm.add(arg);
        }
      }
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("server.address", "127.0.0.1");
      settings.put("complaints.data-dir", Files.createTempDirectory("photo-benchmark-").toString());
      TestSetup.PROPERTIES
          .lines()
          .map(line -> line.split("=", 2))
          .forEach(pair -> settings.put(pair[0], pair[1]));
      settings.put("complaints.photos.max-per-complaint", "1000");
      settings.putAll(extra);
      ServiceProcess process = ServiceProcess.start(Map.of(), log, jvm, settings);
      // One complaint per uploader: answered before processing, 30 s of uploads can pass the
      // limit of photos one complaint may have.
      Fixtures fixtures = new Fixtures(process.api());
      List<String> complaints = new ArrayList<>();
      for (int i = 0; i < Math.max(UPLOADERS, 1); i++) {
        complaints.add(fixtures.submit().get("id").asString());
      }
      return new Service(process, complaints);
    }

    /** Seconds until no accepted photo waits for processing; 0 when the service has no queue. */
    double drain() throws IOException {
      long begin = System.nanoTime();
      long deadline = begin + Duration.ofMinutes(15).toNanos();
      while (System.nanoTime() < deadline) {
        String scrape =
            process.api().call("GET", "/metrics").token(TestSetup.METRICS_TOKEN).send().body();
        double waiting =
            scrape
                .lines()
                .filter(line -> line.startsWith("photo_processing_waiting"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        if (waiting == 0) {
          return (System.nanoTime() - begin) / 1e9;
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
      throw new IOException("photos still waiting for processing after 15 minutes");
    }

    int upload(int uploader, Multipart body) {
      String complaint = complaints.get(uploader % complaints.size());
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + "/api/v1/complaints/" + complaint + "/photos"))
              .timeout(Duration.ofSeconds(120))
              .header("Authorization", "Bearer " + TestSetup.SERVICE_TOKEN)
              .header("Content-Type", body.contentType())
              .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
              .build();
      try {
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        return -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -2;
      }
    }

    boolean alive() {
      return process.alive();
    }

    long memoryKb(String field) throws IOException {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      return -1;
    }

    @Override
    public void close() {
      process.close();
    }
  }
}

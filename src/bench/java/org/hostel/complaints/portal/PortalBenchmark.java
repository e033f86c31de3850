package org.hostel.complaints.portal;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.hostel.complaints.dashboard.Browser;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's figures: the report page's first load on Chromium's "Slow 4G" (bytes and time until
 * the page is usable), public submits per second on the embedded default with the limits out of the
 * way, and one PDF of 500 room posters (time, size, heap). Prints them and writes {@code
 * target/benchmarks/portal.md}; nothing here is a timed assertion.
 */
@EmbeddedContext
class PortalBenchmark {

  static final int RUNS = 5;
  static final int SUBMITS = 400;
  static final int CLIENTS = 8;
  static final int POSTERS = 500;

  @LocalServerPort int port;
  @Autowired PortalKeys keys;

  @Test
  void printsTheFirstLoadTheSubmitRateAndThePosterPdf() throws Exception {
    String base = "http://127.0.0.1:" + port;
    List<double[]> loads = new ArrayList<>();
    try (Browser browser = Browser.open(base, 390, 844)) {
      browser.driver.executeCdpCommand("Network.enable", Map.of());
      browser.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
      // Chromium's "Slow 4G" preset (the former "Fast 3G"): 562.5 ms latency, 1.44 Mbit/s down.
      browser.driver.executeCdpCommand(
          "Network.emulateNetworkConditions",
          Map.of(
              "offline",
              false,
              "latency",
              562.5,
              "downloadThroughput",
              180_000,
              "uploadThroughput",
              84_375));
      for (int run = 0; run < RUNS; run++) {
        browser.driver.get("about:blank");
        browser.driver.get(base + "/report");
        browser.waitFor(By.id("photo-input"));
        browser.waitUntil(
            d ->
                Boolean.TRUE.equals(
                    browser.script(
                        "return performance.getEntriesByName('report:ready').length > 0"
                            + " && performance.getEntriesByType('resource')"
                            + ".every(e => e.responseEnd > 0)")));
        @SuppressWarnings("unchecked")
        Map<String, Object> f =
            (Map<String, Object>)
                browser.script(
                    """
                    const nav = performance.getEntriesByType('navigation')[0];
                    const res = performance.getEntriesByType('resource');
                    return {
                      bytes: nav.transferSize + res.reduce((s, e) => s + e.transferSize, 0),
                      ready: performance.getEntriesByName('report:ready')[0].startTime
                    };
                    """);
        loads.add(
            new double[] {
              ((Number) f.get("bytes")).doubleValue(), ((Number) f.get("ready")).doubleValue()
            });
      }
    }
    loads.sort((a, b) -> Double.compare(a[1], b[1]));
    double[] median = loads.get(loads.size() / 2);

    double rate = submits(Api.onPort(port));
    double[] pdf = posters();

    String report =
        String.format(
            Locale.ROOT,
            """
            # Portal figures

            | What | Figure | Target |
            |---|---|---|
            | `/report` first load, empty cache, "Slow 4G" (562.5 ms, 1.44 Mbit/s), median of %d | %.1f KB, usable after %.0f ms | under 60 KB, under 1.5 s |
            | public submits (`POST /api/v1/public/complaints`), embedded SQLite, %d clients, %d submits | %.0f per second | |
            | PDF of %d room posters (%d pages) | %.0f ms, %.0f KB, heap peak +%.0f MB | |
            """,
            RUNS,
            median[0] / 1024,
            median[1],
            CLIENTS,
            SUBMITS,
            rate,
            POSTERS,
            (POSTERS + 5) / 6,
            pdf[0],
            pdf[1] / 1024,
            pdf[2] / (1024 * 1024));
    Path file = Path.of("target", "benchmarks", "portal.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    System.out.println(report);
  }

  /** Submits per second through the public API, all from one address (limits set high). */
  private double submits(Api api) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    AtomicLong failed = new AtomicLong();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < SUBMITS; i++) {
        work.add(
            pool.submit(
                () -> {
                  String body =
                      Api.JSON.writeValueAsString(PortalForms.report(keys, PortalForms.room()));
                  HttpResponse<String> r =
                      client.send(
                          HttpRequest.newBuilder(
                                  URI.create(api.base() + "/api/v1/public/complaints"))
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString(body))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  if (r.statusCode() != 201) {
                    failed.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (failed.get() > 0) {
      System.out.println(failed.get() + " submits failed");
    }
    return SUBMITS / seconds;
  }

  /** Milliseconds, bytes of PDF, and the heap's peak above its level before, sampled. */
  private static double[] posters() throws Exception {
    List<Posters.Poster> posters = new ArrayList<>();
    for (int i = 0; i < POSTERS; i++) {
      String room = (char) ('A' + i / 100) + String.format(Locale.ROOT, "%03d", i % 100 + 100);
      posters.add(
          new Posters.Poster(
              "Block A",
              room,
              "https://complaints.example.org/report?h=block-a&r="
                  + room
                  + "&k=0123456789abcdefghijkl"));
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                      Thread.sleep(2);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    long start = System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Posters.pdf(posters, out);
    double millis = (System.nanoTime() - start) / 1e6;
    running.set(false);
    sampler.join();
    return new double[] {millis, out.size(), Math.max(0, peak.get() - before)};
  }
}

package org.hostel.complaints.photo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What a cheap, large progressive JPEG (7000 × 7000, a few hundred KB) costs the photo processor:
 * CPU time and peak resident memory of one, and wall time of 16 at once, with the progressive limit
 * as shipped and with it lifted to the general pixel limit (the behaviour before it existed). Not
 * part of the default test run (the name does not match Surefire's patterns); run it with
 *
 * <pre>mvn -B -Pbench test -Dtest=ProgressiveJpegBenchmark -Djacoco.skip=true</pre>
 *
 * Figures are printed and written to {@code target/photo-benchmark/progressive-jpeg.md}.
 */
class ProgressiveJpegBenchmark {

  private static final int SIDE = 7000;
  private static final int PARALLEL = 16;

  @Test
  void measure() throws Exception {
    byte[] jpeg = TestImages.progressiveJpeg(SIDE, SIDE);
    Path dir = Files.createTempDirectory("progressive-bench-");
    Path file = dir.resolve("big.jpg");
    Files.write(file, jpeg);
    StringBuilder report = new StringBuilder();
    report.append("# Progressive JPEG ").append(SIDE).append(" × ").append(SIDE).append(", ");
    report.append(jpeg.length / 1024).append(" KB, ").append(PARALLEL).append(" at once\n\n");
    report.append("| limit | outcome | CPU of one (ms) | peak RSS growth of one (MB) |");
    report.append(" wall time of ").append(PARALLEL).append(" (ms) | CPU of ").append(PARALLEL);
    report.append(" (ms) |\n|---|---|---|---|---|---|\n");
    // Shipped first: resident memory only grows, and the lifted limit needs far more.
    for (long progressiveLimit : new long[] {16_000_000L, 50_000_000L}) {
      PhotoProcessor processor = new PhotoProcessor(settings(progressiveLimit));
      resetPeakRss();
      long rssBefore = peakRssKb();
      long cpuBefore = threadCpu();
      String outcome = once(processor, file, dir);
      long cpuOne = (threadCpu() - cpuBefore) / 1_000_000;
      long rssGrowth = (peakRssKb() - rssBefore) / 1024;
      long processCpuBefore = processCpu();
      long start = System.nanoTime();
      try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
        List<Future<String>> all = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
          all.add(pool.submit(() -> once(processor, file, dir)));
        }
        for (Future<String> f : all) {
          f.get();
        }
      }
      long wall = (System.nanoTime() - start) / 1_000_000;
      long cpuAll = (processCpu() - processCpuBefore) / 1_000_000;
      report.append("| ").append(progressiveLimit).append(" | ").append(outcome).append(" | ");
      report.append(cpuOne).append(" | ").append(rssGrowth).append(" | ").append(wall);
      report.append(" | ").append(cpuAll).append(" |\n");
    }
    report.append("\nprocessing concurrency: ").append(settings(0).concurrency());
    report.append(" (one per processor); processors: ");
    report.append(Runtime.getRuntime().availableProcessors()).append('\n');
    System.out.println(report);
    Path out = Path.of("target", "photo-benchmark", "progressive-jpeg.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  private static String once(PhotoProcessor processor, Path file, Path dir) throws IOException {
    Path work = Files.createTempDirectory(dir, "work-");
    try {
      PhotoProcessor.Result result = processor.process(file, work);
      return "stored " + result.width() + " × " + result.height();
    } catch (PhotoProblems.Refused refused) {
      return "refused (422)";
    }
  }

  private static PhotoSettings settings(long progressiveLimit) {
    PhotoSettings base = PhotoProcessorTests.settings();
    return new PhotoSettings(
        base.storage(),
        base.maxFileSize(),
        base.maxPixels(),
        progressiveLimit == 0 ? base.maxProgressivePixels() : progressiveLimit,
        base.maxPerComplaint(),
        base.maxEdge(),
        base.thumbnailEdge(),
        base.linkTtl(),
        base.presignTtl(),
        base.cleanupInterval(),
        base.processingConcurrency(),
        base.processingEnabled(),
        base.processingLease(),
        base.urlSecret(),
        base.s3());
  }

  private static long threadCpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Linux: writing 5 to clear_refs resets the peak resident set size (VmHWM). */
  private static void resetPeakRss() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException unsupported) {
      // Then the figure is the growth over the earlier peak.
    }
  }

  private static long peakRssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }
}

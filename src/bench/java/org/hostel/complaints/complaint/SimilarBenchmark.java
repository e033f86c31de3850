package org.hostel.complaints.complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Similar-complaint lookups at 1,000,000 complaints (a year of them, four hostels, six categories,
 * 8,000 rooms, descriptions from a 60-word vocabulary) on SQLite and on PostgreSQL: p50/p95/max of
 * {@link SimilarComplaints#query} over 200 random drafts, and each database's query plan. Not a
 * test (no timing is asserted); run with
 *
 * <pre>mvn -B -Pbench test -Dtest=SimilarBenchmark -Djacoco.skip=true [-Dbenchmark.rows=1000000]
 * </pre>
 *
 * Figures also go to {@code target/similar-benchmark.txt}.
 */
class SimilarBenchmark {

  private static final int ROWS = Integer.getInteger("benchmark.rows", 1_000_000);
  private static final int QUERIES = 200;
  private static final String[] HOSTELS = {"block-a", "block-b", "block-c", "block-d"};
  private static final String[] CATEGORIES = {
    "plumbing", "electrical", "carpentry", "pest", "metalworks", "other"
  };
  private static final String[] WORDS =
      ("tap leak leaking water shower toilet flush pipe drain blocked sink basin light bulb socket"
              + " switch wire spark fuse power door hinge lock handle window glass broken cracked"
              + " wardrobe bed frame chair table shelf cockroach mice rats ants bedbugs smell gate"
              + " railing fence rust loose noisy cold hot heater fan ceiling wall paint damp mould"
              + " stairs corridor kitchen bathroom balcony roof")
          .split(" ");

  private final StringBuilder report = new StringBuilder();

  @Test
  void lookupsAtAMillionRows() throws Exception {
    Instant now = Instant.now();
    BulkComplaints.onBoth(
        (vendor, source, jdbc) -> run(vendor, source, jdbc, now), report, "similar-benchmark.txt");
  }

  private void run(String vendor, DataSource dataSource, JdbcClient jdbc, Instant now)
      throws Exception {
    long started = System.nanoTime();
    fill(vendor, dataSource, now);
    if (vendor.equals("postgresql")) {
      jdbc.sql("VACUUM ANALYZE complaints").update();
    } else {
      jdbc.sql("ANALYZE").update();
    }
    double loadSeconds = (System.nanoTime() - started) / 1e9;
    TextSearch search = TextSearch.of(jdbc);
    ComplaintPolicy.Condition everything = new ComplaintPolicy.Condition("1 = 1", Map.of());
    Random random = new Random(42);
    List<Long> micros = new ArrayList<>();
    int found = 0;
    for (int q = -20; q < QUERIES; q++) {
      SimilarComplaints.Draft draft = draft(random);
      long t0 = System.nanoTime();
      List<SimilarComplaints.Scored> result =
          SimilarComplaints.query(jdbc, search, draft, null, everything, now);
      long took = (System.nanoTime() - t0) / 1000;
      if (q >= 0) {
        micros.add(took);
        found += result.size();
      }
    }
    long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
    report.append(
        String.format(
            "%s: %,d complaints loaded in %.0f s; %d lookups: p50 %.1f ms, p95 %.1f ms, max %.1f"
                + " ms; %.1f results each%n",
            vendor,
            ROWS,
            loadSeconds,
            QUERIES,
            sorted[sorted.length / 2] / 1000.0,
            sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1000.0,
            sorted[sorted.length - 1] / 1000.0,
            found / (double) QUERIES));
    report.append(plan(vendor, jdbc, search, draft(random), everything, now)).append('\n');
  }

  private static String plan(
      String vendor,
      JdbcClient jdbc,
      TextSearch search,
      SimilarComplaints.Draft d,
      ComplaintPolicy.Condition visible,
      Instant now) {
    Map<String, Object> params = new java.util.HashMap<>();
    String sql = SimilarComplaints.sql(search, d.text(), visible, params);
    params.put("hostel", d.hostel());
    params.put("category", d.category());
    params.put("room", d.roomNumber());
    params.put("wing", d.wing());
    params.put("since", now.minus(SimilarComplaints.WINDOW).toEpochMilli());
    params.put("open", List.of("reported", "in_progress"));
    params.put("self", "");
    params.put("limit", SimilarComplaints.LIMIT);
    String explain =
        vendor.equals("sqlite") ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ";
    List<String> lines =
        jdbc.sql(explain + sql)
            .params(params)
            .query(
                (rs, n) ->
                    vendor.equals("sqlite")
                        ? "  "
                            + rs.getInt("parent")
                            + "/"
                            + rs.getInt("id")
                            + " "
                            + rs.getString("detail")
                        : "  " + rs.getString(1))
            .list();
    return "  plan:\n" + String.join("\n", lines);
  }

  private static SimilarComplaints.Draft draft(Random random) {
    String wing = String.valueOf((char) ('A' + random.nextInt(8)));
    return new SimilarComplaints.Draft(
        HOSTELS[random.nextInt(HOSTELS.length)],
        wing,
        wing + String.format("%03d", random.nextInt(1000)),
        CATEGORIES[random.nextInt(CATEGORIES.length)],
        words(random, 5));
  }

  private static String words(Random random, int n) {
    String[] picked = new String[n];
    Arrays.setAll(picked, i -> WORDS[random.nextInt(WORDS.length)]);
    return String.join(" ", picked);
  }

  /** A year of complaints in the order they came, newest now; one in five closed. */
  private static void fill(String vendor, DataSource dataSource, Instant now) throws Exception {
    Random random = new Random(7);
    long span = Duration.ofDays(365).toMillis();
    BulkComplaints.fill(
        vendor, dataSource, BulkComplaints.columns(), ROWS, i -> row(random, i, now, span));
  }

  private static String[] row(Random random, int i, Instant now, long span) {
    String wing = String.valueOf((char) ('A' + random.nextInt(8)));
    // In time order, as complaints arrive: references follow created_at.
    String at = Long.toString(now.toEpochMilli() - span + (long) ((double) i / ROWS * span));
    return new String[] {
      new UUID(random.nextLong(), random.nextLong()).toString(),
      Integer.toString(1_000_000 + i),
      HOSTELS[random.nextInt(HOSTELS.length)],
      wing,
      wing + String.format("%03d", random.nextInt(1000)),
      CATEGORIES[random.nextInt(CATEGORIES.length)],
      "The " + words(random, 6) + " in my room",
      "low",
      random.nextInt(5) == 0 ? "closed" : "reported",
      "1",
      at,
      at
    };
  }
}

package org.hostel.complaints.complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list, its filters and its text search at 1,000,000 complaints on SQLite and PostgreSQL, each
 * call as {@link ComplaintPages} makes it (count, then a page of 20), timed two ways over the same
 * rows: before, an exact {@code count(*)} and an {@code OFFSET}; after, the count capped at 10,000
 * and deep pages by cursor. p50/p95 of 30 calls, three rounds, the median round's figure; then each
 * query's plan. Not a test (no timing is asserted); run with
 *
 * <pre>mvn -B -Pbench test -Dtest=ListBenchmark -Djacoco.skip=true [-Dbenchmark.rows=1000000]
 * [-Dbenchmark.vendor=sqlite|postgresql]</pre>
 *
 * Figures also go to {@code target/list-benchmark.txt}.
 */
class ListBenchmark {

  private static final int ROWS = Integer.getInteger("benchmark.rows", 1_000_000);
  private static final int CALLS = Integer.getInteger("benchmark.calls", 30);
  private static final long CAP = 10_000;
  private static final String[] HOSTELS = {"block-a", "block-b", "block-c", "block-d"};
  private static final String[] CATEGORIES = {
    "plumbing", "electrical", "carpentry", "pest", "metalworks", "other"
  };
  private static final String[] WORDS =
      ("tap leak water shower toilet pipe drain sink light bulb socket switch door hinge lock"
              + " window glass wardrobe bed chair table cockroach mice smell fence rust fan wall")
          .split(" ");

  private final StringBuilder report = new StringBuilder();

  /** One list call: its filter (given the porters loaded), order and page offset. */
  private record Call(
      String name,
      Function<List<UUID>, ComplaintRepository.Filter> filter,
      SortOrder order,
      long offset) {}

  @Test
  void listsAtAMillionRows() throws Exception {
    Instant now = Instant.now();
    BulkComplaints.onBoth(
        (vendor, source, jdbc) -> run(vendor, source, jdbc, now), report, "list-benchmark.txt");
  }

  private static List<Call> calls(Instant now) {
    return List.of(
        new Call("list, newest 20", p -> filter(p, null), SortOrder.NEWEST, 0),
        new Call("list, page 50", p -> filter(p, null), SortOrder.NEWEST, 980),
        new Call("list, page 2,000", p -> filter(p, null), SortOrder.NEWEST, 39_980),
        new Call(
            "status=reported",
            p -> with(filter(p, null), Status.REPORTED, null, null, null, null),
            SortOrder.NEWEST,
            0),
        new Call(
            "hostel+category",
            p -> with(filter(p, null), null, "block-b", "pest", null, null),
            SortOrder.NEWEST,
            0),
        new Call(
            "severity=high+status=in_progress",
            p -> with(filter(p, null), Status.IN_PROGRESS, null, null, Severity.HIGH, null),
            SortOrder.NEWEST,
            0),
        new Call(
            "overdue, sort=due",
            p -> with(filter(p, null), null, null, null, null, now),
            SortOrder.DUE,
            0),
        new Call("sort=-priority", p -> filter(p, null), SortOrder.MOST_PRIORITY, 0),
        new Call("sort=-severity", p -> filter(p, null), SortOrder.MOST_SEVERE, 0),
        new Call("sort=-updated_at", p -> filter(p, null), SortOrder.RECENTLY_UPDATED, 0),
        new Call("porter's view", p -> filter(p, p.getFirst()), SortOrder.NEWEST, 0),
        new Call("porter's own, sort=due", ListBenchmark::mine, SortOrder.DUE, 0),
        new Call("search q=leak", p -> search(filter(p, null), "leak"), SortOrder.NEWEST, 0),
        new Call(
            "search q=leak tap", p -> search(filter(p, null), "leak tap"), SortOrder.NEWEST, 0),
        new Call("search, no match", p -> search(filter(p, null), "zebra"), SortOrder.NEWEST, 0));
  }

  private void run(String vendor, DataSource dataSource, JdbcClient jdbc, Instant now)
      throws Exception {
    long started = System.nanoTime();
    List<UUID> porters = porters(jdbc);
    fill(vendor, dataSource, now, porters);
    jdbc.sql(vendor.equals("postgresql") ? "VACUUM ANALYZE complaints" : "ANALYZE").update();
    double loadSeconds = (System.nanoTime() - started) / 1e9;
    ComplaintListing listing = new ComplaintListing(jdbc, TextSearch.of(jdbc));
    report.append(
        String.format(
            "%n%s: %,d complaints loaded in %.0f s; %d calls a round, median of 3 rounds (ms)%n"
                + "| call | total (capped) | before p50 | before p95 | after p50 | after p95 |%n"
                + "|---|---|---|---|---|---|%n",
            vendor, ROWS, loadSeconds, CALLS));
    StringBuilder plans = new StringBuilder();
    for (Call call : calls(now)) {
      ComplaintRepository.Filter filter = call.filter().apply(porters);
      Keyset position =
          call.offset() == 0
              ? null
              : listing.page(filter, call.order(), (int) call.offset(), 0, null, false).next();
      double[][] before = rounds(() -> before(listing, filter, call));
      double[][] after = rounds(() -> after(listing, filter, call, position));
      ComplaintListing.Count count = listing.count(filter, CAP);
      report.append(
          String.format(
              "| %s | %,d%s | %.1f | %.1f | %.1f | %.1f |%n",
              call.name(),
              count.total(),
              count.exact() ? "" : "+",
              before[0][1],
              before[1][1],
              after[0][1],
              after[1][1]));
      plans.append(plan(vendor, jdbc, filter, call, position));
    }
    report.append(plans);
  }

  private static void before(ComplaintListing listing, ComplaintRepository.Filter f, Call call) {
    long total = listing.count(f, Long.MAX_VALUE - 1).total();
    if (call.offset() < total) {
      listing.page(f, call.order(), 20, call.offset(), null, false);
    }
  }

  private static void after(
      ComplaintListing listing, ComplaintRepository.Filter f, Call call, @Nullable Keyset at) {
    ComplaintListing.Count count = listing.count(f, CAP);
    boolean few = ComplaintListing.few(f, count);
    listing.page(f, call.order(), 20, 0, at, few);
  }

  /** [p50 of the 3 rounds sorted, p95 of the 3 rounds sorted]: the middle is the median. */
  private static double[][] rounds(Runnable call) {
    double[] p50 = new double[3];
    double[] p95 = new double[3];
    for (int round = 0; round < 3; round++) {
      long[] micros = new long[CALLS];
      for (int i = -3; i < CALLS; i++) {
        long t0 = System.nanoTime();
        call.run();
        if (i >= 0) {
          micros[i] = (System.nanoTime() - t0) / 1000;
        }
      }
      Arrays.sort(micros);
      p50[round] = micros[CALLS / 2] / 1000.0;
      p95[round] = micros[(int) Math.ceil(CALLS * 0.95) - 1] / 1000.0;
    }
    Arrays.sort(p50);
    Arrays.sort(p95);
    return new double[][] {p50, p95};
  }

  private static String plan(
      String vendor,
      JdbcClient jdbc,
      ComplaintRepository.Filter filter,
      Call call,
      @Nullable Keyset position) {
    Map<String, Object> params = new HashMap<>();
    String where = ComplaintListing.where(filter, params, TextSearch.of(jdbc));
    if (position != null) {
      where += " AND " + position.condition(params);
    }
    params.put("cap", CAP + 1);
    String count = "SELECT count(*) FROM (SELECT 1 FROM complaints c" + where + " LIMIT :cap) m";
    boolean few =
        ComplaintListing.few(
            filter, new ComplaintListing(jdbc, TextSearch.of(jdbc)).count(filter, CAP));
    String page =
        (few ? "WITH matches AS MATERIALIZED (SELECT * FROM complaints c" + where + ") " : "")
            + "SELECT "
            + ComplaintRepository.COLUMNS
            + (few ? " FROM matches c" : " FROM complaints c" + where)
            + " ORDER BY "
            + call.order().sql()
            + " LIMIT 21";
    String explain = vendor.equals("sqlite") ? "EXPLAIN QUERY PLAN " : "EXPLAIN ANALYZE ";
    StringBuilder out =
        new StringBuilder("\n").append(vendor).append(" plan, ").append(call.name());
    for (String sql : List.of(count, page)) {
      out.append(sql == count ? "\n  count:" : "\n  page:");
      jdbc.sql(explain + sql)
          .params(params)
          .query((rs, n) -> rs.getString(vendor.equals("sqlite") ? 4 : 1))
          .list()
          .forEach(line -> out.append("\n    ").append(line));
    }
    return out.append('\n').toString();
  }

  private static ComplaintRepository.Filter filter(List<UUID> porters, @Nullable UUID viewer) {
    ComplaintPolicy.Condition visibility =
        viewer == null
            ? new ComplaintPolicy.Condition("1 = 1", Map.of())
            : new ComplaintPolicy.Condition(
                "(c.assigned_porter_id = :viewer OR c.assigned_porter_id IS NULL)",
                Map.of("viewer", viewer.toString()));
    return new ComplaintRepository.Filter(
        null, null, null, null, null, null, null, visibility, null, null, null);
  }

  private static ComplaintRepository.Filter mine(List<UUID> porters) {
    ComplaintRepository.Filter f = filter(porters, porters.getFirst());
    return new ComplaintRepository.Filter(
        null, null, null, null, null, porters.getFirst(), null, f.visibility(), null, null, null);
  }

  private static ComplaintRepository.Filter with(
      ComplaintRepository.Filter f,
      @Nullable Status status,
      @Nullable String hostel,
      @Nullable String category,
      @Nullable Severity severity,
      @Nullable Instant dueBefore) {
    return new ComplaintRepository.Filter(
        status,
        hostel,
        category,
        severity,
        null,
        null,
        null,
        f.visibility(),
        null,
        dueBefore,
        null);
  }

  private static ComplaintRepository.Filter search(ComplaintRepository.Filter f, String q) {
    return new ComplaintRepository.Filter(
        null, null, null, null, null, null, q, f.visibility(), null, null, null);
  }

  private static List<UUID> porters(JdbcClient jdbc) {
    List<UUID> porters = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      UUID id = UUID.randomUUID();
      jdbc.sql(
              "INSERT INTO staff (id, full_name, role, password_hash, created_at)"
                  + " VALUES (:id, 'Porter', 'porter', 'x', 0)")
          .param("id", id.toString())
          .update();
      porters.add(id);
    }
    return porters;
  }

  /**
   * A year of complaints, newest now: 45 % reported (a third of them taken), 10 % in progress, 5 %
   * on hold, 20 % resolved, 20 % closed; the open ones have a due time within three days.
   */
  private static void fill(String vendor, DataSource dataSource, Instant now, List<UUID> porters)
      throws Exception {
    Random random = new Random(11);
    long span = Duration.ofDays(365).toMillis();
    long start = now.toEpochMilli() - span;
    String[] statuses = {"reported", "in_progress", "on_hold", "resolved", "closed"};
    int[] shares = {45, 55, 60, 80, 100};
    String[] priorities = {"low", "normal", "normal", "normal", "high", "urgent"};
    String[] severities = {"low", "low", "medium", "medium", "high"};
    BulkComplaints.fill(
        vendor,
        dataSource,
        BulkComplaints.columns("priority", "assigned_porter_id", "due_at"),
        ROWS,
        i -> {
          long at = start + (long) ((double) i / ROWS * span);
          int roll = random.nextInt(100);
          int s = 0;
          while (roll >= shares[s]) {
            s++;
          }
          boolean open = s < 3;
          boolean taken = s > 0 || random.nextInt(3) == 0;
          String wing = String.valueOf((char) ('A' + random.nextInt(8)));
          String[] words = new String[5];
          Arrays.setAll(words, k -> WORDS[random.nextInt(WORDS.length)]);
          return new String[] {
            new UUID(random.nextLong(), random.nextLong()).toString(),
            Integer.toString(1_000_000 + random.nextInt(200_000)),
            HOSTELS[random.nextInt(HOSTELS.length)],
            wing,
            wing + String.format("%03d", random.nextInt(1000)),
            CATEGORIES[random.nextInt(CATEGORIES.length)],
            "The " + String.join(" ", words) + " in my room",
            severities[random.nextInt(severities.length)],
            statuses[s],
            "1",
            Long.toString(at),
            Long.toString(at + random.nextInt(86_400_000)),
            priorities[random.nextInt(priorities.length)],
            taken ? porters.get(random.nextInt(porters.size())).toString() : null,
            open ? Long.toString(at + 3_600_000L * (1 + random.nextInt(72))) : null
          };
        });
  }
}

package org.hostel.complaints.realtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.PostgresDatabase;
import org.junit.jupiter.api.Test;

/**
 * Would a cache of hot reads pay? Measures what a cache could save at best: a complaint read by id
 * against the same request without the complaint lookup (the caller's profile: same token check,
 * same JSON path), and the per-status count query, on PostgreSQL. Not part of {@code mvn verify}.
 * Run:
 *
 * <pre>
 * mvn -B -Pbench test -Dtest=HotReadsBenchmark
 * </pre>
 *
 * Writes {@code target/benchmarks/realtime.md} too.
 */
class HotReadsBenchmark {

  @Test
  void whatACacheOfHotReadsCouldSave() throws Exception {
    int complaints = Integer.getInteger("benchmark.complaints", 20_000);
    int requests = Integer.getInteger("benchmark.requests", 4_000);
    PostgresDatabase database = PostgresDatabase.create();
    Instances.Instance instance =
        Instances.start(
            Map.of(
                "spring.datasource.url",
                database.url(),
                "spring.datasource.username",
                PostgresDatabase.USER),
            List.of("-Xmx512m"));
    try {
      Instances.awaitReady(instance, Duration.ofMinutes(3));
      Api api = instance.api();
      Fixtures fixtures = new Fixtures(api);
      String token = fixtures.adminToken();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        ids.add(fixtures.submit().get("id").asString());
      }
      fill(database, complaints - ids.size());

      // Warm up the JIT and the pools, then measure with 8 concurrent clients.
      run(api, token, ids, 2_000, true);
      run(api, token, ids, 2_000, false);
      long[] byId = run(api, token, ids, requests, true);
      long[] profile = run(api, token, ids, requests, false);
      long[] counts = countQuery(database, 50);

      String report =
          """
          ## Hot reads: would a cache pay? (%s)

          | Request (8 concurrent clients, %d requests in all, PostgreSQL, %d complaints) | p50 | p95 | p99 |
          |---|---|---|---|
          | `GET /api/v1/complaints/{id}` (today, no cache) | %.2f ms | %.2f ms | %.2f ms |
          | `GET /api/v1/profile/me` (same token check and JSON, no complaint lookup: the best a cache could do) | %.2f ms | %.2f ms | %.2f ms |
          | per-status count query (`GROUP BY status`), one connection | %.2f ms | %.2f ms | %.2f ms |
          """
              .formatted(
                  Instant.now(),
                  requests,
                  complaints,
                  ms(byId, 50),
                  ms(byId, 95),
                  ms(byId, 99),
                  ms(profile, 50),
                  ms(profile, 95),
                  ms(profile, 99),
                  ms(counts, 50),
                  ms(counts, 95),
                  ms(counts, 99));
      System.out.println(report);
      Path file = Path.of("target/benchmarks/realtime.md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, report + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } finally {
      instance.kill();
      database.drop();
    }
  }

  private static long[] run(Api api, String token, List<String> ids, int total, boolean complaint)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<long[]>> parts = new ArrayList<>();
    for (int c = 0; c < 8; c++) {
      int offset = c;
      parts.add(
          clients.submit(
              () -> {
                long[] took = new long[total / 8];
                for (int i = 0; i < took.length; i++) {
                  String path =
                      complaint
                          ? "/api/v1/complaints/" + ids.get((i * 8 + offset) % ids.size())
                          : "/api/v1/profile/me";
                  long start = System.nanoTime();
                  var response = api.get(path, token);
                  took[i] = System.nanoTime() - start;
                  if (response.status() != 200) {
                    throw new AssertionError(path + " answered " + response);
                  }
                }
                return took;
              }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> part : parts) {
      all.add(part.get());
    }
    clients.shutdown();
    return all.stream().flatMapToLong(Arrays::stream).toArray();
  }

  private static void fill(PostgresDatabase database, int rows) throws Exception {
    try (Connection c = DriverManager.getConnection(database.url(), PostgresDatabase.USER, "");
        Statement s = c.createStatement()) {
      s.execute(
          """
          INSERT INTO complaints (id, telegram_user_id, hostel, wing, room_number, category,
              description, severity, status, assigned_porter_id, created_by, version,
              created_at, updated_at)
          SELECT gen_random_uuid()::text, '42', 'block-a', 'A', 'A101', 'plumbing',
              'Filler complaint number ' || n, 'low',
              (ARRAY['reported','in_progress','resolved','closed'])[1 + n %% 4], NULL, NULL, 1,
              1700000000000 + n, 1700000000000 + n
          FROM generate_series(1, %d) AS n
          """
              .formatted(rows));
      s.execute("ANALYZE complaints");
    }
  }

  private static long[] countQuery(PostgresDatabase database, int times) throws Exception {
    long[] took = new long[times];
    try (Connection c = DriverManager.getConnection(database.url(), PostgresDatabase.USER, "");
        Statement s = c.createStatement()) {
      for (int i = 0; i < times; i++) {
        long start = System.nanoTime();
        try (ResultSet rs =
            s.executeQuery("SELECT status, count(*) FROM complaints GROUP BY status")) {
          while (rs.next()) {
            rs.getLong(2);
          }
        }
        took[i] = System.nanoTime() - start;
      }
    }
    return took;
  }

  private static double ms(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}

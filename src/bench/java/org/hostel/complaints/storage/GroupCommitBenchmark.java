package org.hostel.complaints.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a second on the embedded default's settings (WAL, {@code synchronous=FULL}, the serialised
 * writer) with 64 concurrent virtual-thread writers, each write a complaint-sized row and a history
 * row: one synced commit per write (as before group commit) against {@link GroupCommit},
 * alternating in every round, beside the bare single-row commit ceiling of the same disk. Not a
 * test; run with
 *
 * <pre>mvn -B -Pbench test -Dtest=GroupCommitBenchmark -Djacoco.skip=true</pre>
 */
class GroupCommitBenchmark {

  private static final int WRITERS = Integer.getInteger("benchmark.writers", 64);
  private static final Duration RUN =
      Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 8));
  private static final int ROUNDS = 3;

  @Test
  void writesPerSecond() throws Exception {
    Path folder = Files.createTempDirectory("group-commit-bench");
    try (HikariDataSource pool = pool(folder.resolve("bench.db"))) {
      var database = new SerializedSqliteWrites(pool, Duration.ofSeconds(30));
      JdbcClient jdbc = JdbcClient.create(database);
      jdbc.sql("CREATE TABLE c (id TEXT PRIMARY KEY, body TEXT NOT NULL, at BIGINT NOT NULL)")
          .update();
      jdbc.sql("CREATE TABLE h (c TEXT NOT NULL, action TEXT NOT NULL, at BIGINT NOT NULL)")
          .update();
      var tx = new TransactionTemplate(new DataSourceTransactionManager(database));
      AtomicLong groups = new AtomicLong();
      GroupCommit group =
          new GroupCommit(tx, true, Duration.ofSeconds(30), n -> groups.incrementAndGet());
      List<String> lines = new ArrayList<>();
      try {
        for (int round = 1; round <= ROUNDS; round++) {
          double ceiling = rate(1, () -> tx.execute(s -> write(jdbc)));
          double single = rate(WRITERS, () -> tx.execute(s -> write(jdbc)));
          long before = groups.get();
          long writes =
              Math.round(rate(WRITERS, () -> group.execute(() -> write(jdbc))) * seconds());
          double grouped = writes / seconds();
          lines.add(
              String.format(
                  "round %d: one commit per write %.0f/s, group commit %.0f/s (%.1f writes a"
                      + " commit), one writer alone %.0f/s (load %s)",
                  round,
                  single,
                  grouped,
                  (double) writes / Math.max(1, groups.get() - before),
                  ceiling,
                  Files.readString(Path.of("/proc/loadavg")).split(" ")[0]));
          System.out.println(lines.getLast());
        }
      } finally {
        group.destroy();
      }
      Files.write(Path.of("target/group-commit-benchmark.txt"), lines);
    }
  }

  private static double seconds() {
    return RUN.toMillis() / 1000.0;
  }

  private static int write(JdbcClient jdbc) {
    String id = UUID.randomUUID().toString();
    long at = System.currentTimeMillis();
    jdbc.sql("INSERT INTO c (id, body, at) VALUES (:id, :body, :at)")
        .param("id", id)
        .param("body", "Tap leaking since Monday, room A312, block A ".repeat(4))
        .param("at", at)
        .update();
    return jdbc.sql("INSERT INTO h (c, action, at) VALUES (:id, 'submitted', :at)")
        .param("id", id)
        .param("at", at)
        .update();
  }

  private static double rate(int writers, Supplier<?> write) throws InterruptedException {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong done = new AtomicLong();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < writers; i++) {
        clients.submit(
            () -> {
              while (running.get()) {
                write.get();
                done.incrementAndGet();
              }
            });
      }
      Thread.sleep(RUN);
      running.set(false);
    }
    return done.get() / seconds();
  }

  private static HikariDataSource pool(Path file) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl("jdbc:sqlite:" + file);
    pool.addDataSourceProperty("journal_mode", "WAL");
    pool.addDataSourceProperty("synchronous", "FULL");
    pool.addDataSourceProperty("busy_timeout", "5000");
    pool.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    pool.setMaximumPoolSize(6);
    return pool;
  }
}

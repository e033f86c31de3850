package org.hostel.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.ServiceProcess;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged complaints survive the process being killed mid-write on the embedded default. The
 * writers are many and concurrent so that their submissions share commits (group commit): a 201
 * must mean that the commit carrying it has been synced, whichever group it rode in.
 */
@Tag("multi-jvm")
class CrashRecoveryTests {

  private static final int WRITERS = 32;
  private static final String IDEMPOTENCY = "Idempotency-Key";

  @TempDir Path dataDir;

  @Test
  void everyComplaintThatGotA201IsThereAfterAHardKill() throws Exception {
    Map<String, String> env =
        Map.of(
            "COMPLAINTS_DATA_DIR", dataDir.toString(),
            "COMPLAINTS_SERVICE_TOKEN", TestSetup.SERVICE_TOKEN,
            "COMPLAINTS_ADMIN_EMAIL", TestSetup.ADMIN_EMAIL,
            "COMPLAINTS_ADMIN_PASSWORD", TestSetup.ADMIN_PASSWORD,
            // The check below counts every acknowledged submission, more than the default cap.
            "COMPLAINTS_LIST_COUNT_CAP", "1000000");
    Path log = Files.createTempFile("crash-test", ".log");
    String reporter = Fixtures.reporter();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Map<String, String> byKey = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger keys = new AtomicInteger();

    ServiceProcess first = ServiceProcess.start(env, log);
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try {
      Api api = first.api();
      for (int i = 0; i < WRITERS; i++) {
        boolean keyed = i % 2 == 0;
        writers.submit(
            () -> {
              while (running.get()) {
                try {
                  Api.Call call =
                      api.call("POST", "/api/v1/complaints/submit")
                          .token(TestSetup.SERVICE_TOKEN)
                          .json(Fixtures.complaint(reporter));
                  String key = keyed ? "crash-" + keys.incrementAndGet() : null;
                  Api.Response r = key == null ? call.send() : call.header(IDEMPOTENCY, key).send();
                  if (r.status() == 201) {
                    acknowledged.add(r.json().get("id").asString());
                    if (key != null) {
                      byKey.put(key, r.json().get("id").asString());
                    }
                  }
                } catch (RuntimeException connectionLost) {
                  return;
                }
              }
            });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(sharedCommits(api)).as("submissions that shared a commit").isTrue();
      first.kill();
    } finally {
      running.set(false);
      writers.shutdown();
      writers.awaitTermination(30, TimeUnit.SECONDS);
      first.kill();
    }
    assertThat(acknowledged)
        .as("complaints acknowledged before the kill")
        .hasSizeGreaterThanOrEqualTo(10);

    try (ServiceProcess second = ServiceProcess.start(env, log)) {
      Api api = second.api();
      List<String> missing = new ArrayList<>();
      for (String id : acknowledged) {
        if (api.get("/api/v1/complaints/" + id, TestSetup.SERVICE_TOKEN).status() != 200) {
          missing.add(id);
        }
      }
      assertThat(missing).as("acknowledged but lost").isEmpty();
      // The idempotency claim committed with its complaint: a retry after the crash gets it back.
      byKey.entrySet().stream()
          .limit(20)
          .forEach(
              entry -> {
                Api.Response replay =
                    api.call("POST", "/api/v1/complaints/submit")
                        .token(TestSetup.SERVICE_TOKEN)
                        .json(Fixtures.complaint(reporter))
                        .header(IDEMPOTENCY, entry.getKey())
                        .send();
                assertThat(replay.status()).as("replay of " + entry.getKey()).isEqualTo(201);
                assertThat(replay.json().get("id").asString()).isEqualTo(entry.getValue());
              });
      long stored =
          api.get(
                  "/api/v1/complaints?page_size=1&telegram_user_id=" + reporter,
                  TestSetup.SERVICE_TOKEN)
              .json()
              .get("total")
              .asLong();
      assertThat(stored).isGreaterThanOrEqualTo(acknowledged.size());
    }
  }

  /** Whether, by the group-commit metric, some commit carried more than one submission. */
  private static boolean sharedCommits(Api api) {
    double count = 0;
    double sum = 0;
    for (String line : api.get("/metrics", null).body().split("\n")) {
      if (line.startsWith("storage_group_commit_size_count")) {
        count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      } else if (line.startsWith("storage_group_commit_size_sum")) {
        sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return count > 0 && sum > count;
  }
}

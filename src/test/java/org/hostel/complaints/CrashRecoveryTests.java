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
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.ServiceProcess;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledged complaints survive the process being killed mid-write on the embedded default. */
@Tag("multi-jvm")
class CrashRecoveryTests {

  @TempDir Path dataDir;

  @Test
  void everyComplaintThatGotA201IsThereAfterAHardKill() throws Exception {
    Map<String, String> env =
        Map.of(
            "COMPLAINTS_DATA_DIR", dataDir.toString(),
            "COMPLAINTS_SERVICE_TOKEN", TestSetup.SERVICE_TOKEN,
            "COMPLAINTS_ADMIN_EMAIL", TestSetup.ADMIN_EMAIL,
            "COMPLAINTS_ADMIN_PASSWORD", TestSetup.ADMIN_PASSWORD);
    Path log = Files.createTempFile("crash-test", ".log");
    String reporter = Fixtures.reporter();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean running = new AtomicBoolean(true);

    ServiceProcess first = ServiceProcess.start(env, log);
    ExecutorService writers = Executors.newFixedThreadPool(6);
    try {
      Api api = first.api();
      for (int i = 0; i < 6; i++) {
        writers.submit(
            () -> {
              while (running.get()) {
                try {
                  Api.Response r =
                      api.post(
                          "/api/v1/complaints/submit",
                          TestSetup.SERVICE_TOKEN,
                          Fixtures.complaint(reporter));
                  if (r.status() == 201) {
                    acknowledged.add(r.json().get("id").asString());
                  }
                } catch (RuntimeException connectionLost) {
                  return;
                }
              }
            });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (acknowledged.size() < 100 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
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
}

package org.hostel.complaints.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.ServiceProcess;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite writers must wait in Java, not in SQLite's native busy handler: a native wait pins the
 * virtual thread's carrier, and with every carrier pinned the writer holding the lock can never
 * commit. The service runs on a single carrier here, the harshest case of a small machine.
 */
@Tag("multi-jvm")
class EmbeddedWritesTests {

  @TempDir Path dataDir;

  @Test
  void manyConcurrentWritersOnOneCarrierThreadAllSucceed() throws Exception {
    Map<String, String> env =
        Map.of(
            "COMPLAINTS_DATA_DIR",
            dataDir.toString(),
            "COMPLAINTS_SERVICE_TOKEN",
            TestSetup.SERVICE_TOKEN,
            "COMPLAINTS_ADMIN_EMAIL",
            TestSetup.ADMIN_EMAIL,
            "COMPLAINTS_ADMIN_PASSWORD",
            TestSetup.ADMIN_PASSWORD,
            // Events go out through Redis after each commit: the committing thread parks on the
            // network while SQLite still counts its connection as the writer.
            "SPRING_DATA_REDIS_URL",
            "redis://127.0.0.1:6379",
            "COMPLAINTS_REALTIME_REDIS_CHANNEL",
            "complaints-test:" + java.util.UUID.randomUUID(),
            "COMPLAINTS_RATE_LIMIT_REDIS_KEY_PREFIX",
            "complaints-test:" + java.util.UUID.randomUUID() + ":",
            // A busy machine may keep a writer waiting longer than the 2 s after which the
            // service answers 503; a pinned carrier never lets it in, so 30 s still catches that.
            "SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT",
            "30000");
    Path log = Files.createTempFile("embedded-writes", ".log");
    try (ServiceProcess service =
        ServiceProcess.start(env, log, List.of("-Djdk.virtualThreadScheduler.parallelism=1"))) {
      Api api = service.api();
      String admin = api.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      String reporter = Fixtures.reporter();
      ExecutorService clients = Executors.newFixedThreadPool(24);
      List<Future<List<Integer>>> work = new ArrayList<>();
      for (int c = 0; c < 24; c++) {
        work.add(
            clients.submit(
                () -> {
                  List<Integer> statuses = new ArrayList<>();
                  for (int i = 0; i < 10; i++) {
                    Api.Response created =
                        api.post(
                            "/api/v1/complaints/submit",
                            TestSetup.SERVICE_TOKEN,
                            Fixtures.complaint(reporter));
                    statuses.add(created.status());
                    if (created.status() == 201) {
                      statuses.add(
                          api.patch(
                                  "/api/v1/complaints/"
                                      + created.json().get("id").asString()
                                      + "/status",
                                  admin,
                                  Map.of("status", "in_progress"))
                              .status());
                    }
                  }
                  return statuses;
                }));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<List<Integer>> f : work) {
        statuses.addAll(f.get());
      }
      clients.shutdown();
      assertThat(statuses).hasSize(480).containsOnly(201, 200);
      assertThat(
              api.get(
                      "/api/v1/complaints?page_size=1&status=in_progress&telegram_user_id="
                          + reporter,
                      admin)
                  .json()
                  .get("total")
                  .asLong())
          .isEqualTo(240);
    }
  }
}

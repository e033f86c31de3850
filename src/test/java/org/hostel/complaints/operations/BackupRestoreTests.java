package org.hostel.complaints.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.hostel.complaints.ComplaintsApplication;
import org.hostel.complaints.photo.TestImages;
import org.hostel.complaints.storage.StorageSettings;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.Multipart;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Online backups of the embedded shape, made while writers run, through the admin endpoint and the
 * jar's {@code backup} mode, and restored with its {@code restore} mode into a fresh service.
 */
@EmbeddedContext
class BackupRestoreTests {

  static final Path BACKUPS = Path.of(TestSetup.tempDataDir());

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("complaints.backup.dir", BACKUPS::toString);
    registry.add("complaints.backup.schedule", () -> "-");
    registry.add("complaints.backup.keep", () -> "2");
  }

  @Autowired StorageSettings storage;
  @TempDir Path temp;

  @Test
  void aBackupMadeUnderWriteLoadRestoresEveryAcknowledgedComplaintPhotoAndAccount(
      Api api, Fixtures fixtures) throws Exception {
    Fixtures.Staff porter = fixtures.porter();
    String pictured = fixtures.submit().get("id").asString();
    Multipart photo = Multipart.file("leak.jpg", "image/jpeg", TestImages.jpeg(400, 300));
    Api.Response uploaded =
        api.call("POST", "/api/v1/complaints/" + pictured + "/photos")
            .token(TestSetup.SERVICE_TOKEN)
            .bytes(photo.contentType(), photo.bytes())
            .send();
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    acknowledged.add(pictured);
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService writers = Executors.newFixedThreadPool(4);
    Set<String> beforeEndpoint;
    Set<String> beforeCommand;
    Api.Response made;
    Path commandBackup = temp.resolve("by-command");
    int commandStatus;
    try {
      for (int i = 0; i < 4; i++) {
        writers.submit(() -> write(api, running, acknowledged));
      }
      awaitMore(acknowledged, 30);
      beforeEndpoint = Set.copyOf(acknowledged);
      made = api.post("/api/v1/admin/backups", fixtures.adminToken(), "");
      awaitMore(acknowledged, acknowledged.size() + 20);
      beforeCommand = Set.copyOf(acknowledged);
      commandStatus =
          CommandLine.run(
              new String[] {
                "backup",
                "--to",
                commandBackup.toString(),
                "--complaints.data-dir=" + storage.dataDir()
              },
              System.out,
              System.err);
      awaitMore(acknowledged, acknowledged.size() + 20);
    } finally {
      running.set(false);
      writers.shutdown();
      writers.awaitTermination(30, TimeUnit.SECONDS);
    }
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    assertThat(made.json().get("photo_files").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(commandStatus).isZero();

    Path endpointBackup = Path.of(made.json().get("folder").asString());
    assertRestores(endpointBackup, beforeEndpoint, pictured, porter);
    assertRestores(commandBackup, beforeCommand, pictured, porter);
  }

  private void assertRestores(
      Path backup, Set<String> acknowledged, String pictured, Fixtures.Staff porter)
      throws Exception {
    Path restored = temp.resolve("restored-" + backup.getFileName());
    Out out = new Out();
    int status =
        CommandLine.run(
            new String[] {
              "restore", "--from", backup.toString(), "--complaints.data-dir=" + restored
            },
            out.stream,
            out.stream);
    assertThat(status).as(out.text()).isZero();
    try (ConfigurableApplicationContext service = start(restored)) {
      Api api = Api.onPort(((WebServerApplicationContext) service).getWebServer().getPort());
      List<String> missing = new ArrayList<>();
      for (String id : acknowledged) {
        if (api.get("/api/v1/complaints/" + id, TestSetup.SERVICE_TOKEN).status() != 200) {
          missing.add(id);
        }
      }
      assertThat(missing).as("acknowledged before the backup but not restored").isEmpty();
      assertThat(firstPhotoStatus(api, pictured)).isEqualTo(200);
      assertThat(api.login(porter.email(), porter.password())).isNotBlank();
    }
  }

  @Test
  void restoreChecksTheBackupFirstAndSaysWhyInOneLine(Api api, Fixtures fixtures) throws Exception {
    String pictured = fixtures.submit().get("id").asString();
    Multipart photo = Multipart.file("a.jpg", "image/jpeg", TestImages.jpeg(200, 100));
    api.call("POST", "/api/v1/complaints/" + pictured + "/photos")
        .token(TestSetup.SERVICE_TOKEN)
        .bytes(photo.contentType(), photo.bytes())
        .send();
    // The photo's files are written when background processing ends; back up after that.
    assertThat(firstPhotoStatus(api, pictured)).isEqualTo(200);
    Path good = Path.of(made(api, fixtures).json().get("folder").asString());

    assertRefused(temp.resolve("nowhere"), "no manifest");

    Path noPhoto = copy(good, "no-photo");
    try (Stream<Path> files = Files.walk(noPhoto.resolve("photos"))) {
      Files.delete(files.filter(Files::isRegularFile).findFirst().orElseThrow());
    }
    assertRefused(noPhoto, "photo files are missing");

    Path newer = copy(good, "newer");
    try (Connection db = BackupLayout.open(newer.resolve("complaints.db"));
        Statement s = db.createStatement()) {
      s.execute(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " installed_by, execution_time, success) VALUES (999, '999', 'future', 'SQL',"
              + " 'V999__future.sql', 'test', 0, 1)");
    }
    assertRefused(newer, "newer than this build");

    Path broken = copy(good, "broken");
    byte[] bytes = Files.readAllBytes(broken.resolve("complaints.db"));
    for (int i = 4096 * 2; i < bytes.length; i += 7) {
      bytes[i] = (byte) 0x5A;
    }
    Files.write(broken.resolve("complaints.db"), bytes);
    assertRefused(broken, "");

    Out out = new Out();
    assertThat(
            CommandLine.run(
                new String[] {
                  "restore", "--from", good.toString(), "--complaints.data-dir=" + storage.dataDir()
                },
                out.stream,
                out.stream))
        .isEqualTo(1);
    assertThat(out.text()).contains("already has a database").hasLineCount(1);
    assertThat(CommandLine.run(new String[] {"backup"}, out.stream, out.stream)).isEqualTo(2);
  }

  @Test
  void onlyTheNewestBackupsAreKept(Api api, Fixtures fixtures) throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(made(api, fixtures).status()).isEqualTo(201);
    }
    try (Stream<Path> kept = Files.list(BACKUPS)) {
      assertThat(kept.filter(p -> p.getFileName().toString().startsWith("backup-"))).hasSize(2);
    }
    Fixtures.Staff porter = fixtures.porter();
    assertThat(api.post("/api/v1/admin/backups", porter.token(), "").status()).isEqualTo(403);
  }

  private static Api.Response made(Api api, Fixtures fixtures) {
    Api.Response made = api.post("/api/v1/admin/backups", fixtures.adminToken(), "");
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    return made;
  }

  private void assertRefused(Path backup, String reason) {
    Out out = new Out();
    int status =
        CommandLine.run(
            new String[] {
              "restore",
              "--from",
              backup.toString(),
              "--complaints.data-dir=" + temp.resolve("target-" + backup.getFileName())
            },
            out.stream,
            out.stream);
    assertThat(status).as(out.text()).isEqualTo(1);
    assertThat(out.text()).startsWith("restore failed: ").contains(reason).hasLineCount(1);
    assertThat(temp.resolve("target-" + backup.getFileName()).resolve("complaints.db"))
        .doesNotExist();
  }

  private Path copy(Path backup, String name) throws Exception {
    Path to = temp.resolve(name);
    org.springframework.util.FileSystemUtils.copyRecursively(backup, to);
    return to;
  }

  private static void write(Api api, AtomicBoolean running, Set<String> acknowledged) {
    String reporter = Fixtures.reporter();
    while (running.get()) {
      Api.Response r =
          api.post(
              "/api/v1/complaints/submit", TestSetup.SERVICE_TOKEN, Fixtures.complaint(reporter));
      if (r.status() == 201) {
        acknowledged.add(r.json().get("id").asString());
      }
    }
  }

  private static void awaitMore(Set<String> acknowledged, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (acknowledged.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  static ConfigurableApplicationContext start(Path dataDir) {
    List<String> properties = new ArrayList<>(TestSetup.PROPERTIES.lines().toList());
    properties.add("complaints.data-dir=" + dataDir);
    properties.add("server.port=0");
    properties.add("server.address=127.0.0.1");
    properties.add("complaints.backup.schedule=-");
    // Arguments, not builder properties: those are defaults, below application.yaml's.
    return new SpringApplicationBuilder(ComplaintsApplication.class)
        .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
  }

  /**
   * What loading the complaint's first photo link answers, once there is one: a photo backed up
   * while it waited for processing is processed by the restored service.
   */
  static int firstPhotoStatus(Api api, String complaint) throws Exception {
    String link =
        Eventually.poll(
                "the complaint shows its photo",
                java.time.Duration.ofSeconds(30),
                () -> api.get("/api/v1/complaints/" + complaint, TestSetup.SERVICE_TOKEN).json(),
                shown -> !shown.get("photo_urls").isEmpty())
            .get("photo_urls")
            .get(0)
            .asString();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(link)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** What a mode printed. */
  static final class Out {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
      return bytes.toString(StandardCharsets.UTF_8).strip();
    }
  }
}

package org.hostel.complaints.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.ComplaintsApplication;
import org.hostel.complaints.accounts.Mails;
import org.hostel.complaints.mail.SmtpServer;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The old system's fixture database ({@code src/test/resources/legacy/make_fixture.py}) imports
 * completely, with odd rows skipped or mapped as the report says, and a second run imports nothing.
 */
@EmbeddedContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegacyImportTests {

  static final Path FIXTURE = resource("legacy/legacy.sqlite");
  static final Path PHOTOS = resource("legacy/photos");

  static final SmtpServer SMTP = SmtpServer.started();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    // A context and database of its own: the counts below are of this fixture alone.
    registry.add("complaints.backup.schedule", () -> "-");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", SMTP::port);
    registry.add("complaints.mail.from", () -> "office@hostel.example");
    registry.add("complaints.public-base-url", () -> "https://complaints.hostel.example/");
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @Autowired LegacyImport importer;
  @Autowired JdbcClient jdbc;

  @Test
  @Order(1)
  void aDryRunCountsWithoutWriting() throws Exception {
    ImportReport report = run(true);
    assertThat(report.of("complaints").imported).isEqualTo(8);
    assertThat(report.of("photos").imported).isEqualTo(3);
    assertThat(report.of("staff").notes).containsEntry(LegacyImport.INVITED, 3);
    assertThat(jdbc.sql("SELECT count(*) FROM complaints WHERE external_ref IS NOT NULL"))
        .extracting(q -> q.query(Long.class).single())
        .isEqualTo(0L);
    assertThat(count("outbox_messages")).as("a dry run sends no mail").isZero();
  }

  @Test
  @Order(2)
  void theFixtureImportsCompletelyAndItsOddRowsAreReportedWithTheirReasons(
      Api api, Fixtures fixtures) throws Exception {
    ImportReport report = run(false);

    assertThat(report.of("hostels").imported).isEqualTo(3);
    assertThat(report.of("hostels").notes)
        .containsKey("not in COMPLAINTS_CATALOG_HOSTELS: add it there for new complaints");
    assertThat(report.of("staff").imported).isEqualTo(5);
    assertThat(report.of("staff").skipped).containsEntry("no e-mail or phone to log in with", 1);
    // The active ones with an e-mail are invited; the inactive one and the one without e-mail not.
    assertThat(report.of("staff").notes)
        .containsEntry(LegacyImport.INVITED, 3)
        .containsEntry(LegacyImport.NOT_INVITED, 2);
    assertThat(report.of("complaints").imported).isEqualTo(8);
    assertThat(report.of("complaints").skipped)
        .containsEntry("no room number", 1)
        .containsEntry("unknown status", 1)
        .containsEntry("unknown hostel (neither in the catalog nor the old hostels table)", 1);
    assertThat(report.of("complaints").notes)
        .containsEntry("unknown category imported as other", 1)
        .containsEntry("category structural imported as carpentry", 1)
        .containsEntry("status on_hold imported as in_progress", 1)
        .containsEntry("status rejected imported as closed", 1)
        .containsEntry("unknown severity imported as medium", 1);
    assertThat(report.of("assignment audits").imported).isEqualTo(6);
    assertThat(report.of("photos").imported).isEqualTo(3);
    assertThat(report.of("photos").skipped).containsEntry("its file is gone", 1);

    // The old bot's complaint ids still answer, with status, history and photos.
    String c3 = legacyId("c3");
    // Imported photos are processed in the background like any upload; links appear once ready.
    JsonNode complaint =
        Eventually.poll(
            "the imported photos are processed",
            java.time.Duration.ofSeconds(30),
            () -> api.get("/api/v1/complaints/" + c3, TestSetup.SERVICE_TOKEN).json(),
            shown -> shown.get("photo_urls").size() == 2);
    assertThat(complaint.get("status").asString()).isEqualTo("resolved");
    assertThat(complaint.get("wing").asString()).isEqualTo("C");
    JsonNode history =
        api.get("/api/v1/complaints/" + c3 + "/history", fixtures.adminToken()).json();
    assertThat(history.findValuesAsString("action"))
        .contains("created", "assignment", "status", "photo_added");
    JsonNode c5 = api.get("/api/v1/complaints/" + legacyId("c5"), TestSetup.SERVICE_TOKEN).json();
    assertThat(c5.get("category").asString()).isEqualTo("carpentry");
    assertThat(c5.get("status").asString()).isEqualTo("in_progress");

    // An invited porter sets a password through the mailed link and is logged in.
    Mails.Link ben = Mails.link(SMTP, "ben@hostel.example", 1);
    assertThat(ben.subject()).isEqualTo("You are invited to the hostel complaints service");
    assertThat(ben.url())
        .startsWith("https://complaints.hostel.example/dashboard/#/reset-password");
    Api.Response set =
        api.post(
            "/auth/password-reset/confirm",
            null,
            Map.of("token", ben.token(), "new_password", "Ben-New-Passw0rd"));
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(api.login("ben@hostel.example", "Ben-New-Passw0rd")).isNotBlank();
    assertThat(Mails.count(SMTP, "dan@hostel.example")).as("inactive: not invited").isZero();

    // Imported staff log in only once they or an admin have set a new password.
    assertThat(
            api.post(
                    "/auth/login-json",
                    null,
                    Map.of("username", "ada@hostel.example", "password", "Whatever-Passw0rd"))
                .status())
        .isEqualTo(401);
    String ada =
        jdbc.sql("SELECT id FROM staff WHERE email = 'ada@hostel.example'")
            .query(String.class)
            .single();
    Api.Response reset =
        api.post(
            "/api/v1/staff/" + ada + "/reset-password",
            fixtures.adminToken(),
            Map.of("new_password", "Ada-New-Passw0rd"));
    assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
    String adasLink = Mails.link(SMTP, "ada@hostel.example", 1).token();
    assertThat(
            api.post(
                    "/auth/password-reset/confirm",
                    null,
                    Map.of("token", adasLink, "new_password", "Ada-Other-Passw0rd"))
                .status())
        .as("the invitation link stops working once an admin set the password")
        .isEqualTo(400);
    // A token from the very second of the reset counts as signed out: log in again until not.
    Api.Response listed =
        Eventually.poll(
            "the new password gives a working token",
            Duration.ofSeconds(10),
            () ->
                api.get(
                    "/api/v1/complaints?page_size=20",
                    api.login("ada@hostel.example", "Ada-New-Passw0rd")),
            r -> r.status() == 200);
    JsonNode mine = listed.json();
    assertThat(mine.findValuesAsString("id")).contains(legacyId("c2"), legacyId("c4"));
  }

  @Test
  @Order(3)
  void aSecondRunImportsNothingTwice() throws Exception {
    long complaints = count("complaints");
    long history = count("complaint_history");
    long photos = count("photos");
    long mails = count("outbox_messages");
    ImportReport report = run(false);
    for (String kind : ImportReport.KINDS) {
      assertThat(report.of(kind).imported).as(kind).isZero();
    }
    assertThat(report.of("complaints").skipped).containsEntry("already imported", 8);
    assertThat(report.of("photos").skipped).containsEntry("already imported", 3);
    assertThat(count("complaints")).isEqualTo(complaints);
    assertThat(count("complaint_history")).isEqualTo(history);
    assertThat(count("photos")).isEqualTo(photos);
    assertThat(count("outbox_messages")).as("no second invitation").isEqualTo(mails);
  }

  @Test
  @Order(4)
  void theModeRunsFromTheCommandLineAndFailsInOneLine() {
    BackupRestoreTests.Out out = new BackupRestoreTests.Out();
    int status =
        importLegacy(
            out,
            "--from",
            FIXTURE.toString(),
            "--photos",
            PHOTOS.toString(),
            "--dry-run",
            "--complaints.data-dir=" + TestSetup.tempDataDir());
    assertThat(status).as(out.text()).isZero();
    assertThat(out.text()).contains("Dry run").contains("complaints             8 to import");

    BackupRestoreTests.Out failed = new BackupRestoreTests.Out();
    assertThat(
            CommandLine.run(
                ComplaintsApplication.class,
                new String[] {"import-legacy", "--from", "/nowhere/old.db"},
                failed.stream,
                failed.stream))
        .isEqualTo(1);
    assertThat(failed.text()).startsWith("import-legacy failed: ").hasLineCount(1);
    BackupRestoreTests.Out usage = new BackupRestoreTests.Out();
    assertThat(
            CommandLine.run(
                ComplaintsApplication.class,
                new String[] {
                  "import-legacy",
                  "--from",
                  FIXTURE.toString(),
                  "--photos",
                  "/x",
                  "--s3-bucket",
                  "b"
                },
                usage.stream,
                usage.stream))
        .isEqualTo(2);
    assertThat(usage.text()).hasLineCount(1);
  }

  /** Runs the jar's mode with the tests' settings; answers its exit status. */
  static int importLegacy(BackupRestoreTests.Out out, String... options) {
    List<String> args = new ArrayList<>(List.of("import-legacy"));
    args.addAll(List.of(options));
    TestSetup.PROPERTIES.lines().forEach(p -> args.add("--" + p));
    return CommandLine.run(
        ComplaintsApplication.class, args.toArray(String[]::new), out.stream, out.stream);
  }

  private ImportReport run(boolean dryRun) throws Exception {
    try (LegacySource source = LegacySource.open(FIXTURE.toString())) {
      ImportReport report = importer.run(source, new LegacyPhotos.Origin(PHOTOS, null), dryRun);
      report.print(System.out);
      return report;
    }
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  /** The id make_fixture.py gives the row it calls {@code key} (uuid5 of the URL namespace). */
  static String legacyId(String key) {
    return uuid5("legacy-fixture:" + key);
  }

  static String uuid5(String name) {
    try {
      var sha1 = java.security.MessageDigest.getInstance("SHA-1");
      sha1.update(
          new byte[] {
            0x6b,
            (byte) 0xa7,
            (byte) 0xb8,
            0x11,
            (byte) 0x9d,
            (byte) 0xad,
            0x11,
            (byte) 0xd1,
            (byte) 0x80,
            (byte) 0xb4,
            0x00,
            (byte) 0xc0,
            0x4f,
            (byte) 0xd4,
            0x30,
            (byte) 0xc8
          });
      byte[] hash = sha1.digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
      hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
      long msb = 0;
      long lsb = 0;
      for (int i = 0; i < 8; i++) {
        msb = (msb << 8) | (hash[i] & 0xff);
        lsb = (lsb << 8) | (hash[i + 8] & 0xff);
      }
      return new UUID(msb, lsb).toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path resource(String name) {
    try {
      return Path.of(LegacyImportTests.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

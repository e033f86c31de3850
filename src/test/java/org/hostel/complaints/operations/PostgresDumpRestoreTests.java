package org.hostel.complaints.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hostel.complaints.ComplaintsApplication;
import org.hostel.complaints.photo.TestImages;
import org.hostel.complaints.storage.StorageSettings;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.Multipart;
import org.hostel.complaints.testing.PostgresContext;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL is backed up with its own tools (docs/BACKUP.md): a {@code pg_dump} of a database the
 * service wrote, restored with {@code pg_restore} into a fresh one, serves every complaint, photo
 * link and account.
 */
@PostgresContext
class PostgresDumpRestoreTests {

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    // The PostgreSQL server is shared: this class's own context needs few connections.
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "3");
  }

  @Autowired Environment environment;
  @Autowired StorageSettings storage;
  @Autowired JdbcClient jdbc;
  @TempDir Path temp;

  @Test
  void aPgDumpRestoredIntoAFreshDatabaseServesEveryComplaintPhotoLinkAndAccount(
      Api api, Fixtures fixtures) throws Exception {
    Fixtures.Staff porter = fixtures.porter();
    String pictured = fixtures.submit().get("id").asString();
    Multipart photo = Multipart.file("leak.jpg", "image/jpeg", TestImages.jpeg(400, 300));
    assertThat(
            api.call("POST", "/api/v1/complaints/" + pictured + "/photos")
                .token(TestSetup.SERVICE_TOKEN)
                .bytes(photo.contentType(), photo.bytes())
                .send()
                .status())
        .isEqualTo(201);
    fixtures.assign(fixtures.submit().get("id").asString(), porter.id());
    assertThat(api.post("/api/v1/admin/backups", fixtures.adminToken(), "").status())
        .as("the service does not back up PostgreSQL itself")
        .isEqualTo(409);

    String source = environment.getRequiredProperty("spring.datasource.url");
    String name = source.substring(source.lastIndexOf('/') + 1).split("\\?")[0];
    Path dump = temp.resolve("complaints.dump");
    run("pg_dump", "--format=custom", "--file=" + dump, name);
    List<String> ids = jdbc.sql("SELECT id FROM complaints").query(String.class).list();
    PostgresDatabase fresh = PostgresDatabase.create();
    try {
      run(
          "pg_restore",
          "--no-owner",
          "--exit-on-error",
          "--dbname=" + fresh.name(),
          dump.toString());
      try (ConfigurableApplicationContext service = start(fresh)) {
        Api restored = Api.onPort(((WebServerApplicationContext) service).getWebServer().getPort());
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
          if (restored.get("/api/v1/complaints/" + id, TestSetup.SERVICE_TOKEN).status() != 200) {
            missing.add(id);
          }
        }
        assertThat(ids).isNotEmpty();
        assertThat(missing).as("complaints not served after the restore").isEmpty();
        assertThat(BackupRestoreTests.firstPhotoStatus(restored, pictured)).isEqualTo(200);
        String token = restored.login(porter.email(), porter.password());
        assertThat(restored.get("/api/v1/complaints?page_size=5", token).status()).isEqualTo(200);
        assertThat(restored.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD)).isNotBlank();
      }
    } finally {
      fresh.drop();
    }
  }

  private ConfigurableApplicationContext start(PostgresDatabase database) {
    List<String> args = new ArrayList<>();
    TestSetup.PROPERTIES.lines().forEach(p -> args.add("--" + p));
    args.add("--complaints.data-dir=" + storage.dataDir());
    args.add("--spring.datasource.url=" + database.url());
    args.add("--spring.datasource.username=" + PostgresDatabase.USER);
    args.add("--spring.datasource.password=");
    args.add("--spring.datasource.hikari.maximum-pool-size=3");
    args.add("--server.port=0");
    args.add("--server.address=127.0.0.1");
    return new SpringApplicationBuilder(ComplaintsApplication.class)
        .run(args.toArray(String[]::new));
  }

  private static void run(String tool, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(tool);
    command.addAll(List.of("--host=" + PostgresDatabase.HOST, "--port=" + PostgresDatabase.PORT));
    command.add("--username=" + PostgresDatabase.USER);
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(tool + ": " + output).isZero();
  }
}

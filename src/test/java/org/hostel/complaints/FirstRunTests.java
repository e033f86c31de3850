package org.hostel.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.PostgresDatabase;
import org.hostel.complaints.testing.ServiceProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer sees on the first start, and what an operator sees on a misconfigured one. */
@Tag("multi-jvm")
class FirstRunTests {

  /** What the embedded default makes up on its first start and must keep from then on. */
  static final List<String> GENERATED =
      List.of("jwt-secret", "photo-link-secret", "initial-admin-password");

  @TempDir Path dataDir;

  @Test
  void theEmbeddedDefaultCreatesOneAdminPrintsHowToLogInAndKeepsTokensValidAcrossRestarts()
      throws Exception {
    Path log = Files.createTempFile("first-run", ".log");
    Map<String, String> env = Map.of("COMPLAINTS_DATA_DIR", dataDir.toString());
    String token;
    String password;
    try (ServiceProcess first = ServiceProcess.start(env, log)) {
      String output = awaitLine(log, "To sign in");
      assertThat(output).contains("Dashboard: http://localhost:" + first.port() + "/dashboard/");
      // Which optional parts are on, so a missing setting shows before anyone relies on it.
      assertThat(output)
          .contains(
              "Database:  embedded SQLite in " + dataDir,
              "Bot:       off (set COMPLAINTS_SERVICE_TOKEN)",
              "Redis:     off",
              "Photos:    local disk",
              "Replica:   off",
              "Mail:      off");
      Matcher printed =
          Pattern.compile("log in as admin@localhost with password (\\S+)").matcher(output);
      assertThat(printed.find()).as(output).isTrue();
      password = printed.group(1);
      assertThat(Files.readString(dataDir.resolve("initial-admin-password")).strip())
          .isEqualTo(password);
      token = first.api().login("admin@localhost", password);
    }
    Map<String, String> secrets = new LinkedHashMap<>();
    for (String name : GENERATED) {
      Path file = dataDir.resolve(name);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(name)
          .isEqualTo("rw-------");
      secrets.put(name, Files.readString(file));
    }
    Files.writeString(log, "");
    try (ServiceProcess second = ServiceProcess.start(env, log)) {
      String output = awaitLine(log, "To sign in");
      assertThat(output).doesNotContain(password).contains("initial-admin-password");
      Api api = second.api();
      assertThat(api.get("/api/v1/profile/me", token).status()).isEqualTo(200);
      assertThat(
              api.get("/api/v1/porters", token).json().findValuesAsString("role").stream()
                  .filter("admin"::equals)
                  .count())
          .isEqualTo(1);
    }
    for (String name : GENERATED) {
      assertThat(Files.readString(dataDir.resolve(name))).as(name).isEqualTo(secrets.get(name));
    }
  }

  @Test
  void postgresWithoutASigningSecretRefusesToStartAndSaysWhy() throws Exception {
    PostgresDatabase database = PostgresDatabase.create();
    Path log = Files.createTempFile("no-secret", ".log");
    try {
      Map<String, String> env =
          Map.of(
              "COMPLAINTS_DATA_DIR", dataDir.toString(),
              "SPRING_DATASOURCE_URL", database.url(),
              "SPRING_DATASOURCE_USERNAME", PostgresDatabase.USER);
      assertThatThrownBy(() -> ServiceProcess.start(env, log)).hasMessageContaining("exited");
      assertThat(Files.readString(log)).contains("COMPLAINTS_JWT_SECRET is not set");
    } finally {
      database.drop();
    }
  }

  private static String awaitLine(Path log, String text) throws Exception {
    for (int i = 0; i < 100; i++) {
      String output = Files.readString(log);
      if (output.contains(text)) {
        return output;
      }
      Thread.sleep(100);
    }
    return Files.readString(log);
  }
}

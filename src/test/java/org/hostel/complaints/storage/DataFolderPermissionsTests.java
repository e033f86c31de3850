package org.hostel.complaints.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hostel.complaints.photo.TestImages;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.Multipart;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded shape keeps everything in one folder: database, its WAL, photos, generated secrets.
 * Nobody but the service's own user may read any of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataFolderPermissionsTests {

  static final Path DATA = Path.of(TestSetup.tempDataDir(), "not-yet-there", "data");
  static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.complementOf(
          EnumSet.of(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.OWNER_EXECUTE));

  @DynamicPropertySource
  static void freshDataFolder(DynamicPropertyRegistry registry) {
    TestSetup.common(registry);
    registry.add("complaints.data-dir", DATA::toString);
    // The first admin's password is generated into the data folder too.
    registry.add("complaints.auth.admin-email", () -> "");
    registry.add("complaints.auth.admin-password", () -> "");
  }

  @LocalServerPort int port;

  @Test
  void theDataFolderAndEveryFileInItAreTheOwnersOnly() throws IOException {
    Api api = Api.onPort(port);
    String complaint =
        api.post("/api/v1/complaints/submit", TestSetup.SERVICE_TOKEN, Fixtures.complaint("42"))
            .json()
            .get("id")
            .asString();
    Multipart photo = Multipart.file("tap.jpg", "image/jpeg", TestImages.jpeg(400, 300));
    Api.Response uploaded =
        api.call("POST", "/api/v1/complaints/" + complaint + "/photos")
            .token(TestSetup.SERVICE_TOKEN)
            .bytes(photo.contentType(), photo.bytes())
            .send();
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    // Processed in the background: the files are looked at once that work is done.
    Eventually.await(
        "the photo is processed and its work files are gone",
        java.time.Duration.ofSeconds(30),
        () -> {
          try (Stream<Path> tree = Files.walk(DATA)) {
            return tree.map(p -> DATA.relativize(p).toString())
                    .noneMatch(p -> p.endsWith("/original") || p.startsWith("uploading/photo-"))
                && api.get("/api/v1/complaints/" + complaint, TestSetup.SERVICE_TOKEN)
                        .json()
                        .get("photo_urls")
                        .size()
                    == 1;
          }
        });

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA)))
        .isEqualTo("rwx------");
    List<Path> everything;
    try (Stream<Path> tree = Files.walk(DATA)) {
      everything = tree.toList();
    }
    assertThat(everything)
        .extracting(p -> DATA.relativize(p).toString())
        .contains(
            "complaints.db", "complaints.db-wal", "photo-link-secret", "initial-admin-password")
        .anyMatch(p -> p.startsWith("photos/") && p.endsWith(".jpg"));
    for (Path path : everything) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      assertThat(permissions)
          .as(DATA.relativize(path) + " " + PosixFilePermissions.toString(permissions))
          .doesNotContainAnyElementsOf(GROUP_OR_OTHERS);
      if (Files.isRegularFile(path)) {
        assertThat(PosixFilePermissions.toString(permissions))
            .as(DATA.relativize(path).toString())
            .isEqualTo("rw-------");
      }
    }
  }
}

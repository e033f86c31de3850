package org.hostel.complaints.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSecretsTests {

  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  @TempDir Path dataDir;

  @Test
  void theFirstStartWritesTheSecretOwnerOnlyAndTheNextStartReadsItBack() throws Exception {
    String first =
        new GeneratedSecrets(dataDir).readOrCreate("initial-admin-password", () -> "s3cret");

    assertThat(first).isEqualTo("s3cret");
    Path file = dataDir.resolve("initial-admin-password");
    assertThat(Files.readString(file).strip()).isEqualTo("s3cret");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OWNER_ONLY);
    try (Stream<Path> left = Files.list(dataDir)) {
      assertThat(left).as("no temporary file is left behind").containsExactly(file);
    }

    String restarted =
        new GeneratedSecrets(dataDir)
            .readOrCreate(
                "initial-admin-password",
                () -> {
                  throw new AssertionError("a second start must not generate a new secret");
                });

    assertThat(restarted).isEqualTo("s3cret");
  }

  @Test
  void aRandomKeyIsMadeOnceAndTheSameKeyIsReadOnEveryLaterStart() {
    String key = new GeneratedSecrets(dataDir).randomKey("jwt-secret", 48);

    assertThat(Base64.getDecoder().decode(key)).hasSize(48);
    assertThat(new GeneratedSecrets(dataDir).randomKey("jwt-secret", 48)).isEqualTo(key);
    assertThat(new GeneratedSecrets(dataDir).randomKey("photo-link-secret", 32)).isNotEqualTo(key);
  }

  @Test
  void noFileInTheDataFolderIsEverReadableByOthersWhileASecretIsWritten() throws Exception {
    // A large secret keeps the write busy long enough for a watcher to see the file as it is
    // created; a file written first and restricted afterwards is caught with its default mode.
    String large = "k".repeat(32 * 1024 * 1024);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch watching = new CountDownLatch(1);
    Thread watcher =
        Thread.ofPlatform()
            .start(
                () -> {
                  boolean last;
                  do {
                    last = !writing.get();
                    try (Stream<Path> files = Files.list(dataDir)) {
                      files.forEach(f -> seen.add(f.getFileName() + " " + mode(f)));
                    } catch (Exception e) {
                      // The folder changed while listed; look again.
                    }
                    watching.countDown();
                  } while (!last);
                });
    watching.await();

    new GeneratedSecrets(dataDir).readOrCreate("big-secret", () -> large);
    writing.set(false);
    watcher.join();

    assertThat(seen)
        .contains("big-secret rw-------")
        .allMatch(m -> m.endsWith(" rw-------") || m.endsWith(" gone"), "owner-only");
  }

  @Test
  void instancesStartingAtOnceAgreeOnOneSecret() throws Exception {
    int starts = 8;
    CountDownLatch ready = new CountDownLatch(starts);
    List<Future<String>> secrets = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(starts)) {
      for (int i = 0; i < starts; i++) {
        int start = i;
        secrets.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  ready.await();
                  // All find no file; they finish generating one after another, so a later
                  // write that replaced an earlier one would hand out two different secrets.
                  return new GeneratedSecrets(dataDir)
                      .readOrCreate("jwt-secret", () -> generatedAfter(start * 30L, start));
                }));
      }
    }
    String stored = Files.readString(dataDir.resolve("jwt-secret")).strip();
    assertThat(stored).startsWith("secret-of-start-");
    for (Future<String> secret : secrets) {
      assertThat(secret.get()).isEqualTo(stored);
    }
  }

  @Test
  void anEmptySecretFileIsRefusedWithWhatToDo() throws Exception {
    Files.writeString(dataDir.resolve("jwt-secret"), "\n");

    assertThatThrownBy(() -> new GeneratedSecrets(dataDir).randomKey("jwt-secret", 48))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jwt-secret is empty; delete it");
  }

  private static String generatedAfter(long millis, int start) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "secret-of-start-" + start;
  }

  private static String mode(Path file) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    } catch (NoSuchFileException renamedOrDeleted) {
      return "gone";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

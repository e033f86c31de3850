package org.hostel.complaints.photo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hostel.complaints.testing.EmbeddedContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Photos on the local disk, with the embedded database. */
@EmbeddedContext
class LocalPhotoStoreTests extends PhotoStoreContract {

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("complaints.photos.presign-ttl", () -> PRESIGN_TTL);
    registry.add("complaints.photos.max-per-complaint", () -> MAX_PER_COMPLAINT);
  }

  @Override
  List<String> storedKeys(String prefix) {
    Path root = system.dataDir().resolve("photos");
    Path folder = root.resolve(prefix);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> tree = Files.walk(folder)) {
      return tree.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  int wrongTypeStatus() {
    return 415;
  }
}

package org.hostel.complaints.photo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.hostel.complaints.storage.PrivateFiles;
import org.hostel.complaints.storage.StorageSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where uploads are worked on: inside the data folder, not /tmp, so on the same disk as the local
 * store; whatever a crash left there is cleared at the next start.
 */
@Component
class UploadWorkspace {

  private static final Logger log = LoggerFactory.getLogger(UploadWorkspace.class);

  private final Path root;

  UploadWorkspace(StorageSettings system) throws IOException {
    this.root = system.dataDir().resolve("uploading").toAbsolutePath();
    if (Files.isDirectory(root)) {
      deleteTree(root);
    }
    PrivateFiles.createFolders(root);
  }

  /** Work on one upload's files. */
  interface Work<T> {
    T in(Path folder) throws IOException;
  }

  /** Runs {@code work} in a folder of its own, which is removed afterwards whatever happens. */
  <T> T run(Work<T> work) throws IOException {
    Path folder = Files.createTempDirectory(root, "photo-");
    try {
      return work.in(folder);
    } finally {
      deleteTree(folder);
    }
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> tree = Files.walk(folder)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      log.warn("Could not remove temporary photo folder {}", folder, e);
    }
  }
}

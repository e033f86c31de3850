package org.hostel.complaints.operations;

import static org.hostel.complaints.operations.BackupLayout.DATABASE;
import static org.hostel.complaints.operations.BackupLayout.PHOTOS;
import static org.hostel.complaints.operations.BackupLayout.SECRETS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.hostel.complaints.storage.PrivateFiles;

/**
 * One online backup of the embedded shape. {@code VACUUM INTO} copies a consistent snapshot of the
 * database through a connection of its own, outside the service's pool: in WAL mode it reads while
 * writers go on committing, and it never takes the service's write turn. Then the photos that
 * snapshot names are copied, then the generated secrets, then the manifest. Everything goes into a
 * sibling folder first and is renamed into place, so a backup folder is either complete or absent.
 */
final class SqliteBackup {

  /** What a finished backup holds. */
  record Outcome(Path folder, Properties manifest) {}

  private SqliteBackup() {}

  /**
   * Backs up {@code dataDir} into {@code target}, which must not exist or be empty.
   *
   * @param localPhotos whether photos live in the data folder (else in a bucket, backed up apart)
   */
  static Outcome run(Path dataDir, Path target, boolean localPhotos, Instant now)
      throws IOException, SQLException {
    Path database = dataDir.resolve(DATABASE);
    if (!Files.isRegularFile(database)) {
      throw new IOException("No embedded database at " + database);
    }
    if (Files.isDirectory(target)) {
      try (Stream<Path> inside = Files.list(target)) {
        if (inside.findAny().isPresent()) {
          throw new IOException(target + " is not empty");
        }
      }
      Files.delete(target);
    } else if (Files.exists(target)) {
      throw new IOException(target + " exists and is not a folder");
    }
    Path absolute = target.toAbsolutePath();
    PrivateFiles.createFolders(absolute.getParent());
    Path partial =
        absolute.resolveSibling("." + absolute.getFileName() + ".partial-" + now.toEpochMilli());
    PrivateFiles.createFolders(partial);
    try {
      Properties manifest = fill(dataDir, partial, localPhotos, now);
      Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
      return new Outcome(absolute, manifest);
    } catch (IOException | SQLException | RuntimeException e) {
      deleteTree(partial);
      throw e;
    }
  }

  private static Properties fill(Path dataDir, Path into, boolean localPhotos, Instant now)
      throws IOException, SQLException {
    Path copy = into.resolve(DATABASE);
    try (Connection source = BackupLayout.open(dataDir.resolve(DATABASE));
        Statement statement = source.createStatement()) {
      statement.execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
    }
    PrivateFiles.restrict(copy);
    Properties manifest = new Properties();
    manifest.setProperty("format", "1");
    manifest.setProperty("created_at", now.toString());
    List<String> keys;
    try (Connection snapshot = BackupLayout.open(copy)) {
      manifest.setProperty(
          "schema_version", Integer.toString(BackupLayout.schemaVersion(snapshot)));
      manifest.setProperty(
          "complaints",
          Long.toString(BackupLayout.count(snapshot, "SELECT count(*) FROM complaints")));
      manifest.setProperty(
          "staff", Long.toString(BackupLayout.count(snapshot, "SELECT count(*) FROM staff")));
      keys = BackupLayout.photoKeys(snapshot);
    }
    manifest.setProperty("photos", localPhotos ? "local" : "bucket");
    List<String> gone = new ArrayList<>();
    if (localPhotos) {
      for (String key : keys) {
        Path to = into.resolve(PHOTOS).resolve(key);
        PrivateFiles.createFolders(to.getParent());
        try {
          Files.copy(dataDir.resolve(PHOTOS).resolve(key), to);
        } catch (NoSuchFileException removedMeanwhile) {
          // Deleted after the snapshot was taken (a photo removed or a complaint purged).
          gone.add(key);
        }
      }
      manifest.setProperty("photo_files", Integer.toString(keys.size() - gone.size()));
      manifest.setProperty("photo_files_removed_during_backup", String.join(",", gone));
    }
    for (String name : BackupLayout.SECRET_FILES) {
      Path secret = dataDir.resolve(name);
      if (Files.isRegularFile(secret)) {
        PrivateFiles.createFolders(into.resolve(SECRETS));
        Files.copy(secret, into.resolve(SECRETS).resolve(name));
      }
    }
    BackupLayout.writeManifest(into, manifest);
    return manifest;
  }

  static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(folder)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}

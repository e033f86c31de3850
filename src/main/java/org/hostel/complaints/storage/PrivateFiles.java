package org.hostel.complaints.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders and files only the service's own user may open: the data folder holds the embedded
 * database, photos and secrets. Everything is created with its final mode (0700 folders, 0600
 * files), never created with the default and tightened afterwards. On file systems without POSIX
 * permissions this does nothing; the folder's own protection applies there.
 */
public final class PrivateFiles {

  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /** Creates the folder and any missing parents, each owner-only; an existing one is left as is. */
  public static Path createFolders(Path folder) throws IOException {
    Path absolute = folder.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return absolute;
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      createFolders(parent);
    }
    try {
      Files.createDirectory(absolute, attributes(absolute, FOLDER));
    } catch (FileAlreadyExistsException raced) {
      // Another thread or instance made it first.
    }
    return absolute;
  }

  /** Creates an empty owner-only file unless it exists. */
  public static void createFile(Path file) throws IOException {
    try {
      Files.createFile(file, attributes(file, FILE));
    } catch (FileAlreadyExistsException present) {
      // Kept as it is; see restrict.
    }
  }

  /** Makes an existing folder or file owner-only (for installs made before this rule). */
  public static void restrict(Path path) throws IOException {
    if (posix(path) && Files.exists(path)) {
      Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
    }
  }

  /** Attributes for {@link Files#createTempFile} and friends: owner read and write only. */
  public static FileAttribute<?>[] ownerOnly(Path where) {
    return attributes(where, FILE);
  }

  private static FileAttribute<?>[] attributes(Path where, Set<PosixFilePermission> permissions) {
    if (!posix(where)) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}

package org.hostel.complaints.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Secrets a single-box install makes up on its first start and keeps in the data folder: the token
 * signing key, the photo link key, the first admin's password. Each file appears complete and
 * readable by its owner only, never first with the default permissions and tightened afterwards;
 * two instances starting at once agree on one value; later starts read it back.
 */
public final class GeneratedSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path folder;

  GeneratedSecrets(Path folder) {
    this.folder = folder.toAbsolutePath();
  }

  /**
   * The secret kept in file {@code name} of the data folder. When there is none yet, {@code
   * generate} makes it and it is written before it is returned.
   */
  public String readOrCreate(String name, Supplier<String> generate) {
    Path file = path(name);
    try {
      if (!Files.exists(file)) {
        create(file, generate.get());
      }
      String secret = Files.readString(file).strip();
      if (secret.isEmpty()) {
        throw new IllegalStateException(file + " is empty; delete it to have a new one generated");
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create " + file, e);
    }
  }

  /** A random key of {@code bytes} bytes, as Base64 text, generated once into file {@code name}. */
  public String randomKey(String name, int bytes) {
    return readOrCreate(
        name,
        () -> {
          byte[] key = new byte[bytes];
          RANDOM.nextBytes(key);
          return Base64.getEncoder().encodeToString(key);
        });
  }

  /** Where file {@code name} is kept, for messages that point the operator to it. */
  public Path path(String name) {
    return folder.resolve(name);
  }

  /**
   * Writes the secret to a temporary file created owner-only, then links it under its name: the
   * name appears only once the content is complete and synced, and a link, unlike a rename, never
   * replaces a file another instance linked first.
   */
  private void create(Path file, String secret) throws IOException {
    PrivateFiles.createFolders(folder);
    Path temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp", ownerOnly());
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap((secret + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
      try {
        Files.createLink(file, temp);
      } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
        // Its secret is the one every instance reads.
      } catch (UnsupportedOperationException | FileSystemException noLinksHere) {
        // A file system without hard links: a rename that refuses to replace is the next best.
        moveUnlessPresent(temp, file);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void moveUnlessPresent(Path temp, Path file) throws IOException {
    try {
      Files.move(temp, file);
    } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
      // As above.
    }
  }

  private FileAttribute<?>[] ownerOnly() {
    if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // Elsewhere the data folder's own permissions guard its files.
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }
}

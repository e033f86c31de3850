package org.hostel.complaints.photo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hostel.complaints.storage.PrivateFiles;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Photos in a folder of the data directory, served back by the service itself through HMAC-signed,
 * expiring links ({@link PhotoFileController}).
 */
final class LocalPhotoStorage implements PhotoStorage {

  static final String PATH = "/api/v1/photo-files/";

  /** The only keys there are: ids and a fixed variant name. */
  private static final Pattern KEY =
      Pattern.compile(
          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/"
              + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/"
              + "(full\\.jpg|full\\.png|thumb\\.jpg|thumb\\.png|upload|original)");

  private final Path root;
  private final LinkSigner signer;
  private final Clock clock;
  private final Duration linkTtl;

  LocalPhotoStorage(Path root, LinkSigner signer, Clock clock, Duration linkTtl) {
    this.root = root.toAbsolutePath().normalize();
    this.signer = signer;
    this.clock = clock;
    this.linkTtl = linkTtl;
    try {
      PrivateFiles.createFolders(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create photo folder " + this.root, e);
    }
  }

  static boolean isKey(String key) {
    return KEY.matcher(key).matches();
  }

  Path root() {
    return root;
  }

  /** The file of a key; keys are checked against {@link #KEY}, so none can leave the root. */
  Path file(String key) {
    if (!isKey(key) && !key.matches("[0-9a-f-]{36}/?")) {
      throw new IllegalArgumentException("not a photo key: " + key);
    }
    Path file = root.resolve(key).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("not a photo key: " + key);
    }
    return file;
  }

  @Override
  public void put(String key, Path source, String contentType) throws IOException {
    Path target = file(key);
    PrivateFiles.createFolders(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), ".incoming-", ".part");
    try {
      // Into the owner-only temporary file: a copy of the file itself would take its mode.
      try (OutputStream out = Files.newOutputStream(partial)) {
        Files.copy(source, out);
      }
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * Stores a presigned PUT body, refusing more than {@code maxBytes}.
   *
   * @return the number of bytes received, or -1 when there were more than {@code maxBytes}
   */
  long receive(String key, InputStream body, long maxBytes) throws IOException {
    Path target = file(key);
    PrivateFiles.createFolders(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), ".incoming-", ".part");
    try {
      long count = copyAtMost(body, partial, maxBytes);
      if (count < 0) {
        return -1;
      }
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return count;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  @Override
  public void probe() throws IOException {
    if (!Files.isDirectory(root) || !Files.isWritable(root)) {
      throw new IOException("photo folder " + root + " is missing or not writable");
    }
  }

  @Override
  public OptionalLong size(String key) throws IOException {
    try {
      return OptionalLong.of(Files.size(file(key)));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public boolean copyTo(String key, Path target, long maxBytes) throws IOException {
    try (InputStream in = Files.newInputStream(file(key))) {
      return copyAtMost(in, target, maxBytes) >= 0;
    }
  }

  @Override
  public void delete(Collection<String> keys) {
    for (String key : keys) {
      Path file = file(key);
      try {
        Files.deleteIfExists(file);
        // The photo's own folder goes with its last file; the complaint's folder stays for its
        // other uploads (racing them is not worth it) until the complaint is purged.
        removeIfEmpty(file.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot delete photo " + key, e);
      }
    }
  }

  @Override
  public void deleteAll(String prefix) {
    Path folder = file(prefix);
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(folder)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete photos under " + prefix, e);
    }
  }

  @Override
  public String readUrl(String key) {
    long expires = stableExpiry();
    return base()
        + PATH
        + key
        + "?expires="
        + expires
        + "&signature="
        + signer.sign("GET", key, Long.toString(expires));
  }

  @Override
  public Upload presignPut(String key, String contentType, long contentLength, Duration ttl) {
    long expires = clock.instant().plus(ttl).getEpochSecond();
    String signature =
        signer.sign("PUT", key, contentType, Long.toString(contentLength), Long.toString(expires));
    String url =
        base()
            + PATH
            + key
            + "?type="
            + URLEncoder.encode(contentType, StandardCharsets.UTF_8)
            + "&length="
            + contentLength
            + "&expires="
            + expires
            + "&signature="
            + signature;
    return new Upload(url, Map.of("Content-Type", contentType));
  }

  @Override
  public Optional<String> keyOf(String url) {
    int at = url.indexOf(PATH);
    int query = url.indexOf('?');
    if (at < 0 || query < at || !(at == 0 || url.startsWith(base() + PATH))) {
      return Optional.empty();
    }
    String key = url.substring(at + PATH.length(), query);
    Map<String, String> params =
        UriComponentsBuilder.fromUriString(url).build().getQueryParams().toSingleValueMap();
    String expires = params.get("expires");
    String signature = params.get("signature");
    return isKey(key)
            && expires != null
            && signature != null
            && signer.verify(signature, "GET", key, expires)
        ? Optional.of(key)
        : Optional.empty();
  }

  boolean mayRead(String key, long expires, String signature) {
    return isKey(key)
        && clock.instant().getEpochSecond() <= expires
        && signer.verify(signature, "GET", key, Long.toString(expires));
  }

  boolean mayWrite(String key, String type, long length, long expires, String signature) {
    return key.endsWith("/upload")
        && isKey(key)
        && clock.instant().getEpochSecond() <= expires
        && signer.verify(
            signature, "PUT", key, type, Long.toString(length), Long.toString(expires));
  }

  /**
   * An expiry rounded up to half the link lifetime, so a photo's link stays the same for a while
   * and browsers can cache it; it is then valid for between half and the whole lifetime.
   */
  private long stableExpiry() {
    long step = Math.max(1, linkTtl.getSeconds() / 2);
    long now = clock.instant().getEpochSecond();
    return (now / step + 2) * step;
  }

  private static String base() {
    if (RequestContextHolder.getRequestAttributes() == null) {
      return "";
    }
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }

  private static long copyAtMost(InputStream in, Path target, long maxBytes) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long count = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        count += n;
        if (count > maxBytes) {
          return -1;
        }
        out.write(buffer, 0, n);
      }
    }
    return count;
  }

  private void removeIfEmpty(@Nullable Path folder) throws IOException {
    if (folder == null || !folder.startsWith(root) || folder.equals(root)) {
      return;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      if (entries.findAny().isPresent()) {
        return;
      }
    } catch (NoSuchFileException e) {
      return;
    }
    try {
      Files.deleteIfExists(folder);
    } catch (java.nio.file.DirectoryNotEmptyException e) {
      // Another upload to the same complaint got there first; its files stay.
    }
  }
}

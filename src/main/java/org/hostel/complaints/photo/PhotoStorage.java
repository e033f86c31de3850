package org.hostel.complaints.photo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where photo bytes live: the local disk or an S3-compatible bucket. Keys are built from ids only
 * ({@code <complaint>/<photo>/<variant>}); an object is written once and never changed.
 */
interface PhotoStorage {

  /** Stores the file under {@code key}. */
  void put(String key, Path file, String contentType) throws IOException;

  /** The size of the object, or empty when there is none. */
  OptionalLong size(String key) throws IOException;

  /**
   * Copies the object into {@code target}, refusing more than {@code maxBytes}.
   *
   * @return false when there was more
   */
  boolean copyTo(String key, Path target, long maxBytes) throws IOException;

  /** Removes the objects; absent ones are fine. */
  void delete(Collection<String> keys);

  /** Removes every object whose key starts with {@code prefix}. */
  void deleteAll(String prefix);

  /** Returns quietly when the store can be used, throws when it cannot (for readiness). */
  void probe() throws IOException;

  /** A URL a browser can GET for {@link PhotoSettings#linkTtl()}, with no other credential. */
  String readUrl(String key);

  /**
   * The key behind a link from {@link #readUrl}, or empty when this store did not issue it. The
   * link's expiry does not matter here.
   */
  Optional<String> keyOf(String url);

  /** A URL that accepts one PUT of exactly this type and length until it expires. */
  Upload presignPut(String key, String contentType, long contentLength, Duration ttl);

  /**
   * A presigned upload.
   *
   * @param headers the headers the PUT must carry
   */
  record Upload(String url, Map<String, String> headers) {}
}

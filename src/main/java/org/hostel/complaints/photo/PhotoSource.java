package org.hostel.complaints.photo;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** Where a directly added photo comes from: a multipart upload, or a file fetched elsewhere. */
interface PhotoSource {

  /** Writes the whole file to {@code target} and answers its size in bytes. */
  long copyTo(Path target) throws IOException;

  /** The uploaded file, or null when the request had none. */
  static @Nullable PhotoSource of(@Nullable MultipartFile file) {
    if (file == null) {
      return null;
    }
    return target -> {
      file.transferTo(target);
      return file.getSize();
    };
  }
}

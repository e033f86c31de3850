package org.hostel.complaints.photo;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.springframework.stereotype.Service;

/**
 * Photos that arrive by another way than the HTTP API (a chat bot fetching a resident's picture):
 * the same checks, processing, limits and events as an upload.
 */
@Service
public class PhotoIntake {

  private final UploadService uploads;
  private final PhotoSettings settings;

  PhotoIntake(UploadService uploads, PhotoSettings settings) {
    this.uploads = uploads;
    this.settings = settings;
  }

  /** The largest file accepted, in bytes; larger ones need not be fetched at all. */
  public long maxFileSize() {
    return settings.maxFileSize().toBytes();
  }

  /**
   * Adds the image read from {@code content} to the complaint.
   *
   * @return the new photo's id
   * @throws org.hostel.complaints.web.ApiException with a readable detail when it is refused (not
   *     an image, too large, too many photos)
   */
  public UUID add(Caller caller, UUID complaintId, String filename, InputStream content) {
    PhotoSource source =
        target -> {
          try (OutputStream out = Files.newOutputStream(target)) {
            return content.transferTo(new Limited(out, maxFileSize()));
          }
        };
    return uploads.direct(caller, complaintId, filename, source).id();
  }

  /** Refuses, as too large, more bytes than the largest accepted photo. */
  private static final class Limited extends FilterOutputStream {
    private final long max;
    private long written;

    Limited(OutputStream out, long max) {
      super(out);
      this.max = max;
    }

    @Override
    public void write(int b) throws IOException {
      count(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      count(len);
      out.write(b, off, len);
    }

    private void count(long n) {
      written += n;
      if (written > max) {
        throw PhotoProblems.tooLarge(max);
      }
    }
  }
}

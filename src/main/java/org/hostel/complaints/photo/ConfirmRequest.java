package org.hostel.complaints.photo;

import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hostel.complaints.web.ApiException.FieldProblem;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

/**
 * Confirms a presigned upload. Only {@code photo_id} is needed; the old system's bot also sends
 * {@code s3_key}, {@code file_size} and {@code content_type} (see docs/MIGRATING.md), which must
 * then agree with what was presigned.
 */
record ConfirmRequest(
    @NotNull(message = "is required") UUID photoId,
    @Nullable String s3Key,
    @Nullable Long fileSize,
    @Nullable String contentType) {

  /** Refuses (422, nothing changed) a legacy field that disagrees with the presign. */
  void check(Photo pending) {
    List<FieldProblem> problems = new ArrayList<>();
    if (s3Key != null && !s3Key.equals(pending.uploadKey())) {
      problems.add(problem("s3_key", "must be the s3_key the presign answered"));
    }
    if (fileSize != null && fileSize != pending.fileSize()) {
      problems.add(problem("file_size", "must be the content_length given to the presign"));
    }
    if (contentType != null
        && !contentType.strip().toLowerCase(Locale.ROOT).equals(pending.mimeType())) {
      problems.add(problem("content_type", "must be the content_type given to the presign"));
    }
    if (!problems.isEmpty()) {
      throw ValidationFailed.of(problems);
    }
  }

  private static FieldProblem problem(String field, String message) {
    return new FieldProblem(field, message);
  }
}

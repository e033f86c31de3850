package org.hostel.complaints.complaint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A complaint as the reporter bot or a member of staff sends it. */
record SubmitComplaintRequest(
    @Nullable @Pattern(regexp = "^[0-9]{1,20}$", message = "must be 1 to 20 digits")
        String telegramUserId,
    @NotBlank @Size(max = 100) String hostel,
    @Nullable @Size(max = 8) String wing,
    @NotBlank @Size(max = 16) String roomNumber,
    @NotBlank @Size(max = 50) String category,
    @NotNull
        @Size(min = 10, max = 2000)
        @Pattern(regexp = TEXT, message = "must not contain control characters")
        String description,
    @NotNull Severity severity) {

  /** Printable text; line breaks and tabs allowed. */
  static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

  SubmitComplaintRequest {
    description = description == null ? null : description.strip();
    hostel = hostel == null ? null : hostel.strip();
    roomNumber = roomNumber == null ? null : roomNumber.strip();
    wing = wing == null || wing.isBlank() ? null : wing.strip();
  }
}

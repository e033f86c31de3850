package org.hostel.complaints.complaint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A complaint as the reporter bot or a member of staff sends it. Messages are whole sentences that
 * the dashboard shows next to the field as they are.
 */
@FitsCatalog
record SubmitComplaintRequest(
    @Nullable
        @Pattern(regexp = "^[0-9]{1,20}$", message = "Telegram user id must be 1 to 20 digits")
        String telegramUserId,
    @NotBlank(message = "Hostel is required") String hostel,
    @Nullable String wing,
    @NotBlank(message = "Room is required")
        @Size(max = ROOM_MAX, message = "Room must be at most {max} characters")
        String roomNumber,
    @NotBlank(message = "Category is required") String category,
    @NotNull(message = "Description is required")
        @Size(min = 10, max = 2000, message = "Description must be {min} to {max} characters long")
        @Pattern(regexp = TEXT, message = "Description must not contain control characters")
        String description,
    @NotNull(message = "Severity is required") Severity severity) {

  /** Printable text; line breaks and tabs allowed. */
  static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

  static final int ROOM_MAX = 16;

  SubmitComplaintRequest {
    description = description == null ? null : description.strip();
    hostel = hostel == null ? null : hostel.strip();
    roomNumber = roomNumber == null ? null : roomNumber.strip();
    wing = wing == null || wing.isBlank() ? null : wing.strip();
  }
}

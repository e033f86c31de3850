package org.hostel.complaints.complaint;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A complaint as the reporter bot or a member of staff sends it. Messages are whole sentences that
 * the dashboard shows next to the field as they are.
 */
@FitsCatalog
record SubmitComplaintRequest(
    @Schema(description = "The reporter's Telegram user id, for the bot", example = "123456789")
        @Nullable
        @Pattern(regexp = "^[0-9]{1,20}$", message = "Telegram user id must be 1 to 20 digits")
        String telegramUserId,
    @Schema(
            description = "A hostel's slug or display name (GET /api/v1/hostels)",
            example = "block-a")
        @NotBlank(message = "Hostel is required")
        String hostel,
    @Schema(description = "1 to 8 letters or digits; defaults to the room's first character")
        @Nullable String wing,
    @Schema(
            description =
                "Trimmed and upper-cased, then it must fit the configured room format"
                    + " (COMPLAINTS_CATALOG_ROOM_PATTERN)",
            example = "A312")
        @NotBlank(message = "Room is required")
        @Size(max = ROOM_MAX, message = "Room must be at most {max} characters")
        String roomNumber,
    @Schema(description = "One of GET /api/v1/categories", example = "plumbing")
        @NotBlank(message = "Category is required")
        String category,
    @Schema(
            description = "What is wrong; trimmed, line breaks allowed",
            example = "The tap in the shared bathroom has been leaking since Monday")
        @NotNull(message = "Description is required")
        @Size(min = 10, max = 2000, message = "Description must be {min} to {max} characters long")
        @Pattern(regexp = TEXT, message = "Description must not contain control characters")
        String description,
    @Schema(example = "high") @NotNull(message = "Severity is required") Severity severity,
    @Schema(
            description =
                "Accepted for the old system's bot: empty, or only links to photos this service"
                    + " already stores; nothing is attached from it (add photos through the photo"
                    + " endpoints)")
        @Nullable
        @OwnPhotoLinks
        List<String> photoUrls) {

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

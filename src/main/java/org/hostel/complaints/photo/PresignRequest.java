package org.hostel.complaints.photo;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Asks for an upload URL for one photo of the given type and exact length. */
record PresignRequest(
    @NotBlank(message = "is required") @Size(max = 255, message = "must be at most 255 characters")
        String filename,
    @NotBlank(message = "is required") String contentType,
    @NotNull(message = "is required") @Positive(message = "must be at least 1")
        Long contentLength) {}

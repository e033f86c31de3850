package org.hostel.complaints.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A new staff account. An email or a phone number is required; the role defaults to porter. */
record RegisterRequest(
    @NotBlank
        @Size(max = 120)
        @Pattern(regexp = TEXT, message = "must not contain control characters")
        String fullName,
    @Nullable @Email @Size(max = 254) String email,
    @Nullable @Size(max = 32) String phone,
    @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) String password,
    @Nullable Role role) {

  static final String TEXT = "[^\\p{Cntrl}]*";
}

package org.hostel.complaints.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Email or phone, and password. */
record LoginRequest(
    @NotBlank @Size(max = 254) String username,
    @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) String password) {}

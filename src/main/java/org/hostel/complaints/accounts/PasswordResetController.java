package org.hostel.complaints.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hostel.complaints.staff.LoginResult;
import org.hostel.complaints.staff.StaffAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** "Forgot password" and the link it mails. */
@RestController
class PasswordResetController {

  private final PasswordResets resets;

  PasswordResetController(PasswordResets resets) {
    this.resets = resets;
  }

  record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {}

  record ConfirmRequest(
      @NotBlank @Size(max = OneTimeTokens.MAX_LENGTH) String token,
      @NotBlank @Size(max = StaffAccounts.PASSWORD_MAX_LENGTH) String newPassword) {}

  record Accepted(String message) {}

  @Operation(
      summary = "Forgot password",
      description =
          "Mails a one-time link (valid 30 min) to the account with this `email`, if there is one. Always 202 with the same body and timing, whether the address has an account or not; requests are limited per client address (429) and, silently, per e-mail address and per account.")
  @SecurityRequirements
  @ApiResponse(responseCode = "202", description = "Taken")
  @PostMapping(path = "/auth/password-reset", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Accepted> request(
      @Valid @RequestBody ResetRequest body, HttpServletRequest request) {
    resets.request(body.email(), request.getRemoteAddr());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(
            new Accepted(
                "If this address belongs to an account, a link to reset its password is on its"
                    + " way"));
  }

  @Operation(
      summary = "Reset the password through the mailed link",
      description =
          "The `token` from the link and the `new_password` (the password policy applies). Signs out every session of the account and answers like a login. A link that is unknown, expired, used, or older than the account's last password change is 400 and changes nothing.")
  @SecurityRequirements
  @PostMapping(path = "/auth/password-reset/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
  LoginResult confirm(@Valid @RequestBody ConfirmRequest body) {
    return resets.confirm(body.token(), body.newPassword());
  }
}

package org.hostel.complaints.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hostel.complaints.staff.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Two-factor authentication of one's own account, and enrolment during a pending login. */
@RestController
class TwoFactorController {

  private final TwoFactor twoFactor;

  TwoFactorController(TwoFactor twoFactor) {
    this.twoFactor = twoFactor;
  }

  record CodeRequest(@NotBlank @Size(max = 16) String code) {}

  record DisableRequest(
      @Nullable @Size(max = 16) String code, @Nullable @Size(max = 64) String recoveryCode) {}

  record PendingRequest(@NotBlank @Size(max = OneTimeTokens.MAX_LENGTH) String mfaToken) {}

  record RecoveryCodes(List<String> recoveryCodes) {}

  record State(boolean enabled, boolean required) {}

  @Operation(
      summary = "Own two-factor state",
      description =
          "Whether two-factor authentication is on, and whether the caller's role requires it.")
  @GetMapping("/api/v1/profile/2fa")
  State state(Caller caller) {
    return new State(twoFactor.enabled(caller), twoFactor.required(caller));
  }

  @Operation(
      summary = "Start two-factor enrolment",
      description =
          "A new TOTP `secret`, its `otpauth_uri` and the same as a QR code (`qr_svg`, an SVG drawn on the server). Nothing changes at login until `POST /api/v1/profile/2fa/confirm` with a code from the app. 409 when it is already on.")
  @PostMapping("/api/v1/profile/2fa/enroll")
  TwoFactor.Enrolment enroll(Caller caller) {
    return twoFactor.enroll(caller);
  }

  @Operation(
      summary = "Confirm two-factor enrolment",
      description =
          "A current `code` from the app turns two-factor on and answers ten single-use `recovery_codes`, shown this once (stored hashed). A wrong code is 401; attempts are limited (429) and audited.")
  @PostMapping("/api/v1/profile/2fa/confirm")
  RecoveryCodes confirm(Caller caller, @Valid @RequestBody CodeRequest body) {
    return new RecoveryCodes(twoFactor.confirm(caller, body.code()));
  }

  @Operation(
      summary = "Turn two-factor off",
      description =
          "With a current `code` (or a `recovery_code`). 409 when the caller's role requires two-factor (`COMPLAINTS_AUTH_REQUIRE_2FA_FOR`).")
  @PostMapping("/api/v1/profile/2fa/disable")
  State disable(Caller caller, @Valid @RequestBody DisableRequest body) {
    twoFactor.disable(caller, body.code(), body.recoveryCode());
    return new State(false, false);
  }

  @Operation(
      summary = "Enrol during a login",
      description =
          "For a pending login whose role requires two-factor (`enrollment_required: true`): the `mfa_token` gives a new secret, URI and QR code; `POST /auth/login/2fa` with a code from the app then turns it on and logs in, answering the recovery codes too.")
  @SecurityRequirements
  @PostMapping(path = "/auth/login/2fa/enroll", consumes = MediaType.APPLICATION_JSON_VALUE)
  TwoFactor.Enrolment enrollPending(@Valid @RequestBody PendingRequest body) {
    return twoFactor.enrollPending(body.mfaToken());
  }
}

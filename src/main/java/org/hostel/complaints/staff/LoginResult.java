package org.hostel.complaints.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The answer of every login: a bearer token ({@code access_token}, {@code token_type}, {@code
 * expires_in}, {@code id}, {@code role}), or, for an account with a second factor, {@code
 * mfa_required: true} and the {@code mfa_token} to complete it with ({@code enrollment_required}
 * when the role must have one and the account has none yet). {@code recovery_codes} only when a
 * login also finished a 2FA enrolment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoginResult(
    @Nullable String accessToken,
    @Nullable String tokenType,
    @Nullable Long expiresIn,
    @Nullable UUID id,
    @Nullable Role role,
    @Nullable Boolean mfaRequired,
    @Nullable String mfaToken,
    @Nullable Boolean enrollmentRequired,
    @Nullable List<String> recoveryCodes) {

  static LoginResult of(TokenService.IssuedToken token) {
    return new LoginResult(
        token.accessToken(),
        "bearer",
        token.expiresIn(),
        token.id(),
        token.role(),
        null,
        null,
        null,
        null);
  }

  static LoginResult challenge(SecondFactor.Challenge challenge) {
    return new LoginResult(
        null,
        null,
        null,
        null,
        null,
        true,
        challenge.mfaToken(),
        challenge.enrollmentRequired() ? true : null,
        null);
  }

  /** The same token answer with the recovery codes of an enrolment finished at login. */
  public LoginResult withRecoveryCodes(List<String> codes) {
    return new LoginResult(
        accessToken,
        tokenType,
        expiresIn,
        id,
        role,
        mfaRequired,
        mfaToken,
        enrollmentRequired,
        codes);
  }

  /** Whether this is a pending login that needs the second factor. */
  public boolean pending() {
    return Boolean.TRUE.equals(mfaRequired);
  }
}

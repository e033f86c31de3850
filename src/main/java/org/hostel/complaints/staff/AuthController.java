package org.hostel.complaints.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/auth")
class AuthController {

  private final StaffService staff;
  private final LoginService logins;

  AuthController(StaffService staff, LoginService logins) {
    this.staff = staff;
    this.logins = logins;
  }

  /** The second step of a login: the pending token and a code or a recovery code. */
  record SecondStepRequest(
      @NotBlank @Size(max = 128) String mfaToken,
      @Nullable @Size(max = 16) String code,
      @Nullable @Size(max = 64) String recoveryCode) {}

  record StaffResponse(
      UUID id, String fullName, @Nullable String email, @Nullable String phone, Role role) {
    static StaffResponse of(StaffMember member) {
      return new StaffResponse(
          member.id(), member.fullName(), member.email(), member.phone(), member.role());
    }
  }

  @Operation(
      summary = "Log in (form)",
      description =
          "`username` (email or phone) and `password` as a form; answers a bearer token, or `mfa_required: true` and an `mfa_token` for an account with two-factor authentication (then `POST /auth/login/2fa`). Limited per client address and per user name (429).")
  @SecurityRequirements
  @PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
              schema = @Schema(implementation = LoginRequest.class)))
  LoginResult loginForm(
      @Parameter(hidden = true) @Valid LoginRequest form, HttpServletRequest request) {
    return logins.login(form.username(), form.password(), request.getRemoteAddr());
  }

  @Operation(
      summary = "Log in (JSON)",
      description = "The same as the form login, with a JSON body.")
  @SecurityRequirements
  @PostMapping(path = "/login-json", consumes = MediaType.APPLICATION_JSON_VALUE)
  LoginResult loginJson(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
    return logins.login(body.username(), body.password(), request.getRemoteAddr());
  }

  @Operation(
      summary = "Log in: second step",
      description =
          "The `mfa_token` of a password login with a 6-digit `code` from the authenticator app, or one `recovery_code`; answers the bearer token. A wrong code is 401; attempts are limited (429) and audited.")
  @SecurityRequirements
  @PostMapping(path = "/login/2fa", consumes = MediaType.APPLICATION_JSON_VALUE)
  LoginResult secondStep(@Valid @RequestBody SecondStepRequest body) {
    return logins.completeSecondStep(body.mfaToken(), body.code(), body.recoveryCode());
  }

  @Operation(
      summary = "Register a staff member",
      description =
          "Admins create porters and admins; with open registration anyone may register as a porter. An email or a phone is required.")
  @SecurityRequirements
  @PostMapping("/register")
  @ResponseStatus(HttpStatus.CREATED)
  StaffResponse register(@Nullable Caller caller, @Valid @RequestBody RegisterRequest body) {
    return StaffResponse.of(staff.register(caller, body));
  }

  @Operation(
      summary = "Log out",
      description = "Revokes the presented staff token on every instance (204).")
  @PostMapping("/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logout(Caller caller) {
    staff.logout(caller);
  }
}

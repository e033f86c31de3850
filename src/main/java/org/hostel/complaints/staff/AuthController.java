package org.hostel.complaints.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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

  record TokenResponse(String accessToken, String tokenType, long expiresIn, UUID id, Role role) {
    static TokenResponse of(TokenService.IssuedToken token) {
      return new TokenResponse(
          token.accessToken(), "bearer", token.expiresIn(), token.id(), token.role());
    }
  }

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
          "`username` (email or phone) and `password` as a form; answers a bearer token. Limited per client address and per user name (429).")
  @SecurityRequirements
  @PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
              schema = @Schema(implementation = LoginRequest.class)))
  TokenResponse loginForm(
      @Parameter(hidden = true) @Valid LoginRequest form, HttpServletRequest request) {
    return TokenResponse.of(
        logins.login(form.username(), form.password(), request.getRemoteAddr()));
  }

  @Operation(
      summary = "Log in (JSON)",
      description = "The same as the form login, with a JSON body.")
  @SecurityRequirements
  @PostMapping(path = "/login-json", consumes = MediaType.APPLICATION_JSON_VALUE)
  TokenResponse loginJson(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
    return TokenResponse.of(
        logins.login(body.username(), body.password(), request.getRemoteAddr()));
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

package org.hostel.complaints.staff;

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

  @PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  TokenResponse loginForm(@Valid LoginRequest form, HttpServletRequest request) {
    return TokenResponse.of(
        logins.login(form.username(), form.password(), request.getRemoteAddr()));
  }

  @PostMapping(path = "/login-json", consumes = MediaType.APPLICATION_JSON_VALUE)
  TokenResponse loginJson(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
    return TokenResponse.of(
        logins.login(body.username(), body.password(), request.getRemoteAddr()));
  }

  @PostMapping("/register")
  @ResponseStatus(HttpStatus.CREATED)
  StaffResponse register(@Nullable Caller caller, @Valid @RequestBody RegisterRequest body) {
    return StaffResponse.of(staff.register(caller, body));
  }

  @PostMapping("/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logout(Caller caller) {
    staff.logout(caller);
  }
}

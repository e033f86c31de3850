package org.hostel.complaints.staff;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.hostel.complaints.web.AccessDenied;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProfileController {

  private final StaffService staff;

  ProfileController(StaffService staff) {
    this.staff = staff;
  }

  record ChangePasswordRequest(
      @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) String currentPassword,
      @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) String newPassword) {}

  record PasswordChangedResponse(
      String message, String accessToken, String tokenType, long expiresIn) {}

  record PorterResponse(
      UUID id, String fullName, Role role, @Nullable String phone, @Nullable String email) {}

  @Operation(summary = "Own profile", description = "The logged-in staff member.")
  @GetMapping("/api/v1/profile/me")
  AuthController.StaffResponse me(Caller caller) {
    return AuthController.StaffResponse.of(staff.profile(caller));
  }

  @Operation(
      summary = "Change own password",
      description = "Signs out every other session and answers a fresh token.")
  @PostMapping("/api/v1/profile/change-password")
  PasswordChangedResponse changePassword(
      Caller caller, @Valid @RequestBody ChangePasswordRequest body) {
    TokenService.IssuedToken token =
        staff.changePassword(caller, body.currentPassword(), body.newPassword());
    return new PasswordChangedResponse(
        "Password changed; other sessions have been signed out",
        token.accessToken(),
        "bearer",
        token.expiresIn());
  }

  @Operation(
      summary = "Active staff",
      description = "Active staff members to assign to; phone and email for admins only.")
  @GetMapping("/api/v1/porters")
  List<PorterResponse> porters(Caller caller) {
    if (!caller.isStaff()) {
      throw AccessDenied.because("Only staff may list porters");
    }
    boolean contacts = caller.isAdmin();
    return staff.listActive().stream()
        .map(
            m ->
                new PorterResponse(
                    m.id(),
                    m.fullName(),
                    m.role(),
                    contacts ? m.phone() : null,
                    contacts ? m.email() : null))
        .toList();
  }
}

package org.hostel.complaints.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.staff.Role;
import org.hostel.complaints.staff.StaffAccounts;
import org.hostel.complaints.staff.StaffMember;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A staff member's own account: sessions (see and end them) and name and phone. */
@RestController
class OwnAccountController {

  private final StaffAccounts accounts;

  OwnAccountController(StaffAccounts accounts) {
    this.accounts = accounts;
  }

  record ProfileChange(
      @Nullable
          @Size(min = 1, max = 120)
          @Pattern(
              regexp = InvitationController.TEXT,
              message = "must not contain control characters")
          String fullName,
      @Nullable @Size(max = 32) String phone) {}

  record ProfileResponse(
      UUID id, String fullName, @Nullable String email, @Nullable String phone, Role role) {}

  record SignedOut(int signedOut) {}

  @Operation(
      summary = "Own sessions",
      description =
          "The caller's live sessions (one per login): `id`, `created_at`, `last_used_at` (to the minute), `expires_at`, `address`, `user_agent`, and `current` for the one making this request.")
  @GetMapping("/api/v1/profile/sessions")
  List<StaffAccounts.Session> sessions(Caller caller) {
    return accounts.sessions(caller);
  }

  @Operation(
      summary = "End one of own sessions",
      description =
          "Signs that session out on every instance at once (204); 404 for an id that is not one of the caller's live sessions.")
  @ApiResponse(responseCode = "204", description = "Signed out")
  @DeleteMapping("/api/v1/profile/sessions/{id}")
  ResponseEntity<Void> end(Caller caller, @PathVariable String id) {
    if (id.length() > 64 || !accounts.endSession(caller, id)) {
      throw new AccountProblems.NotFound(
          "No live session " + id.substring(0, Math.min(64, id.length())));
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Sign out every other session",
      description = "Ends all of the caller's sessions but the one making this request.")
  @PostMapping("/api/v1/profile/sessions/sign-out-others")
  SignedOut endOthers(Caller caller) {
    return new SignedOut(accounts.endOtherSessions(caller));
  }

  @Operation(
      summary = "Change own name or phone",
      description =
          "`full_name` and `phone`, each optional; an empty `phone` removes it (only when the account has an e-mail address). 409 when the phone belongs to another account.")
  @PatchMapping("/api/v1/profile/me")
  ProfileResponse change(Caller caller, @Valid @RequestBody ProfileChange body) {
    StaffMember m = accounts.updateProfile(caller, body.fullName(), body.phone());
    return new ProfileResponse(m.id(), m.fullName(), m.email(), m.phone(), m.role());
  }
}

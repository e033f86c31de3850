package org.hostel.complaints.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins look after accounts: list everyone, deactivate or reactivate, reset a password. */
@RestController
@RequestMapping("/api/v1/staff")
class StaffAdminController {

  private final StaffAdministration staff;
  private final StaffRemoval removal;

  StaffAdminController(StaffAdministration staff, StaffRemoval removal) {
    this.staff = staff;
    this.removal = removal;
  }

  record StaffEntry(
      UUID id,
      String fullName,
      @Nullable String email,
      @Nullable String phone,
      Role role,
      boolean active,
      Instant createdAt) {
    static StaffEntry of(StaffMember m) {
      return new StaffEntry(
          m.id(), m.fullName(), m.email(), m.phone(), m.role(), m.active(), m.createdAt());
    }
  }

  record ActiveRequest(@NotNull Boolean active) {}

  record ResetPasswordRequest(
      @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) String newPassword) {}

  record MessageResponse(String message) {}

  @Operation(
      summary = "Remove an account",
      description =
          "Removes a deactivated account that has no history (no complaint assigned to it,"
              + " entered by it or changed by it), e.g. one a load test made; otherwise 409 and"
              + " the account stays deactivated (admins).")
  @ApiResponse(responseCode = "204", description = "Removed")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> remove(Caller caller, @PathVariable UUID id) {
    removal.remove(caller, id);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "All staff accounts", description = "Every account, active or not (admins).")
  @GetMapping
  List<StaffEntry> list(Caller caller) {
    return staff.listAll(caller).stream().map(StaffEntry::of).toList();
  }

  @Operation(
      summary = "Deactivate or reactivate an account",
      description =
          "`active: false` ends the account's sessions at once; an admin cannot deactivate themself (422).")
  @PatchMapping("/{id}")
  StaffEntry setActive(
      Caller caller, @PathVariable UUID id, @Valid @RequestBody ActiveRequest body) {
    return StaffEntry.of(staff.setActive(caller, id, body.active()));
  }

  @Operation(
      summary = "Reset a password",
      description = "Sets a new password for the account and signs it out everywhere (admins).")
  @PostMapping("/{id}/reset-password")
  MessageResponse resetPassword(
      Caller caller, @PathVariable UUID id, @Valid @RequestBody ResetPasswordRequest body) {
    staff.resetPassword(caller, id, body.newPassword());
    return new MessageResponse("Password reset; that account's sessions have been signed out");
  }
}

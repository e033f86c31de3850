package org.hostel.complaints.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.staff.LoginResult;
import org.hostel.complaints.staff.Role;
import org.hostel.complaints.staff.StaffAccounts;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Invitations by e-mail: admins send, list, resend and revoke them; invitees accept them. */
@RestController
class InvitationController {

  static final String TEXT = "[^\\p{Cntrl}]*";

  private final Invitations invitations;
  private final Clock clock;

  InvitationController(Invitations invitations, Clock clock) {
    this.invitations = invitations;
    this.clock = clock;
  }

  record InviteRequest(
      @NotBlank @Email @Size(max = 254) String email,
      @NotNull Role role,
      @NotBlank
          @Size(max = 120)
          @Pattern(regexp = TEXT, message = "must not contain control characters")
          String fullName) {}

  record AcceptRequest(
      @NotBlank @Size(max = OneTimeTokens.MAX_LENGTH) String token,
      @NotBlank @Size(max = StaffAccounts.PASSWORD_MAX_LENGTH) String password) {}

  record InvitationResponse(
      UUID id,
      String email,
      Role role,
      String fullName,
      String status,
      Instant createdAt,
      Instant expiresAt,
      @Nullable UUID invitedBy) {}

  @Operation(
      summary = "Invite a staff member",
      description =
          "Mails a one-time link (valid 72 h) to `email` where the invitee chooses a password (admins). 409 when the address already has an account or an open invitation, or when mail is not configured; nothing is stored then.")
  @PostMapping("/api/v1/staff/invitations")
  @ResponseStatus(HttpStatus.CREATED)
  InvitationResponse invite(Caller caller, @Valid @RequestBody InviteRequest body) {
    return response(invitations.invite(caller, body.email(), body.fullName(), body.role()));
  }

  @Operation(
      summary = "Invitations",
      description =
          "The latest invitations with their `status`: `pending`, `accepted`, `revoked` or `expired` (admins).")
  @GetMapping("/api/v1/staff/invitations")
  List<InvitationResponse> list(Caller caller) {
    return invitations.list(caller).stream().map(this::response).toList();
  }

  @Operation(
      summary = "Revoke an invitation",
      description =
          "Its link stops working at once (admins); 409 when already accepted or revoked.")
  @ApiResponse(responseCode = "204", description = "Revoked")
  @DeleteMapping("/api/v1/staff/invitations/{id}")
  ResponseEntity<Void> revoke(Caller caller, @PathVariable UUID id) {
    invitations.revoke(caller, id);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Resend an invitation",
      description =
          "Mails a new link valid for another 72 h; the earlier link stops working (admins).")
  @PostMapping("/api/v1/staff/invitations/{id}/resend")
  InvitationResponse resend(Caller caller, @PathVariable UUID id) {
    return response(invitations.resend(caller, id));
  }

  @Operation(
      summary = "Accept an invitation",
      description =
          "The `token` from the invitation link and the chosen `password` (the password policy applies); creates the account and answers like a login. An unknown, expired, used or revoked link is 400 and changes nothing.")
  @SecurityRequirements
  @PostMapping(path = "/auth/invitations/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
  LoginResult accept(@Valid @RequestBody AcceptRequest body) {
    return invitations.accept(body.token(), body.password());
  }

  private InvitationResponse response(InvitationRepository.Row row) {
    return new InvitationResponse(
        row.id(),
        row.email(),
        row.role(),
        row.fullName(),
        row.status(clock.instant()),
        row.createdAt(),
        row.expiresAt(),
        row.invitedBy());
  }
}

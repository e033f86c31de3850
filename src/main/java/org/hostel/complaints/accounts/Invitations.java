package org.hostel.complaints.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.audit.Audit;
import org.hostel.complaints.mail.MailRequest;
import org.hostel.complaints.mail.Mailer;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.staff.LoginResult;
import org.hostel.complaints.staff.Role;
import org.hostel.complaints.staff.StaffAccounts;
import org.hostel.complaints.staff.StaffMember;
import org.hostel.complaints.storage.Ids;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.ValidationFailed;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admins invite staff by e-mail; the invitee sets a password through a one-time link (72 h, single
 * use, stored as a hash) and is logged in. Resending makes a new link and kills the old one.
 */
@Service
@EnableConfigurationProperties({AccountSettings.class, TwoFactorSettings.class})
class Invitations {

  private final InvitationRepository invitations;
  private final StaffAccounts accounts;
  private final Mailer mailer;
  private final Audit audit;
  private final AccountSettings settings;
  private final TransactionTemplate tx;
  private final Clock clock;

  Invitations(
      InvitationRepository invitations,
      StaffAccounts accounts,
      Mailer mailer,
      Audit audit,
      AccountSettings settings,
      TransactionTemplate tx,
      Clock clock) {
    this.invitations = invitations;
    this.accounts = accounts;
    this.mailer = mailer;
    this.audit = audit;
    this.settings = settings;
    this.tx = tx;
    this.clock = clock;
  }

  InvitationRepository.Row invite(Caller caller, String email, String fullName, Role role) {
    requireAdmin(caller);
    if (!mailer.enabled()) {
      throw new AccountProblems.MailOff();
    }
    String address = StaffAccounts.normalEmail(email);
    Instant now = clock.instant();
    InvitationRepository.Row row =
        new InvitationRepository.Row(
            Ids.newId(),
            address,
            fullName.strip(),
            role,
            caller.staffId(),
            now,
            now.plus(settings.invitationTtl()),
            null,
            null);
    String token = OneTimeTokens.generate();
    return tx.execute(
        s -> {
          if (accounts.byEmail(address).isPresent()) {
            throw new AccountProblems.Conflict(
                "contact-taken",
                "Email or phone already registered",
                "A staff member with this email already exists");
          }
          if (!invitations.pendingFor(address, now).isEmpty()) {
            throw new AccountProblems.Conflict(
                "invitation-pending",
                "Invitation pending",
                "An invitation to this address is still open: resend or revoke it");
          }
          invitations.insert(row, OneTimeTokens.hash(token));
          send(row, token, "invite-" + row.id() + "-" + now.toEpochMilli());
          audit.record("invitation.sent", caller.staffId(), null, address, "role " + role.value());
          return row;
        });
  }

  List<InvitationRepository.Row> list(Caller caller) {
    requireAdmin(caller);
    return invitations.recent(500);
  }

  void revoke(Caller caller, UUID id) {
    requireAdmin(caller);
    tx.executeWithoutResult(
        s -> {
          InvitationRepository.Row row = open(id);
          invitations.revoke(id, clock.instant());
          audit.record("invitation.revoked", caller.staffId(), null, row.email(), null);
        });
  }

  InvitationRepository.Row resend(Caller caller, UUID id) {
    requireAdmin(caller);
    if (!mailer.enabled()) {
      throw new AccountProblems.MailOff();
    }
    Instant now = clock.instant();
    String token = OneTimeTokens.generate();
    return tx.execute(
        s -> {
          InvitationRepository.Row row = open(id);
          if (accounts.byEmail(row.email()).isPresent()) {
            throw new AccountProblems.Conflict(
                "contact-taken",
                "Email or phone already registered",
                "A staff member with this email already exists");
          }
          Instant expires = now.plus(settings.invitationTtl());
          invitations.renew(id, OneTimeTokens.hash(token), expires);
          InvitationRepository.Row renewed =
              new InvitationRepository.Row(
                  row.id(),
                  row.email(),
                  row.fullName(),
                  row.role(),
                  row.invitedBy(),
                  row.createdAt(),
                  expires,
                  null,
                  null);
          send(renewed, token, "invite-" + id + "-" + now.toEpochMilli());
          audit.record("invitation.resent", caller.staffId(), null, row.email(), null);
          return renewed;
        });
  }

  /**
   * Sets the password and creates the account in one transaction with using the invitation up;
   * answers what a login answers (a token, or the second step when the role needs one).
   */
  LoginResult accept(String token, String password) {
    Instant now = clock.instant();
    String weakness = StaffAccounts.passwordProblem(password);
    if (weakness != null) {
      throw ValidationFailed.of("password", weakness);
    }
    InvitationRepository.Row row =
        invitations
            .byToken(OneTimeTokens.hash(token))
            .orElseThrow(() -> invalid("This invitation link is not valid"));
    String status = row.status(now);
    if (!status.equals("pending")) {
      audit.record("invitation.refused", null, row.email(), row.email(), "link " + status);
      throw invalid("This invitation has been " + status);
    }
    StaffMember member =
        tx.execute(
            s -> {
              if (!invitations.accept(row.id(), now)) {
                throw invalid("This invitation has already been used");
              }
              StaffMember created =
                  accounts.create(row.fullName(), row.email(), row.role(), password);
              audit.record(
                  "invitation.accepted",
                  created.id(),
                  created.email(),
                  created.email(),
                  "role " + row.role().value());
              return created;
            });
    return accounts.login(member, "invitation");
  }

  private InvitationRepository.Row open(UUID id) {
    InvitationRepository.Row row =
        invitations.find(id).orElseThrow(() -> new AccountProblems.NotFound("No invitation " + id));
    if (row.acceptedAt() != null || row.revokedAt() != null) {
      throw new AccountProblems.Conflict(
          "invitation-closed",
          "Invitation closed",
          "This invitation was already " + row.status(clock.instant()));
    }
    return row;
  }

  private void send(InvitationRepository.Row row, String token, String dedupKey) {
    mailer.enqueue(
        new MailRequest(
            row.email(),
            "invitation",
            Locale.ENGLISH,
            Map.of(
                "name", row.fullName(),
                "role", row.role().value(),
                "link", mailer.link("/dashboard/#/invitation?token=" + token),
                "hours", settings.invitationTtl().toHours()),
            null,
            dedupKey));
  }

  private static AccountProblems.LinkInvalid invalid(String detail) {
    return new AccountProblems.LinkInvalid(detail);
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw AccessDenied.because("Only admins may manage invitations");
    }
  }
}

package org.hostel.complaints.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.audit.Audit;
import org.hostel.complaints.mail.MailRequest;
import org.hostel.complaints.mail.Mailer;
import org.hostel.complaints.staff.StaffAccounts;
import org.springframework.stereotype.Service;

/**
 * Accounts that came from another system without a usable password ({@code import-legacy}): each is
 * sent the invitation mail, through the outbox like every mail, whose one-time link sets the
 * password on the password-reset page. The link works as long as an invitation ({@code
 * COMPLAINTS_ACCOUNTS_INVITATION_TTL}), once, and not after the password was set some other way (an
 * admin's reset).
 */
@Service
public class ImportedAccounts {

  private final PasswordResetRepository links;
  private final StaffAccounts accounts;
  private final Mailer mailer;
  private final Audit audit;
  private final AccountSettings settings;
  private final Clock clock;

  ImportedAccounts(
      PasswordResetRepository links,
      StaffAccounts accounts,
      Mailer mailer,
      Audit audit,
      AccountSettings settings,
      Clock clock) {
    this.links = links;
    this.accounts = accounts;
    this.mailer = mailer;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
  }

  /** Whether invitations go out at all: only when mail is configured. */
  public boolean canInvite() {
    return mailer.enabled();
  }

  /**
   * Stores the invitation to set a password for an existing account in the caller's transaction; it
   * is mailed after the commit, at most once per account.
   *
   * @return false when mail is off or the account was invited before (nothing is stored)
   * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
   */
  public boolean invite(UUID staffId, String email, String fullName, String role) {
    if (!mailer.enabled()) {
      return false;
    }
    String token = OneTimeTokens.generate();
    Instant now = clock.instant();
    boolean stored =
        mailer.enqueue(
            new MailRequest(
                email,
                "invitation",
                Locale.ENGLISH,
                Map.of(
                    "name",
                    fullName,
                    "role",
                    role,
                    "link",
                    mailer.link("/dashboard/#/reset-password?token=" + token),
                    "hours",
                    settings.invitationTtl().toHours()),
                null,
                "imported-account-" + staffId));
    if (stored) {
      links.insert(
          OneTimeTokens.hash(token),
          staffId,
          accounts.passwordStamp(staffId),
          now,
          now.plus(settings.invitationTtl()));
      audit.record("invitation.sent", null, null, email, "imported account; role " + role);
    }
    return stored;
  }
}

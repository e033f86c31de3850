package org.hostel.complaints.accounts;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hostel.complaints.audit.Audit;
import org.hostel.complaints.mail.MailRequest;
import org.hostel.complaints.mail.Mailer;
import org.hostel.complaints.protection.Limit;
import org.hostel.complaints.protection.RateLimiter;
import org.hostel.complaints.protection.TooManyRequests;
import org.hostel.complaints.staff.LoginResult;
import org.hostel.complaints.staff.StaffAccounts;
import org.hostel.complaints.staff.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot password": a one-time link by mail (30 min, single use, stored hashed). The request is
 * answered 202 before anything is looked up, and the look-up, the limits and the mail happen
 * afterwards on another thread, so neither the answer nor its timing tells whether the address has
 * an account. Using a link sets the password and signs out every session of the account; a link
 * made before the password last changed no longer works.
 */
@Service
class PasswordResets {

  private static final Logger LOG = LoggerFactory.getLogger(PasswordResets.class);
  private static final Duration HOUR = Duration.ofHours(1);

  private final PasswordResetRepository resets;
  private final StaffAccounts accounts;
  private final Mailer mailer;
  private final RateLimiter limiter;
  private final Audit audit;
  private final AccountSettings settings;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

  PasswordResets(
      PasswordResetRepository resets,
      StaffAccounts accounts,
      Mailer mailer,
      RateLimiter limiter,
      Audit audit,
      AccountSettings settings,
      TransactionTemplate tx,
      Clock clock) {
    this.resets = resets;
    this.accounts = accounts;
    this.mailer = mailer;
    this.limiter = limiter;
    this.audit = audit;
    this.settings = settings;
    this.tx = tx;
    this.clock = clock;
  }

  /** Takes the request; the rest happens after the answer. Only the client limit is told (429). */
  void request(String email, String clientAddress) {
    var perClient =
        limiter.tryAcquire(
            "reset-client:" + clientAddress, new Limit(settings.resetsPerClient(), HOUR));
    if (!perClient.allowed()) {
      throw TooManyRequests.retryAfter("password reset requests", perClient.retryAfterSeconds());
    }
    Audit.Origin origin = Audit.Origin.current();
    background.execute(
        () -> {
          try {
            send(StaffAccounts.normalEmail(email), origin);
          } catch (RuntimeException e) {
            LOG.warn("A password reset request failed", e);
          }
        });
  }

  private void send(String email, Audit.Origin origin) {
    Limit perAddress = new Limit(settings.resetsPerEmail(), HOUR);
    if (!limiter.tryAcquire("reset-email:" + email, perAddress).allowed()) {
      audit.record(
          "password_reset.throttled", null, null, email, "too many requests for it", origin);
      return;
    }
    Optional<StaffMember> member = accounts.byEmail(email).filter(StaffMember::active);
    if (member.isEmpty() || !mailer.enabled()) {
      audit.record(
          "password_reset.requested",
          null,
          null,
          email,
          member.isEmpty() ? "no active account; nothing sent" : "mail is off; nothing sent",
          origin);
      return;
    }
    StaffMember staff = member.get();
    if (!limiter.tryAcquire("reset-account:" + staff.id(), perAddress).allowed()) {
      audit.record(
          "password_reset.throttled", staff.id(), email, email, "too many for the account", origin);
      return;
    }
    String token = OneTimeTokens.generate();
    Instant now = clock.instant();
    tx.executeWithoutResult(
        s -> {
          resets.insert(
              OneTimeTokens.hash(token),
              staff.id(),
              accounts.passwordStamp(staff.id()),
              now,
              now.plus(settings.resetTtl()));
          mailer.enqueue(
              new MailRequest(
                  email,
                  "password_reset",
                  Locale.ENGLISH,
                  Map.of(
                      "name", staff.fullName(),
                      "link", mailer.link("/dashboard/#/reset-password?token=" + token),
                      "minutes", settings.resetTtl().toMinutes()),
                  null,
                  "reset-" + OneTimeTokens.hash(token)));
          audit.record("password_reset.requested", staff.id(), email, email, "link sent", origin);
        });
  }

  /** Sets the new password through a link; answers like a login. */
  LoginResult confirm(String token, String newPassword) {
    Instant now = clock.instant();
    String hash = OneTimeTokens.hash(token);
    PasswordResetRepository.Row row =
        resets.find(hash).orElseThrow(() -> invalid("This reset link is not valid"));
    StaffMember member =
        accounts.byId(row.staffId()).orElseThrow(() -> invalid("This reset link is not valid"));
    String target = member.email();
    if (row.usedAt() != null) {
      throw refused(member, "used", "This reset link has already been used");
    }
    if (!row.expiresAt().isAfter(now)) {
      throw refused(member, "expired", "This reset link has expired; ask for a new one");
    }
    if (!member.active()) {
      throw refused(member, "account deactivated", "This reset link is not valid");
    }
    if (!row.passwordStamp().equals(accounts.passwordStamp(member.id()))) {
      throw refused(
          member,
          "password changed since",
          "The password was changed after this link was sent; ask for a new one");
    }
    String weakness = StaffAccounts.passwordProblem(newPassword);
    if (weakness != null) {
      throw org.hostel.complaints.web.ValidationFailed.of("new_password", weakness);
    }
    tx.executeWithoutResult(
        s -> {
          if (!resets.use(hash, now)) {
            throw invalid("This reset link has already been used");
          }
          resets.closeAll(member.id(), now);
          accounts.setPassword(member.id(), newPassword, "new_password");
          audit.record(
              "password_reset.used", member.id(), target, target, "every session signed out");
        });
    return accounts.login(member, "password reset");
  }

  private AccountProblems.LinkInvalid refused(StaffMember member, String why, String detail) {
    audit.record("password_reset.refused", null, member.email(), member.email(), "link " + why);
    return invalid(detail);
  }

  private static AccountProblems.LinkInvalid invalid(String detail) {
    return new AccountProblems.LinkInvalid(detail);
  }

  @org.springframework.scheduling.annotation.Scheduled(
      fixedDelay = 3_600_000,
      initialDelay = 60_000)
  void forgetOldLinks() {
    resets.forgetBefore(clock.instant().minus(Duration.ofDays(1)));
  }

  @PreDestroy
  void stop() {
    background.shutdown();
  }
}

package org.hostel.complaints.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import org.hostel.complaints.audit.Audit;
import org.hostel.complaints.protection.Limit;
import org.hostel.complaints.protection.RateLimiter;
import org.hostel.complaints.protection.TooManyRequests;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.staff.SecondFactor;
import org.hostel.complaints.staff.StaffAccounts;
import org.hostel.complaints.staff.StaffMember;
import org.hostel.complaints.web.AccessDenied;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * TOTP second factor: enrolment (secret, QR code, confirmed by a first code, ten recovery codes
 * stored hashed), the second login step, and switching it off. Codes are good once (the last used
 * time step is kept); wrong codes are limited per account and audited.
 */
@Service
class TwoFactor implements SecondFactor {

  static final Duration PENDING_LOGIN = Duration.ofMinutes(5);
  private static final Duration ATTEMPT_WINDOW = Duration.ofMinutes(15);
  private static final int RECOVERY_CODES = 10;
  private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TwoFactorRepository repository;
  private final StaffAccounts accounts;
  private final RateLimiter limiter;
  private final Audit audit;
  private final AccountSettings settings;
  private final TwoFactorSettings required;
  private final TransactionTemplate tx;
  private final Clock clock;

  TwoFactor(
      TwoFactorRepository repository,
      StaffAccounts accounts,
      RateLimiter limiter,
      Audit audit,
      AccountSettings settings,
      TwoFactorSettings required,
      TransactionTemplate tx,
      Clock clock) {
    this.repository = repository;
    this.accounts = accounts;
    this.limiter = limiter;
    this.audit = audit;
    this.settings = settings;
    this.required = required;
    this.tx = tx;
    this.clock = clock;
  }

  /** A new secret to show, with its URI and QR code. */
  record Enrolment(String secret, String otpauthUri, String qrSvg) {}

  boolean requiredFor(StaffMember member) {
    return required.require2faFor().stream()
        .anyMatch(role -> role.strip().equalsIgnoreCase(member.role().value()));
  }

  @Override
  public @Nullable Challenge challenge(StaffMember member) {
    boolean enrolled = repository.confirmed(member.id());
    if (!enrolled && !requiredFor(member)) {
      return null;
    }
    String token = OneTimeTokens.generate();
    repository.challenge(
        OneTimeTokens.hash(token), member.id(), clock.instant().plus(PENDING_LOGIN));
    return new Challenge(token, !enrolled);
  }

  /** Starts an enrolment for the caller (replacing an unconfirmed one). */
  Enrolment enroll(Caller caller) {
    return begin(member(caller));
  }

  /** Starts the enrolment a role requires, during a pending login. */
  Enrolment enrollPending(String mfaToken) {
    UUID id = pendingAccount(mfaToken);
    return begin(accounts.byId(id).orElseThrow(() -> rejected("This login has expired")));
  }

  private Enrolment begin(StaffMember member) {
    if (repository.confirmed(member.id())) {
      throw new AccountProblems.Conflict(
          "mfa-enrolled",
          "Two-factor already on",
          "Two-factor authentication is already on; disable it first to enrol again");
    }
    String secret = Totp.newSecret();
    repository.begin(member.id(), secret);
    String account = member.email() != null ? member.email() : String.valueOf(member.phone());
    String uri = Totp.uri(settings.issuer(), account, secret);
    return new Enrolment(secret, uri, QrCodes.svg(uri));
  }

  /** Turns the factor on with a first code; answers the recovery codes, shown once. */
  List<String> confirm(Caller caller, String code) {
    StaffMember member = member(caller);
    return confirm(member, code, true);
  }

  private List<String> confirm(StaffMember member, String code, boolean loggedIn) {
    TwoFactorRepository.Secret secret =
        repository
            .secret(member.id())
            .filter(s -> !s.confirmed())
            .orElseThrow(
                () ->
                    new AccountProblems.Conflict(
                        "mfa-not-started",
                        "No enrolment started",
                        "Start an enrolment first (POST /api/v1/profile/2fa/enroll)"));
    check(member, secret, code, null, loggedIn);
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      codes.add(recoveryCode());
    }
    tx.executeWithoutResult(
        s -> {
          repository.confirm(member.id(), clock.instant());
          repository.replaceRecoveryCodes(
              member.id(), codes.stream().map(TwoFactor::recoveryHash).toList());
          audit.record("mfa.enrolled", member.id(), label(member), label(member), null);
        });
    return codes;
  }

  /** Turns the factor off, with a current code or a recovery code. */
  void disable(Caller caller, @Nullable String code, @Nullable String recoveryCode) {
    StaffMember member = member(caller);
    if (requiredFor(member)) {
      throw new AccountProblems.Conflict(
          "mfa-required",
          "Two-factor required",
          "Your role must use two-factor authentication; it cannot be switched off");
    }
    TwoFactorRepository.Secret secret =
        repository
            .secret(member.id())
            .filter(TwoFactorRepository.Secret::confirmed)
            .orElseThrow(
                () ->
                    new AccountProblems.Conflict(
                        "mfa-off", "Two-factor is off", "Two-factor authentication is not on"));
    check(member, secret, code, recoveryCode, true);
    tx.executeWithoutResult(
        s -> {
          repository.remove(member.id());
          audit.record("mfa.disabled", member.id(), label(member), label(member), null);
        });
  }

  boolean required(Caller caller) {
    return requiredFor(member(caller));
  }

  boolean enabled(Caller caller) {
    return caller.staffId() != null && repository.confirmed(caller.staffId());
  }

  @Override
  public Completed complete(String mfaToken, @Nullable String code, @Nullable String recoveryCode) {
    UUID id = pendingAccount(mfaToken);
    StaffMember member = accounts.byId(id).orElseThrow(() -> rejected("This login has expired"));
    TwoFactorRepository.Secret secret =
        repository.secret(id).orElseThrow(() -> rejected("Enrol an authenticator app first"));
    List<String> codes = null;
    if (secret.confirmed()) {
      check(member, secret, code, recoveryCode, false);
    } else {
      if (code == null) {
        throw rejected("Enter the code the authenticator app shows");
      }
      codes = confirm(member, code, false);
    }
    if (!repository.finish(OneTimeTokens.hash(mfaToken), clock.instant())) {
      throw rejected("This login has already been completed");
    }
    return new Completed(id, codes);
  }

  private UUID pendingAccount(String mfaToken) {
    if (mfaToken.length() > OneTimeTokens.MAX_LENGTH) {
      throw rejected("This login has expired; log in again");
    }
    return repository
        .pending(OneTimeTokens.hash(mfaToken), clock.instant())
        .orElseThrow(() -> rejected("This login has expired; log in again"));
  }

  /**
   * Checks a code or recovery code, within the account's attempt limit; a good TOTP code is then
   * used up (its time step), a good recovery code too.
   */
  private void check(
      StaffMember member,
      TwoFactorRepository.Secret secret,
      @Nullable String code,
      @Nullable String recoveryCode,
      boolean loggedIn) {
    String key = "mfa:" + member.id();
    Limit limit = new Limit(settings.codeAttempts(), ATTEMPT_WINDOW);
    var allowed = limiter.peek(key, limit);
    if (!allowed.allowed()) {
      audit.record("mfa.throttled", member.id(), label(member), null, "too many wrong codes");
      throw TooManyRequests.retryAfter("two-factor codes", allowed.retryAfterSeconds());
    }
    Instant now = clock.instant();
    boolean good;
    String what;
    if (recoveryCode != null && !recoveryCode.isBlank()) {
      what = "recovery code";
      good = repository.useRecoveryCode(member.id(), recoveryHash(recoveryCode), now);
    } else if (code != null && !code.isBlank()) {
      what = "code";
      OptionalLong step = Totp.verify(secret.secret(), code, now, secret.lastStep());
      good = step.isPresent() && repository.used(member.id(), step.getAsLong());
    } else {
      throw org.hostel.complaints.web.ValidationFailed.of("code", "a code or a recovery code");
    }
    if (!good) {
      limiter.consume(key, limit);
      audit.record("mfa.failed", member.id(), label(member), null, "wrong or used " + what);
      if (loggedIn) {
        // A signed-in caller's wrong code is bad input, not a lost session.
        throw org.hostel.complaints.web.ValidationFailed.of(
            recoveryCode != null ? "recovery_code" : "code", "wrong or already used");
      }
      throw rejected("Wrong or already used " + what);
    }
    if (what.equals("recovery code")) {
      audit.record("mfa.recovery_code_used", member.id(), label(member), null, null);
    }
  }

  private StaffMember member(Caller caller) {
    if (caller.staffId() == null) {
      throw AccessDenied.because("Only staff have a profile");
    }
    UUID id = caller.staffId();
    return accounts.byId(id).orElseThrow(() -> new AccountProblems.NotFound("No account " + id));
  }

  private static String label(StaffMember member) {
    return member.email() != null ? member.email() : String.valueOf(member.phone());
  }

  private static String recoveryCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      if (i == 5) {
        code.append('-');
      }
      code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
    }
    return code.toString();
  }

  /** Recovery codes are compared without dashes, spaces or case. */
  static String recoveryHash(String code) {
    return OneTimeTokens.hash(code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT));
  }

  private static AccountProblems.CodeRejected rejected(String detail) {
    return new AccountProblems.CodeRejected(detail);
  }

  @org.springframework.scheduling.annotation.Scheduled(
      fixedDelay = 3_600_000,
      initialDelay = 60_000)
  void forgetOldChallenges() {
    repository.forgetBefore(clock.instant().minus(Duration.ofDays(1)));
  }
}

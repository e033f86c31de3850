package org.hostel.complaints.staff;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.hostel.complaints.audit.Audit;
import org.hostel.complaints.protection.Limit;
import org.hostel.complaints.protection.RateLimiter;
import org.hostel.complaints.protection.TooManyRequests;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Password logins, with two limits: attempts per client address per minute, and failures per
 * account per 15 minutes. Failures are counted against the account a name leads to, so spelling a
 * phone number or e-mail address differently does not buy another round of guesses; names that lead
 * to no account are counted under their normal spelling. An account with a second factor gets a
 * pending token instead of a session ({@link SecondFactor}). Every outcome is in the audit log.
 */
@Service
class LoginService {

  private static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

  private final StaffRepository staff;
  private final TokenService tokens;
  private final Passwords passwords;
  private final RateLimiter limiter;
  private final AuthSettings settings;
  private final Audit audit;
  private final ObjectProvider<SecondFactor> secondFactor;

  LoginService(
      StaffRepository staff,
      TokenService tokens,
      Passwords passwords,
      RateLimiter limiter,
      AuthSettings settings,
      Audit audit,
      ObjectProvider<SecondFactor> secondFactor) {
    this.staff = staff;
    this.tokens = tokens;
    this.passwords = passwords;
    this.limiter = limiter;
    this.settings = settings;
    this.audit = audit;
    this.secondFactor = secondFactor;
  }

  LoginResult login(String username, String password, String clientAddress) {
    var perClient = new Limit(settings.loginsPerClient(), Duration.ofMinutes(1));
    var client = limiter.tryAcquire("login-client:" + clientAddress, perClient);
    if (!client.allowed()) {
      throw TooManyRequests.retryAfter("login attempts", client.retryAfterSeconds());
    }
    Optional<StaffRepository.Account> account = find(username);
    String failures =
        account
            .map(a -> "login-account:" + a.member().id())
            .orElseGet(() -> "login-name:" + Contacts.loginKey(username));
    var perAccount = new Limit(settings.failuresPerUsername(), FAILURE_WINDOW);
    var locked = limiter.peek(failures, perAccount);
    UUID accountId = account.map(a -> a.member().id()).orElse(null);
    if (!locked.allowed()) {
      audit.record("login.throttled", accountId, username, null, "too many failed logins");
      throw TooManyRequests.retryAfter("failed logins for this user", locked.retryAfterSeconds());
    }
    boolean matches =
        passwords.matches(
            password, account.map(StaffRepository.Account::passwordHash).orElse(null));
    if (account.isEmpty() || !matches || !account.get().member().active()) {
      limiter.consume(failures, perAccount);
      audit.record(
          "login.failed",
          accountId,
          username,
          null,
          account.isEmpty() ? "unknown user" : !matches ? "wrong password" : "account deactivated");
      throw new StaffProblems.InvalidCredentials();
    }
    return proceed(account.get().member(), "password");
  }

  /**
   * A member whose first step is done (a password, an invitation, a reset link, single sign-on): a
   * session, or the pending second step when the account has or needs one.
   */
  LoginResult proceed(StaffMember member, String how) {
    SecondFactor factor = secondFactor.getIfAvailable();
    SecondFactor.Challenge challenge = factor == null ? null : factor.challenge(member);
    if (challenge != null) {
      audit.record("login.mfa_required", member.id(), label(member), null, how);
      return LoginResult.challenge(challenge);
    }
    audit.record("login.succeeded", member.id(), label(member), null, how);
    return LoginResult.of(tokens.issue(member));
  }

  /**
   * A session for a member the identity provider vouched for (single sign-on): the provider's own
   * checks stand in for the password and the second factor.
   */
  LoginResult direct(StaffMember member, String how) {
    audit.record("login.succeeded", member.id(), label(member), null, how);
    return LoginResult.of(tokens.issue(member));
  }

  /** The second step: a code or recovery code for a pending token gives the session. */
  LoginResult completeSecondStep(
      String mfaToken, @Nullable String code, @Nullable String recoveryCode) {
    SecondFactor factor = secondFactor.getIfAvailable();
    if (factor == null) {
      throw new StaffProblems.InvalidCredentials();
    }
    SecondFactor.Completed done = factor.complete(mfaToken, code, recoveryCode);
    UUID id = done.staffId();
    StaffMember member =
        staff
            .findById(id)
            .map(StaffRepository.Account::member)
            .filter(StaffMember::active)
            .orElseThrow(StaffProblems.InvalidCredentials::new);
    audit.record(
        "login.succeeded",
        member.id(),
        label(member),
        null,
        recoveryCode != null ? "password and recovery code" : "password and second factor");
    LoginResult result = LoginResult.of(tokens.issue(member));
    return done.recoveryCodes() == null ? result : result.withRecoveryCodes(done.recoveryCodes());
  }

  static String label(StaffMember member) {
    return member.email() != null ? member.email() : String.valueOf(member.phone());
  }

  private Optional<StaffRepository.Account> find(String username) {
    String trimmed = username.strip();
    if (trimmed.contains("@")) {
      return staff.findByLogin("email", Contacts.email(trimmed));
    }
    String phone = Contacts.phone(trimmed);
    return phone == null ? Optional.empty() : staff.findByLogin("phone", phone);
  }
}

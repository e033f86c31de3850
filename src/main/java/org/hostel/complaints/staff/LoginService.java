package org.hostel.complaints.staff;

import java.time.Duration;
import java.util.Optional;
import org.hostel.complaints.protection.Limit;
import org.hostel.complaints.protection.RateLimiter;
import org.hostel.complaints.protection.TooManyRequests;
import org.springframework.stereotype.Service;

/**
 * Password logins, with two limits: attempts per client address per minute, and failures per
 * account per 15 minutes. Failures are counted against the account a name leads to, so spelling a
 * phone number or e-mail address differently does not buy another round of guesses; names that lead
 * to no account are counted under their normal spelling.
 */
@Service
class LoginService {

  private static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

  private final StaffRepository staff;
  private final TokenService tokens;
  private final Passwords passwords;
  private final RateLimiter limiter;
  private final AuthSettings settings;

  LoginService(
      StaffRepository staff,
      TokenService tokens,
      Passwords passwords,
      RateLimiter limiter,
      AuthSettings settings) {
    this.staff = staff;
    this.tokens = tokens;
    this.passwords = passwords;
    this.limiter = limiter;
    this.settings = settings;
  }

  TokenService.IssuedToken login(String username, String password, String clientAddress) {
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
    if (!locked.allowed()) {
      throw TooManyRequests.retryAfter("failed logins for this user", locked.retryAfterSeconds());
    }
    boolean matches =
        passwords.matches(
            password, account.map(StaffRepository.Account::passwordHash).orElse(null));
    if (account.isEmpty() || !matches || !account.get().member().active()) {
      limiter.consume(failures, perAccount);
      throw new StaffProblems.InvalidCredentials();
    }
    return tokens.issue(account.get().member());
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

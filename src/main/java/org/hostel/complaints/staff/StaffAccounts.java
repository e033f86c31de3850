package org.hostel.complaints.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hostel.complaints.audit.Audit;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the accounts feature (invitations, password reset, own sessions, second factor, single
 * sign-on) may do with staff accounts, without reaching into how they are stored.
 */
@Service
public class StaffAccounts {

  private final StaffRepository staff;
  private final StaffService service;
  private final LoginService logins;
  private final Passwords passwords;
  private final SessionRegistry sessions;
  private final TransactionTemplate tx;
  private final Audit audit;
  private final Clock clock;

  StaffAccounts(
      StaffRepository staff,
      StaffService service,
      LoginService logins,
      Passwords passwords,
      SessionRegistry sessions,
      TransactionTemplate tx,
      Audit audit,
      Clock clock) {
    this.staff = staff;
    this.service = service;
    this.logins = logins;
    this.passwords = passwords;
    this.sessions = sessions;
    this.tx = tx;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * One session (issued token) of the caller.
   *
   * @param id the token's id, which {@code DELETE /api/v1/profile/sessions/{id}} takes
   * @param current whether it is the session of the request that asked
   */
  public record Session(
      String id,
      Instant createdAt,
      Instant lastUsedAt,
      Instant expiresAt,
      @Nullable String address,
      @Nullable String userAgent,
      boolean current) {}

  /** An e-mail address as accounts store it (trimmed, domain in lower case). */
  public static String normalEmail(String email) {
    return Contacts.email(email);
  }

  public Optional<StaffMember> byEmail(String email) {
    return staff.findByLogin("email", Contacts.email(email)).map(StaffRepository.Account::member);
  }

  public Optional<StaffMember> byId(UUID id) {
    return staff.findById(id).map(StaffRepository.Account::member);
  }

  /** Why a password would be refused, or null when the policy accepts it. */
  public static @Nullable String passwordProblem(String password) {
    return PasswordPolicy.problemWith(password);
  }

  /** Most characters a password field may hold. */
  public static final int PASSWORD_MAX_LENGTH = PasswordPolicy.MAX_LENGTH;

  /**
   * Creates an active account with the given password (the policy applies: 422 on the field {@code
   * password}); 409 when the e-mail address is taken. Joins the caller's transaction.
   */
  public StaffMember create(String fullName, String email, Role role, String password) {
    return service.create(fullName, email, null, password, role);
  }

  /**
   * An account for a person an identity provider vouched for: a random password nobody knows (a
   * reset by mail gives them one if they ever need it).
   */
  public StaffMember createForSingleSignOn(String fullName, String email, Role role) {
    return service.create(fullName, email, null, PasswordPolicy.generate(), role);
  }

  /**
   * Starts a dashboard session for a member the identity provider vouched for: the session cookie
   * on the response, exactly as a password login sets it.
   */
  public void startBrowserSession(
      StaffMember member,
      String how,
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response) {
    LoginResult result = logins.direct(member, how);
    String token = java.util.Objects.requireNonNull(result.accessToken());
    long seconds = result.expiresIn() == null ? 0 : result.expiresIn();
    response.addHeader(
        org.springframework.http.HttpHeaders.SET_COOKIE,
        SessionCookie.issue(token, java.time.Duration.ofSeconds(seconds), request.isSecure())
            .toString());
  }

  /**
   * A fingerprint of the current password: it changes whenever the password does, so a link made
   * before a change can tell it is stale. Not the hash, and no use for guessing the password.
   */
  public String passwordStamp(UUID id) {
    String hash =
        staff
            .findById(id)
            .map(StaffRepository.Account::passwordHash)
            .orElseThrow(() -> StaffProblems.StaffNotFound.forId(id));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(hash.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sets a new password (policy checked, 422 on {@code field}) and signs out every session of the
   * account: the cut-off moves to now and every live session is revoked by its id, so even a token
   * issued earlier in this same second stops working.
   */
  public void setPassword(UUID id, String password, String field) {
    String weakness = PasswordPolicy.problemWith(password);
    if (weakness != null) {
      throw ValidationFailed.of(field, weakness);
    }
    Instant now = clock.instant();
    String hash = passwords.hash(password);
    tx.executeWithoutResult(
        s -> {
          staff.updatePassword(id, hash, now.getEpochSecond());
          for (Session session : sessions.live(id, now, 0)) {
            staff.revoke(session.id(), session.expiresAt());
          }
        });
  }

  /**
   * The member's first step is done (invitation accepted, password reset, single sign-on): a
   * session, or the pending second step when the account has or needs a second factor.
   */
  public LoginResult login(StaffMember member, String how) {
    return logins.proceed(member, how);
  }

  /** The caller's live sessions, the current one marked, most recently used first. */
  public List<Session> sessions(Caller caller) {
    UUID id = requireStaff(caller);
    long after = staff.findById(id).map(StaffRepository.Account::tokensValidAfter).orElse(0L);
    return sessions.live(id, clock.instant(), after).stream()
        .map(
            s ->
                new Session(
                    s.id(),
                    s.createdAt(),
                    s.lastUsedAt(),
                    s.expiresAt(),
                    s.address(),
                    s.userAgent(),
                    s.id().equals(caller.tokenId())))
        .toList();
  }

  /** Ends one of the caller's own sessions; false when there is no such live session. */
  public boolean endSession(Caller caller, String sessionId) {
    Optional<Session> session =
        sessions(caller).stream().filter(s -> s.id().equals(sessionId)).findFirst();
    if (session.isEmpty()) {
      return false;
    }
    staff.revoke(sessionId, session.get().expiresAt());
    audit.record("session.revoked", caller.staffId(), null, "session " + sessionId, null);
    return true;
  }

  /** Ends every session of the caller but the current one; answers how many ended. */
  public int endOtherSessions(Caller caller) {
    List<Session> others = sessions(caller).stream().filter(s -> !s.current()).toList();
    tx.executeWithoutResult(
        s -> {
          for (Session other : others) {
            staff.revoke(other.id(), other.expiresAt());
          }
          audit.record(
              "session.revoked",
              caller.staffId(),
              null,
              "other sessions",
              others.size() + " sessions signed out");
        });
    return others.size();
  }

  /** Changes the caller's own name and phone; a blank phone removes it. */
  public StaffMember updateProfile(
      Caller caller, @Nullable String fullName, @Nullable String phone) {
    UUID id = requireStaff(caller);
    StaffMember before = byId(id).orElseThrow(() -> StaffProblems.StaffNotFound.forId(id));
    String name = fullName == null ? before.fullName() : fullName.strip();
    if (name.isEmpty()) {
      throw ValidationFailed.of("full_name", "must not be blank");
    }
    String normalPhone = before.phone();
    if (phone != null) {
      normalPhone = phone.isBlank() ? null : Contacts.phone(phone);
      if (!phone.isBlank() && normalPhone == null) {
        throw ValidationFailed.of("phone", "must be 7 to 15 digits, optionally starting with +");
      }
    }
    if (normalPhone == null && before.email() == null) {
      throw ValidationFailed.of("phone", "an account without an e-mail address needs a phone");
    }
    String finalPhone = normalPhone;
    try {
      tx.executeWithoutResult(
          s -> {
            if (finalPhone != null
                && staff
                    .findByLogin("phone", finalPhone)
                    .filter(a -> !a.member().id().equals(id))
                    .isPresent()) {
              throw StaffProblems.ContactTaken.of("phone");
            }
            staff.updateProfile(id, name, finalPhone);
            audit.record("profile.changed", id, LoginService.label(before), null, "name or phone");
          });
    } catch (DataIntegrityViolationException e) {
      throw StaffProblems.ContactTaken.of("phone");
    }
    return new StaffMember(
        id, name, before.email(), finalPhone, before.role(), before.active(), before.createdAt());
  }

  private static UUID requireStaff(Caller caller) {
    if (caller.staffId() == null) {
      throw AccessDenied.because("Only staff have a profile");
    }
    return caller.staffId();
  }
}

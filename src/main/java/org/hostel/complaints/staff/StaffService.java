package org.hostel.complaints.staff;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hostel.complaints.audit.Audit;
import org.hostel.complaints.storage.Ids;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.NotAuthenticated;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Staff accounts: registration, login, passwords, and look-ups for other features. */
@Service
public class StaffService {

  private final StaffRepository staff;
  private final TokenService tokens;
  private final Passwords passwords;
  private final AuthSettings settings;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final Audit audit;

  StaffService(
      StaffRepository staff,
      TokenService tokens,
      Passwords passwords,
      AuthSettings settings,
      TransactionTemplate tx,
      Clock clock,
      ApplicationEventPublisher events,
      Audit audit) {
    this.staff = staff;
    this.tokens = tokens;
    this.passwords = passwords;
    this.settings = settings;
    this.tx = tx;
    this.clock = clock;
    this.events = events;
    this.audit = audit;
  }

  /** The active staff member with this id. */
  public Optional<StaffMember> findActive(UUID id) {
    return staff.findById(id).map(StaffRepository.Account::member).filter(StaffMember::active);
  }

  /**
   * The caller behind a bearer token, checked exactly as for an HTTP request (signature, expiry,
   * revocation, password change, active account); empty when the token is not usable. For channels
   * that cannot carry an {@code Authorization} header, such as a WebSocket handshake.
   */
  public Optional<Caller> authenticate(String token) {
    try {
      return Optional.of(tokens.authenticate(token));
    } catch (org.springframework.security.core.AuthenticationException e) {
      return Optional.empty();
    }
  }

  /** Display names of the given staff members, active or not. */
  public Map<UUID, String> names(Collection<UUID> ids) {
    return staff.names(ids);
  }

  /** The active admins, for alerts meant for them. */
  public List<StaffMember> activeAdmins() {
    return staff.listActive().stream().filter(m -> m.role() == Role.ADMIN).toList();
  }

  List<StaffMember> listActive() {
    return staff.listActive();
  }

  StaffMember profile(Caller caller) {
    return staff
        .findById(requireStaff(caller))
        .map(StaffRepository.Account::member)
        .orElseThrow(() -> StaffProblems.StaffNotFound.forId(caller.staffId()));
  }

  StaffMember register(@Nullable Caller caller, RegisterRequest request) {
    Role role = request.role() == null ? Role.PORTER : request.role();
    boolean admin = caller != null && caller.isAdmin();
    if (!admin) {
      if (!settings.openRegistration()) {
        throw caller == null
            ? NotAuthenticated.missingCredentials()
            : AccessDenied.because("Only an admin may register staff");
      }
      if (role != Role.PORTER) {
        throw AccessDenied.because("Only an admin may register another admin");
      }
    }
    StaffMember member =
        create(request.fullName(), request.email(), request.phone(), request.password(), role);
    audit.record(
        "staff.created",
        caller == null ? null : caller.staffId(),
        null,
        LoginService.label(member),
        "role " + role.value() + (admin ? ", with a password set by an admin" : ", registered"));
    return member;
  }

  StaffMember create(
      String fullName, @Nullable String email, @Nullable String phone, String password, Role role) {
    String normalEmail = normalEmail(email);
    String normalPhone = normalPhone(phone);
    if (normalEmail == null && normalPhone == null) {
      throw ValidationFailed.of("email", "an email or a phone number is required");
    }
    String weakness = PasswordPolicy.problemWith(password);
    if (weakness != null) {
      throw ValidationFailed.of("password", weakness);
    }
    StaffMember member =
        new StaffMember(
            Ids.newId(), fullName.strip(), normalEmail, normalPhone, role, true, clock.instant());
    String hash = passwords.hash(password);
    try {
      tx.executeWithoutResult(
          status -> {
            if (normalEmail != null && staff.exists("email", normalEmail)) {
              throw StaffProblems.ContactTaken.of("email");
            }
            if (normalPhone != null && staff.exists("phone", normalPhone)) {
              throw StaffProblems.ContactTaken.of("phone");
            }
            staff.insert(member, hash);
          });
    } catch (DataIntegrityViolationException e) {
      throw StaffProblems.ContactTaken.of("email or phone");
    } catch (DataAccessException e) {
      if (String.valueOf(e.getMessage()).contains("UNIQUE")) {
        throw StaffProblems.ContactTaken.of("email or phone");
      }
      throw e;
    }
    return member;
  }

  /**
   * Changes the caller's password and signs out every other session: tokens issued before now stop
   * working, and the answer carries a fresh one.
   */
  TokenService.IssuedToken changePassword(Caller caller, String current, String replacement) {
    UUID id = requireStaff(caller);
    StaffRepository.Account account =
        staff.findById(id).orElseThrow(() -> StaffProblems.StaffNotFound.forId(id));
    if (!passwords.matches(current, account.passwordHash())) {
      throw StaffProblems.PasswordRejected.because("The current password is wrong");
    }
    String weakness = PasswordPolicy.problemWith(replacement);
    if (weakness != null) {
      throw StaffProblems.PasswordRejected.because("The new password " + weakness);
    }
    long now = clock.instant().getEpochSecond();
    staff.updatePassword(id, passwords.hash(replacement), now);
    audit.record(
        "password.changed",
        id,
        LoginService.label(account.member()),
        null,
        "other sessions signed out");
    return tokens.issue(account.member());
  }

  void logout(Caller caller) {
    if (!caller.isStaff()) {
      throw AccessDenied.because("The service token cannot be revoked through the API");
    }
    if (caller.tokenId() != null && caller.tokenExpiresAt() != null) {
      staff.revoke(caller.tokenId(), caller.tokenExpiresAt());
      audit.record("logout", caller.staffId(), null, "session " + caller.tokenId(), null);
      events.publishEvent(new LoggedOut(caller.tokenId()));
    }
  }

  boolean anyAdmin() {
    return staff.anyAdmin();
  }

  Optional<StaffMember> findByEmail(String email) {
    String normal = normalEmail(email);
    return normal == null
        ? Optional.empty()
        : staff.findByLogin("email", normal).map(StaffRepository.Account::member);
  }

  @org.springframework.scheduling.annotation.Scheduled(
      fixedDelay = 3_600_000,
      initialDelay = 60_000)
  void forgetExpiredRevocations() {
    staff.forgetExpiredRevocations(clock.instant());
  }

  private static UUID requireStaff(Caller caller) {
    if (caller.staffId() == null) {
      throw AccessDenied.because("Only staff have a profile");
    }
    return caller.staffId();
  }

  private static @Nullable String normalEmail(@Nullable String email) {
    return email == null || email.isBlank() ? null : Contacts.email(email);
  }

  private static @Nullable String normalPhone(@Nullable String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    String normal = Contacts.phone(phone);
    if (normal == null) {
      throw ValidationFailed.of("phone", "must be 7 to 15 digits, optionally starting with +");
    }
    return normal;
  }
}

package org.hostel.complaints.staff;

import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt hashing with its 72-byte input limit made explicit. The policy refuses longer passwords
 * when they are set (rather than pre-hashing them, which would silently change every stored hash's
 * meaning); a longer one presented at login simply does not match, after the same work as a real
 * comparison so its answer takes as long.
 */
@Component
class Passwords {

  /** BCrypt reads at most this many bytes of a password. */
  static final int MAX_BYTES = 72;

  private final BCryptPasswordEncoder encoder;
  private final String dummyHash;

  Passwords(AuthSettings settings) {
    this.encoder = new BCryptPasswordEncoder(settings.passwordHashStrength());
    this.dummyHash = encoder.encode(PasswordPolicy.generate());
  }

  static boolean tooLong(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
  }

  String hash(String password) {
    return encoder.encode(password);
  }

  /** Whether the password matches the hash; a missing hash costs a comparison all the same. */
  boolean matches(String password, @org.jspecify.annotations.Nullable String hash) {
    if (hash == null || tooLong(password)) {
      encoder.matches("not-the-password", dummyHash);
      return false;
    }
    return encoder.matches(password, hash);
  }
}

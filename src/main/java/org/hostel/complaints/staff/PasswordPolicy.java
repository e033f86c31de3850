package org.hostel.complaints.staff;

import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;

/** At least 8 characters with an upper-case letter, a lower-case letter and a digit. */
final class PasswordPolicy {

  static final int MAX_LENGTH = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordPolicy() {}

  /** Why the password is too weak, or null when it is acceptable. */
  static @Nullable String problemWith(String password) {
    if (password.length() < 8) {
      return "must be at least 8 characters long";
    }
    if (password.length() > MAX_LENGTH) {
      return "must be at most " + MAX_LENGTH + " characters long";
    }
    if (password.chars().noneMatch(Character::isUpperCase)
        || password.chars().noneMatch(Character::isLowerCase)
        || password.chars().noneMatch(Character::isDigit)) {
      return "must contain an upper-case letter, a lower-case letter and a digit";
    }
    return null;
  }

  /** A random password that satisfies the policy, for the first admin of a new install. */
  static String generate() {
    String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    String lower = "abcdefghijkmnopqrstuvwxyz";
    String digits = "23456789";
    String all = upper + lower + digits;
    StringBuilder password = new StringBuilder();
    password.append(upper.charAt(RANDOM.nextInt(upper.length())));
    password.append(lower.charAt(RANDOM.nextInt(lower.length())));
    password.append(digits.charAt(RANDOM.nextInt(digits.length())));
    for (int i = 0; i < 13; i++) {
      password.append(all.charAt(RANDOM.nextInt(all.length())));
    }
    return password.toString();
  }
}

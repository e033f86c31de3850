package org.hostel.complaints.staff;

import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;

/**
 * At least 8 characters with an upper-case letter, a lower-case letter and a digit, and at most 72
 * bytes in UTF-8: BCrypt ignores the rest, and Spring's encoder refuses it outright.
 */
final class PasswordPolicy {

  static final int MAX_LENGTH = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordPolicy() {}

  /** Why the password is too weak, or null when it is acceptable. */
  static @Nullable String problemWith(String password) {
    if (password.length() < 8) {
      return "must be at least 8 characters long";
    }
    if (password.length() > MAX_LENGTH || Passwords.tooLong(password)) {
      return "must be at most " + Passwords.MAX_BYTES + " bytes long (UTF-8)";
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

package org.hostel.complaints.staff;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The one spelling of an e-mail address or phone number that accounts are stored and found by. */
final class Contacts {

  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{7,15}$");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");

  private Contacts() {}

  static String email(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /** The phone number without spaces, dots, dashes and brackets; null when it is not one. */
  static @Nullable String phone(String phone) {
    String normal = SEPARATORS.matcher(phone.strip()).replaceAll("");
    return PHONE.matcher(normal).matches() ? normal : null;
  }

  /** What a login name is counted under when no account has it. */
  static String loginKey(String username) {
    String trimmed = username.strip();
    if (trimmed.contains("@")) {
      return email(trimmed);
    }
    String phone = phone(trimmed);
    return phone != null ? phone : trimmed.toLowerCase(Locale.ROOT);
  }
}

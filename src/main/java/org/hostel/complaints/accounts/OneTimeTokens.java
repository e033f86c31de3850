package org.hostel.complaints.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random tokens for links in mails and pending logins: 256 bits, URL-safe; only their SHA-256 is
 * stored, so a copy of the database opens no account.
 */
final class OneTimeTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Longest token text accepted from a client; anything longer is no token of ours. */
  static final int MAX_LENGTH = 128;

  private OneTimeTokens() {}

  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.strip().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.hostel.complaints.accounts;

import java.time.Instant;

/** What an authenticator app shows, for tests in other packages (the browser tests). */
public final class TotpCodes {

  private TotpCodes() {}

  public static String code(String secret, Instant now, int stepsAhead) {
    return Totp.code(secret, Totp.step(now) + stepsAhead);
  }
}

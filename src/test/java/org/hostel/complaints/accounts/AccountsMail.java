package org.hostel.complaints.accounts;

import org.hostel.complaints.mail.SmtpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Mail settings for account tests: a GreenMail server and the public origin for links. */
final class AccountsMail {

  static final String ORIGIN = "https://complaints.example.org";

  private AccountsMail() {}

  static void register(DynamicPropertyRegistry registry, SmtpServer smtp) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", smtp::port);
    registry.add("complaints.mail.from", () -> "Hostel office <office@hostel.example>");
    registry.add("complaints.public-base-url", () -> ORIGIN);
    registry.add("complaints.outbox.first-retry", () -> "200ms");
    registry.add("complaints.outbox.max-retry-delay", () -> "1s");
  }
}

package org.hostel.complaints.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.util.Locale;
import org.hostel.complaints.outbox.Outbox;
import org.hostel.complaints.outbox.OutgoingMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders mails and stores them in the outbox, which sends them after the commit through the {@code
 * email} channel. Mail is on when {@code SPRING_MAIL_HOST} is set; then {@code
 * COMPLAINTS_MAIL_FROM} and {@code COMPLAINTS_PUBLIC_BASE_URL} are required.
 */
@Service
@EnableConfigurationProperties({MailSettings.class, PublicLinks.class})
public class Mailer {

  static final String CHANNEL = "email";
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final Outbox outbox;
  private final MailTemplates templates;
  private final boolean enabled;
  private final @Nullable URI origin;

  Mailer(
      Outbox outbox,
      MailTemplates templates,
      ObjectProvider<JavaMailSender> smtp,
      MailSettings settings,
      PublicLinks links) {
    this.outbox = outbox;
    this.templates = templates;
    this.enabled = smtp.getIfAvailable() != null;
    this.origin =
        links.publicBaseUrl().isBlank() ? null : PublicLinks.origin(links.publicBaseUrl());
    if (enabled && settings.from().isBlank()) {
      throw new IllegalStateException(
          "COMPLAINTS_MAIL_FROM is required when SPRING_MAIL_HOST is set");
    }
    if (enabled && origin == null) {
      throw new IllegalStateException(
          "COMPLAINTS_PUBLIC_BASE_URL is required when SPRING_MAIL_HOST is set: links in mails"
              + " start with it");
    }
  }

  /** Whether mail is configured; when it is not, {@link #enqueue} stores nothing. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Renders the mail and stores it in the caller's transaction; it is sent after the commit.
   *
   * @return false when mail is off or the dedup key was already stored (nothing new is stored)
   * @throws IllegalArgumentException for an invalid address, an unknown template, a placeholder
   *     without a value, or a link that is not an absolute http(s) URL
   * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
   */
  public boolean enqueue(MailRequest request) {
    if (!enabled) {
      return false;
    }
    String to = address(request.to());
    RenderedMail mail = templates.render(request);
    return outbox.enqueue(
        new OutgoingMessage(
            CHANNEL, to, request.template(), JSON.writeValueAsString(mail), request.dedupKey()));
  }

  /**
   * An absolute link to this service, from {@code COMPLAINTS_PUBLIC_BASE_URL}, for a mail's model.
   *
   * @param pathAndQuery e.g. {@code /track/abc}, starting with a slash
   */
  public URI link(String pathAndQuery) {
    if (origin == null) {
      throw new IllegalStateException("COMPLAINTS_PUBLIC_BASE_URL is not set");
    }
    if (!pathAndQuery.startsWith("/") || pathAndQuery.startsWith("//")) {
      throw new IllegalArgumentException("A link path starts with one slash");
    }
    return URI.create(origin + pathAndQuery);
  }

  /** One plain address, as the outbox's recipient (its key for order and reachability). */
  private static String address(String to) {
    try {
      InternetAddress address = new InternetAddress(to.strip(), true);
      if (address.getPersonal() != null || address.isGroup()) {
        throw new IllegalArgumentException("Give a plain e-mail address");
      }
      // Domains are case-insensitive; one spelling keeps one recipient's mails in one queue.
      String plain = address.getAddress();
      int at = plain.lastIndexOf('@');
      return plain.substring(0, at + 1) + plain.substring(at + 1).toLowerCase(Locale.ROOT);
    } catch (AddressException e) {
      throw new IllegalArgumentException("Not a valid e-mail address", e);
    }
  }
}

package org.hostel.complaints.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Locale;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.hostel.complaints.observability.Spans;
import org.hostel.complaints.outbox.ChannelSender;
import org.hostel.complaints.outbox.Delivery;
import org.hostel.complaints.outbox.PendingMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The {@code email} channel: sends a rendered mail over SMTP and says how it went. Reply codes on
 * the recipient decide: 4xx (and 552, "mailbox full") is worth another try; 550, 551, 553 and 501
 * mean the address does not exist or is unusable, so the recipient is gone; any other 5xx rejects
 * this one mail. A refused sender address or a failed login is the operator's to fix, so those are
 * retried rather than charged to the recipient. Reasons carry the reply code only: the server's
 * text usually repeats the address.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class EmailSender implements ChannelSender {

  private final JavaMailSender smtp;
  private final MailSettings settings;
  private final Spans spans;

  EmailSender(JavaMailSender smtp, MailSettings settings, Spans spans) {
    this.smtp = smtp;
    this.settings = settings;
    this.spans = spans;
  }

  @Override
  public String channel() {
    return Mailer.CHANNEL;
  }

  @Override
  public Delivery send(PendingMessage message) {
    MimeMessage mime;
    try {
      mime = mime(message);
    } catch (MessagingException e) {
      return new Delivery.RecipientGone("invalid address");
    }
    try {
      MimeMessage sent = mime;
      return spans.child(
          "smtp.send",
          "smtp send",
          () -> {
            smtp.send(sent);
            return new Delivery.Sent();
          });
    } catch (MailAuthenticationException e) {
      return new Delivery.RetryLater(null, "SMTP authentication failed");
    } catch (MailException e) {
      return outcome(e);
    }
  }

  private MimeMessage mime(PendingMessage message) throws MessagingException {
    RenderedMail mail = Mailer.JSON.readValue(message.payload(), RenderedMail.class);
    MimeMessage mime = new StableId((Session) null, message);
    MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
    helper.setFrom(settings.from());
    helper.setTo(message.recipient());
    helper.setSubject(mail.subject());
    helper.setText(mail.text(), mail.html());
    for (var header : mail.headers().entrySet()) {
      mime.setHeader(header.getKey(), header.getValue());
    }
    return mime;
  }

  static Delivery outcome(MailException failure) {
    Throwable cause =
        failure instanceof MailSendException send && !send.getFailedMessages().isEmpty()
            ? send.getFailedMessages().values().iterator().next()
            : failure.getCause();
    for (Throwable t = cause; t != null; t = next(t)) {
      if (t instanceof SMTPAddressFailedException rcpt) {
        return recipient(rcpt.getReturnCode());
      }
      if (t instanceof SMTPSenderFailedException from) {
        return new Delivery.RetryLater(null, "SMTP " + from.getReturnCode() + " on the sender");
      }
      if (t instanceof SMTPSendFailedException data) {
        int code = data.getReturnCode();
        return code >= 500
            ? new Delivery.Rejected("SMTP " + code)
            : new Delivery.RetryLater(null, "SMTP " + code);
      }
      if (t instanceof IOException) {
        return new Delivery.RetryLater(
            null, "SMTP connection failed: " + t.getClass().getSimpleName());
      }
    }
    String kind =
        cause == null ? failure.getClass().getSimpleName() : cause.getClass().getSimpleName();
    return new Delivery.RetryLater(null, "mail error: " + kind);
  }

  private static Delivery recipient(int code) {
    String reason = "SMTP " + code;
    return switch (code) {
      case 550, 551, 553, 501 -> new Delivery.RecipientGone(reason);
      case 552 -> new Delivery.RetryLater(null, reason);
      default ->
          code >= 500 ? new Delivery.Rejected(reason) : new Delivery.RetryLater(null, reason);
    };
  }

  /** The next exception in the chain: JavaMail links them through getNextException. */
  private static @Nullable Throwable next(Throwable t) {
    if (t instanceof MessagingException m
        && m.getNextException() != null
        && m.getNextException() != t) {
      return m.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  /**
   * Every attempt at one outbox message carries the same {@code Message-ID}, so a mail sent twice
   * (an instance died after the server accepted it) is recognisable as one by mail clients.
   */
  private static final class StableId extends MimeMessage {

    private final String id;

    StableId(@Nullable Session session, PendingMessage message) {
      super(session);
      this.id = message.id().toString().toLowerCase(Locale.ROOT);
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      String from =
          getFrom() != null && getFrom().length > 0 && getFrom()[0] instanceof InternetAddress a
              ? a.getAddress()
              : "";
      int at = from.lastIndexOf('@');
      String domain = at < 0 ? "localhost" : from.substring(at + 1);
      setHeader("Message-ID", "<" + id + "@" + domain + ">");
    }
  }
}

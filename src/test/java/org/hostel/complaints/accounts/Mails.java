package org.hostel.complaints.accounts;

import static org.hostel.complaints.testing.Eventually.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hostel.complaints.mail.SmtpServer;

/** Reads the mails an account flow sends and follows their links, as a person would. */
public final class Mails {

  private static final Pattern LINK = Pattern.compile("(https?://\\S+[#?]token=([A-Za-z0-9_-]+))");

  private Mails() {}

  /** The link of the {@code n}-th mail (from 1) to the address, once it has arrived. */
  public static Link link(SmtpServer smtp, String to, int n) {
    await("mail " + n + " to " + to + " arrives", () -> smtp.receivedBy(to).size() >= n);
    MimeMessage mail = smtp.receivedBy(to).get(n - 1);
    String text = text(mail);
    Matcher m = LINK.matcher(text);
    if (!m.find()) {
      throw new AssertionError("no link in " + text);
    }
    return new Link(subject(mail), m.group(1), m.group(2), text);
  }

  public record Link(String subject, String url, String token, String text) {}

  static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String text(Part part) {
    try {
      if (part.isMimeType("text/plain")) {
        return String.valueOf(part.getContent());
      }
      if (part.getContent() instanceof Multipart multi) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < multi.getCount(); i++) {
          all.append(text(multi.getBodyPart(i)));
        }
        return all.toString();
      }
      return "";
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  public static int count(SmtpServer smtp, String to) {
    List<MimeMessage> mails = smtp.receivedBy(to);
    return mails.size();
  }
}

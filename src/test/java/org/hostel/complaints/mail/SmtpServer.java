package org.hostel.complaints.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hostel.complaints.testing.ServiceProcess;

/**
 * A real SMTP server in this JVM (GreenMail) on a port of its own, that can be stopped and started
 * again on the same port, and that refuses recipients in {@link #NO_SUCH_DOMAIN} with {@code 550
 * 5.1.1} at {@code RCPT TO}, as Postfix does for a mailbox that does not exist. GreenMail accepts
 * every recipient on its own.
 */
public final class SmtpServer extends GreenMail {

  public static final String NO_SUCH_DOMAIN = "nobody.example";

  private final int port;

  private SmtpServer(int port) {
    super(setup(port));
    this.port = port;
  }

  /** GreenMail waits 2 s for its server to start by default; a busy machine may need longer. */
  private static ServerSetup setup(int port) {
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    setup.setServerStartupTimeout(30_000);
    return setup;
  }

  public static SmtpServer started() {
    SmtpServer server = new SmtpServer(ServiceProcess.freePort());
    server.start();
    return server;
  }

  public int port() {
    return port;
  }

  /** Messages received since the last start, to {@code address}, in the order they arrived. */
  public List<MimeMessage> receivedBy(String address) {
    return Arrays.stream(getReceivedMessages())
        .filter(m -> recipients(m).contains(address))
        .toList();
  }

  private static String recipients(MimeMessage message) {
    try {
      return String.join(",", message.getHeader("To"));
    } catch (MessagingException | NullPointerException e) {
      return "";
    }
  }

  @Override
  protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
    return super.createServices(config, new Refusing(managers));
  }

  /** GreenMail's managers, with an SMTP manager that refuses the unknown domain. */
  private static final class Refusing extends Managers {

    private final Managers delegate;
    private final SmtpManager smtp;

    Refusing(Managers delegate) {
      this.delegate = delegate;
      this.smtp =
          new SmtpManager(delegate.getImapHostManager(), delegate.getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress rcpt) {
              return rcpt.getHost().equalsIgnoreCase(NO_SUCH_DOMAIN)
                  ? "550 5.1.1 <" + rcpt.getEmail() + ">: Recipient address rejected: User unknown"
                  : null;
            }
          };
    }

    @Override
    public SmtpManager getSmtpManager() {
      return smtp;
    }

    @Override
    public UserManager getUserManager() {
      return delegate.getUserManager();
    }

    @Override
    public ImapHostManager getImapHostManager() {
      return delegate.getImapHostManager();
    }
  }
}

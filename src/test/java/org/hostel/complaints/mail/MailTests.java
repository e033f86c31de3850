package org.hostel.complaints.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hostel.complaints.testing.Eventually.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.outbox.ChannelSender;
import org.hostel.complaints.outbox.Outbox;
import org.hostel.complaints.testing.EmbeddedContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Mail through the outbox to a real SMTP server in this JVM, on the embedded default. */
// Settings of its own (the SMTP server's port): the context is never reused, so it is closed.
@DirtiesContext
@EmbeddedContext
class MailTests {

  static final SmtpServer SMTP = SmtpServer.started();
  static final String FROM = "Hostel office <office@hostel.example>";
  static final String ORIGIN = "https://complaints.example.org";

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", SMTP::port);
    registry.add("complaints.mail.from", () -> FROM);
    registry.add("complaints.public-base-url", () -> ORIGIN + "/");
    registry.add("complaints.outbox.first-retry", () -> "200ms");
    registry.add("complaints.outbox.max-retry-delay", () -> "1s");
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @Autowired Mailer mailer;
  @Autowired Outbox outbox;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  @Test
  void aMailArrivesInTextAndEscapedHtmlWithOneClickUnsubscribe() throws Exception {
    String to = address();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", "Ann <script>alert(1)</script> & co");
    model.put("reference", "C-1042");
    model.put("room", "A312");
    model.put("link", mailer.link("/track/abc?x=1&y=2"));
    String unsubscribe = ORIGIN + "/unsubscribe/tok";
    send(new MailRequest(to, "sample", Locale.ENGLISH, model, unsubscribe, null));

    await("the mail arrives", () -> SMTP.receivedBy(to).size() == 1);
    MimeMessage mail = SMTP.receivedBy(to).getFirst();
    assertThat(mail.getSubject()).isEqualTo("Complaint C-1042 was resolved");
    assertThat(mail.getFrom()[0].toString()).isEqualTo(FROM);
    assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
    assertThat(mail.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
    assertThat(mail.getMessageID()).endsWith("@hostel.example>");

    Map<String, String> parts = parts(mail);
    assertThat(parts.get("text/plain"))
        .contains("Hello Ann <script>alert(1)</script> & co,")
        .contains("room A312")
        .contains(ORIGIN + "/track/abc?x=1&y=2")
        .contains("Stop these e-mails: " + unsubscribe);
    assertThat(parts.get("text/html"))
        .contains("Hello Ann &lt;script&gt;alert(1)&lt;/script&gt; &amp; co,")
        .doesNotContain("<script>")
        .contains("<a href=\"" + ORIGIN + "/track/abc?x=1&amp;y=2\">")
        .contains("<a href=\"" + unsubscribe + "\">");
  }

  @Test
  void mailWaitsOutAMailServerOutageAndArrivesInOrder() {
    String to = address();
    SMTP.stop();
    try {
      for (String reference : List.of("C-1", "C-2", "C-3")) {
        send(sample(to, reference));
      }
      await("the first mail failed twice", () -> attemptsOfFirst(to) >= 2);
      assertThat(errors(to).getFirst()).startsWith("SMTP connection failed");
    } finally {
      SMTP.start();
    }

    await("all three arrive", () -> SMTP.receivedBy(to).size() == 3);
    assertThat(SMTP.receivedBy(to))
        .extracting(MimeMessage::getSubject)
        .containsExactly(
            "Complaint C-1 was resolved",
            "Complaint C-2 was resolved",
            "Complaint C-3 was resolved");
  }

  @Test
  void aMailboxThatDoesNotExistMakesItsAddressUnreachable() {
    String to = "ghost-" + UUID.randomUUID() + "@" + SmtpServer.NO_SUCH_DOMAIN;
    send(sample(to, "C-7"));

    await("the address is unreachable", () -> !outbox.isReachable("email", to));
    assertThat(errors(to)).containsExactly("SMTP 550");
    send(sample(to, "C-8"));
    assertThat(states(to)).containsExactly("failed", "suppressed");
    assertThat(SMTP.receivedBy(to)).isEmpty();
  }

  @Test
  void badRequestsAreRefusedBeforeAnythingIsStored() {
    String to = address();
    assertThatThrownBy(() -> send(sample("not an address", "C-1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> send(new MailRequest(to, "no_such", Locale.ENGLISH, Map.of(), null, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                send(
                    new MailRequest(to, "sample", Locale.ENGLISH, Map.of("name", "x"), null, null)))
        .hasMessageContaining("{reference}");
    Map<String, Object> script = new LinkedHashMap<>(model("C-1"));
    script.put("link", URI.create("javascript:alert(1)"));
    assertThatThrownBy(
            () -> send(new MailRequest(to, "sample", Locale.ENGLISH, script, null, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(states(to)).isEmpty();
  }

  @Test
  void mailIsOffWithoutAMailHostAndNeedsASenderAndAnOriginWithOne() {
    ApplicationContextRunner channel =
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
            .withBean(MailSettings.class, () -> new MailSettings("office@hostel.example"))
            .withUserConfiguration(
                EmailSender.class, org.hostel.complaints.observability.Spans.class);
    channel.run(context -> assertThat(context).doesNotHaveBean(ChannelSender.class));
    channel
        .withPropertyValues("spring.mail.host=127.0.0.1")
        .run(context -> assertThat(context).hasSingleBean(ChannelSender.class));

    Mailer off = mailer(false, "", "");
    assertThat(off.enabled()).isFalse();
    Boolean stored = tx.execute(s -> off.enqueue(sample(address(), "C-1")));
    assertThat(stored).isFalse();

    assertThatThrownBy(() -> mailer(true, "", ORIGIN)).hasMessageContaining("COMPLAINTS_MAIL_FROM");
    assertThatThrownBy(() -> mailer(true, FROM, ""))
        .hasMessageContaining("COMPLAINTS_PUBLIC_BASE_URL");
  }

  /** A mailer with or without an SMTP sender, with these settings. */
  Mailer mailer(boolean smtp, String from, String origin) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    if (smtp) {
      beans.addBean("smtp", new JavaMailSenderImpl());
    }
    return new Mailer(
        outbox,
        new MailTemplates(),
        beans.getBeanProvider(JavaMailSender.class),
        new MailSettings(from),
        new PublicLinks(origin));
  }

  @Test
  void thePublicBaseUrlIsAnHttpOrigin() {
    assertThat(PublicLinks.origin("https://complaints.example.org/").toString())
        .isEqualTo("https://complaints.example.org");
    assertThat(PublicLinks.origin("http://127.0.0.1:8000").toString())
        .isEqualTo("http://127.0.0.1:8000");
    for (String bad :
        List.of(
            "complaints.example.org",
            "ftp://complaints.example.org",
            "https://complaints.example.org/app",
            "https://user@complaints.example.org",
            "https://complaints.example.org?x=1",
            "https:///nohost")) {
      assertThatThrownBy(() -> new PublicLinks(bad))
          .as(bad)
          .hasMessageContaining("COMPLAINTS_PUBLIC_BASE_URL");
    }
  }

  static String address() {
    return "resident-" + UUID.randomUUID() + "@hostel.example";
  }

  static Map<String, Object> model(String reference) {
    return Map.of(
        "name",
        "Ann",
        "reference",
        reference,
        "room",
        "A312",
        "link",
        URI.create(ORIGIN + "/track/t"));
  }

  static MailRequest sample(String to, String reference) {
    return new MailRequest(to, "sample", Locale.ENGLISH, model(reference), null, null);
  }

  void send(MailRequest request) {
    tx.executeWithoutResult(s -> mailer.enqueue(request));
  }

  int attemptsOfFirst(String to) {
    return jdbc.sql(
            "SELECT attempts FROM outbox_messages WHERE recipient = :to ORDER BY seq LIMIT 1")
        .param("to", to)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  List<String> states(String to) {
    return jdbc.sql("SELECT state FROM outbox_messages WHERE recipient = :to ORDER BY seq")
        .param("to", to)
        .query(String.class)
        .list();
  }

  List<String> errors(String to) {
    return jdbc.sql("SELECT last_error FROM outbox_messages WHERE recipient = :to ORDER BY seq")
        .param("to", to)
        .query(String.class)
        .list();
  }

  /** The text/plain and text/html parts, wherever they sit in the multipart tree. */
  static Map<String, String> parts(Part part) throws Exception {
    Map<String, String> found = new LinkedHashMap<>();
    collect(part, found);
    return found;
  }

  private static void collect(Part part, Map<String, String> found) throws Exception {
    Object content = part.getContent();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, found);
      }
    } else if (part.isMimeType("text/plain")) {
      found.put("text/plain", text(content));
    } else if (part.isMimeType("text/html")) {
      found.put("text/html", text(content));
    }
  }

  private static String text(Object content) throws IOException {
    return content instanceof String s ? s : new String(((InputStream) content).readAllBytes());
  }
}

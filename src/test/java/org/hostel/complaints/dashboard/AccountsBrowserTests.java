package org.hostel.complaints.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostel.complaints.testing.Eventually.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hostel.complaints.mail.SmtpServer;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The account pages at phone width: accepting an invitation and resetting a password from the links
 * in real mails, two-factor enrolment and the two-step login, the audit log; each checked with
 * axe-core.
 */
@Tag("browser")
@DirtiesContext
@EmbeddedContext
class AccountsBrowserTests {

  static final SmtpServer SMTP = SmtpServer.started();
  static final String ORIGIN = "https://complaints.example.org";
  static final Pattern LINK = Pattern.compile(Pattern.quote(ORIGIN) + "(/dashboard/\\S+)");

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", SMTP::port);
    registry.add("complaints.mail.from", () -> "office@hostel.example");
    registry.add("complaints.public-base-url", () -> ORIGIN);
    registry.add("complaints.outbox.first-retry", () -> "200ms");
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @LocalServerPort int port;

  String base() {
    return "http://127.0.0.1:" + port;
  }

  @Test
  void anInviteeChoosesAPasswordFromTheMailedLinkAndLogsIn(Api api, Fixtures fixtures) {
    String email = "invitee-" + UUID.randomUUID() + "@test.local";
    assertThat(
            api.post(
                    "/api/v1/staff/invitations",
                    fixtures.adminToken(),
                    Map.of("email", email, "role", "porter", "full_name", "Ivy Invitee"))
                .status())
        .isEqualTo(201);
    try (Browser browser = Browser.open(base(), 390, 844)) {
      browser.driver.get(base() + link(email));
      browser.waitForText(By.cssSelector("form.login h1"), "choose your password");
      assertThat(browser.axeViolations()).isEmpty();
      browser.screenshot("accounts-invitation");
      browser.driver.findElement(By.name("password")).sendKeys("Invited-Passw0rd");
      browser.driver.findElement(By.name("again")).sendKeys("Invited-Passw0rd");
      browser.click(By.cssSelector("form.login button[type=submit]"));
      browser.waitForText(By.cssSelector("form.login .notice"), "Your account is ready");
      browser.login(email, "Invited-Passw0rd");
    }
  }

  @Test
  void aForgottenPasswordIsResetThroughTheLoginPage(Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    try (Browser browser = Browser.open(base(), 390, 844)) {
      browser.go("");
      browser.waitFor(By.id("forgot-link")).click();
      browser.waitFor(By.name("email")).sendKeys(porter.email());
      assertThat(browser.axeViolations()).isEmpty();
      browser.click(By.cssSelector("form.login button[type=submit]"));
      browser.waitForText(By.cssSelector("form.login .notice"), "on its way");

      browser.driver.get(base() + link(porter.email()));
      browser.waitForText(By.cssSelector("form.login h1"), "Choose a new password");
      browser.driver.findElement(By.name("new_password")).sendKeys("Reset-Passw0rd");
      browser.driver.findElement(By.name("again")).sendKeys("Reset-Passw0rd");
      browser.click(By.cssSelector("form.login button[type=submit]"));
      browser.waitForText(By.cssSelector("form.login .notice"), "Your password was changed");
      browser.login(porter.email(), "Reset-Passw0rd");
    }
  }

  @Test
  void twoFactorIsSetUpInTheProfileAndThenAskedAtLogin(Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    try (Browser browser = Browser.open(base(), 390, 844)) {
      browser.login(porter.email(), porter.password());
      browser.go("#/profile");
      browser.waitFor(By.xpath("//button[normalize-space()='Set up two-factor']")).click();
      String secret = browser.text(By.cssSelector(".totp-secret"));
      assertThat(browser.driver.findElement(By.cssSelector("img.qr")).getAttribute("src"))
          .startsWith("blob:");
      assertThat(browser.axeViolations()).isEmpty();
      browser.screenshot("accounts-2fa-enrolment");
      browser.driver.findElement(By.name("code")).sendKeys(code(secret, 0));
      browser.click(By.xpath("//button[normalize-space()='Turn on']"));
      browser.waitFor(By.cssSelector(".recovery-codes li"));
      assertThat(browser.driver.findElements(By.cssSelector(".recovery-codes li"))).hasSize(10);

      browser.click(By.id("logout"));
      browser.waitFor(By.name("username")).sendKeys(porter.email());
      browser.driver.findElement(By.name("password")).sendKeys(porter.password());
      browser.click(By.cssSelector("form.login button[type=submit]"));
      browser.waitForText(By.cssSelector("form.login h1"), "Two-factor check");
      assertThat(browser.axeViolations()).isEmpty();
      browser.driver.findElement(By.name("code")).sendKeys(code(secret, 1));
      browser.click(By.cssSelector("form.login button[type=submit]"));
      // Logged in again, back on the page the session ended on.
      browser.waitFor(By.id("topbar"));
      browser.waitForText(By.cssSelector("main h1"), "Profile");
      browser.waitForText(By.id("mfa-heading"), "Two-factor");
      assertThat(browser.text(By.cssSelector("section[aria-labelledby=mfa-heading]")))
          .contains("On:");
    }
  }

  @Test
  void adminsBrowseTheAuditLogAndInvitations(Fixtures fixtures) {
    Fixtures.Staff admin = fixtures.admin();
    try (Browser browser = Browser.open(base(), 390, 844)) {
      browser.login(admin.email(), admin.password());
      browser.go("#/audit");
      browser.waitFor(By.cssSelector("table.audit tbody tr"));
      assertThat(browser.text(By.cssSelector("table.audit tbody"))).contains("login.succeeded");
      assertThat(browser.axeViolations()).isEmpty();
      browser.screenshot("accounts-audit");
      browser.go("#/staff");
      browser.waitFor(By.id("invite-heading"));
      assertThat(browser.axeViolations()).isEmpty();
    }
  }

  static String code(String secret, int stepsAhead) {
    return org.hostel.complaints.accounts.TotpCodes.code(secret, Instant.now(), stepsAhead);
  }

  /** The dashboard path of the newest mail's link to the address. */
  static String link(String to) {
    await("a mail to " + to, () -> !SMTP.receivedBy(to).isEmpty());
    var mails = SMTP.receivedBy(to);
    Matcher m = LINK.matcher(text(mails.get(mails.size() - 1)));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  static String text(Part part) {
    try {
      if (part.isMimeType("text/plain")) {
        return String.valueOf(part.getContent());
      }
      StringBuilder all = new StringBuilder();
      if (part.getContent() instanceof Multipart multi) {
        for (int i = 0; i < multi.getCount(); i++) {
          all.append(text(multi.getBodyPart(i)));
        }
      }
      return all.toString();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}

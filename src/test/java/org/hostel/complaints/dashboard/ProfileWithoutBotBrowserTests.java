package org.hostel.complaints.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without a bot token the profile says Telegram alerts are off, rather than failing a button. */
@Tag("browser")
@EmbeddedContext
class ProfileWithoutBotBrowserTests {

  @LocalServerPort int port;

  @Test
  void theProfileSaysTelegramAlertsAreNotEnabled(Fixtures fixtures) {
    Fixtures.Staff admin = fixtures.admin();
    try (Browser browser = Browser.open("http://127.0.0.1:" + port, 390, 844)) {
      browser.login(admin.email(), admin.password());
      browser.go("#/profile");
      browser.waitFor(By.cssSelector(".profile dl"));
      browser.click(By.xpath("//button[normalize-space()='Link Telegram']"));

      browser.waitForText(
          By.cssSelector(".profile-telegram"), "Telegram alerts are not enabled on this server.");
      assertThat(browser.driver.findElements(By.cssSelector(".profile-telegram .error"))).isEmpty();
      assertThat(browser.axeViolations()).isEmpty();
    }
  }
}

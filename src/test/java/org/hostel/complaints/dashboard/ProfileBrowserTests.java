package org.hostel.complaints.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.hostel.complaints.telegram.FakeBotApi;
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
 * A staff member opens their profile on a phone, links their Telegram account with the button and
 * the bot (a local Bot API server over real HTTP) confirms the code the page showed.
 */
@Tag("browser")
// Its fake Bot API stops after the class: close the context too, rather than keep it cached.
@DirtiesContext
@EmbeddedContext
class ProfileBrowserTests {

  static FakeBotApi telegram;

  @DynamicPropertySource
  static void bot(DynamicPropertyRegistry registry) throws IOException {
    telegram = new FakeBotApi();
    registry.add("complaints.telegram.bot-token", () -> FakeBotApi.TOKEN);
    registry.add("complaints.telegram.bot-username", () -> "hostel_test_bot");
    registry.add("complaints.telegram.api-url", telegram::url);
    registry.add("complaints.telegram.poll-timeout", () -> "1s");
    registry.add("complaints.telegram.lease-ttl", () -> "3s");
    registry.add("complaints.outbox.first-retry", () -> "200ms");
    registry.add("complaints.outbox.poll-interval", () -> "200ms");
  }

  @AfterAll
  static void stop() {
    telegram.close();
  }

  @LocalServerPort int port;

  @Test
  void aPorterLinksTheirTelegramFromTheProfileOnAPhone(Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    try (Browser browser = Browser.open("http://127.0.0.1:" + port, 390, 844)) {
      browser.login(porter.email(), porter.password());
      browser.click(By.cssSelector("a[data-nav='profile']"));
      browser.waitFor(By.cssSelector(".profile dl"));
      assertThat(browser.text(By.cssSelector(".profile dl")))
          .contains(porter.email())
          .contains("porter");

      browser.click(By.xpath("//button[normalize-space()='Link Telegram']"));
      String deepLink = browser.waitFor(By.cssSelector("a.deep-link")).getAttribute("href");
      assertThat(deepLink).startsWith("https://t.me/hostel_test_bot?start=link-");
      String command = browser.text(By.cssSelector(".start-command"));
      assertThat(command).isEqualTo("/start " + deepLink.substring(deepLink.indexOf("link-")));
      assertThat(browser.text(By.cssSelector(".telegram-link"))).contains("expires at");

      assertThat(browser.axeViolations()).isEmpty();
      assertThat(
              (Long)
                  browser.script("return document.documentElement.scrollWidth - window.innerWidth"))
          .isLessThanOrEqualTo(0L);
      browser.screenshot("profile-telegram-phone");

      long chat = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
      int before = telegram.count(chat);
      telegram.userSends(chat, command);
      assertThat(telegram.awaitText(chat, before, "Linked: you are").text()).contains("porter");
    }
  }
}

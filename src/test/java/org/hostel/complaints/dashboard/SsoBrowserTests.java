package org.hostel.complaints.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.oidcprovider.IdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** "Sign in with ..." on the login page, through a real OpenID provider's own login form. */
@Tag("browser")
@DirtiesContext
@EmbeddedContext
class SsoBrowserTests {

  static final ConfigurableApplicationContext PROVIDER = IdentityProvider.start();

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) {
    registry.add(
        "complaints.oidc.issuer-uri", () -> "http://localhost:" + IdentityProvider.port(PROVIDER));
    registry.add("complaints.oidc.client-id", () -> "complaints");
    registry.add("complaints.oidc.client-secret", () -> "complaints-secret");
    registry.add("complaints.oidc.provider-name", () -> "Test University");
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.close();
  }

  @LocalServerPort int port;

  @Test
  void aPersonSignsInAtTheProviderAndLandsInTheDashboard(Api api, Fixtures fixtures) {
    api.post(
        "/auth/register",
        fixtures.adminToken(),
        Map.of(
            "full_name",
            "Existing",
            "email",
            "existing@uni.example",
            "password",
            "Existing-Passw0rd",
            "role",
            "porter"));
    try (Browser browser = Browser.open("http://127.0.0.1:" + port, 390, 844)) {
      browser.go("");
      browser.waitForText(By.id("sso-link"), "Sign in with Test University");
      assertThat(browser.axeViolations()).isEmpty();
      browser.click(By.id("sso-link"));
      browser.waitFor(By.name("username")).sendKeys("existing@uni.example");
      browser.driver.findElement(By.name("password")).sendKeys(IdentityProvider.PASSWORD);
      browser.click(By.cssSelector("button[type=submit]"));
      browser.waitFor(By.id("topbar"));
      browser.waitFor(By.cssSelector("table.complaints"));
      assertThat(browser.text(By.id("who"))).contains("Existing");
    }
  }

  @Test
  void aPersonWithoutAnAccountIsToldSoOnTheLoginPage() {
    try (Browser browser = Browser.open("http://127.0.0.1:" + port, 390, 844)) {
      browser.go("");
      browser.waitFor(By.id("sso-link")).click();
      browser.waitFor(By.name("username")).sendKeys("stranger@uni.example");
      browser.driver.findElement(By.name("password")).sendKeys(IdentityProvider.PASSWORD);
      browser.click(By.cssSelector("button[type=submit]"));
      browser.waitForText(By.cssSelector("form.login .notice"), "no account for your e-mail");
      assertThat(browser.axeViolations()).isEmpty();
    }
  }
}

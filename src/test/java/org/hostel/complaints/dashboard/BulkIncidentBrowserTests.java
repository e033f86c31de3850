package org.hostel.complaints.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18's bulk selection in the list and incident entry for admins, on a phone: two rows get a
 * priority at once and the per-item results show; an incident is declared, shows in the list's
 * banner, gets a new message, links nothing that does not match, and is resolved.
 */
@Tag("browser")
@EmbeddedContext
class BulkIncidentBrowserTests {

  @LocalServerPort int port;
  Api api;
  Fixtures fixtures;
  String base;

  @BeforeEach
  void setUp() {
    api = Api.onPort(port);
    fixtures = new Fixtures(api);
    base = "http://127.0.0.1:" + port;
  }

  @Test
  void twoRowsGetAPriorityAtOnceAndTheResultsShow() {
    String word = unique();
    JsonNode first = submit("The corridor light flickers " + word);
    JsonNode second = submit("Corridor light flickering at night " + word);
    JsonNode third;

    try (Browser browser = Browser.open(base, 390, 844)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      browser.go("#/complaints?q=" + word);
      browser.waitForText(By.cssSelector(".summary"), "of 2");
      assertThat(browser.driver.findElement(By.id("bulk-bar")).isDisplayed()).isFalse();
      browser.waitFor(By.id("bulk-all")).click();
      browser.waitForText(By.id("bulk-count"), "2 chosen");
      assertThat(browser.axeViolations()).isEmpty();
      new Select(browser.waitFor(By.id("bulk-action"))).selectByValue("priority");
      new Select(browser.waitFor(By.id("bulk-value"))).selectByValue("urgent");
      browser.waitFor(By.id("bulk-apply")).click();
      browser.waitForText(By.id("bulk-results"), "2 of 2 done.");
      assertThat(browser.axeViolations()).isEmpty();
      browser.screenshot("bulk-priority-done");

      // One row alone, a move the status machine refuses: the failure is named with its reason.
      WebElement box =
          browser.waitFor(
              By.cssSelector("tr[data-id='" + first.get("id").asString() + "'] input.bulk-choose"));
      box.click();
      new Select(browser.waitFor(By.id("bulk-action"))).selectByValue("status");
      new Select(browser.waitFor(By.id("bulk-value"))).selectByValue("on_hold");
      browser.waitFor(By.id("bulk-reason"));
      new Select(browser.waitFor(By.id("bulk-value"))).selectByValue("closed");
      assertThat(browser.driver.findElement(By.id("bulk-reason")).isDisplayed()).isFalse();
      browser.waitFor(By.id("bulk-apply")).click();
      browser.waitForText(By.id("bulk-results"), "0 of 1 done, 1 failed:");
      assertThat(
              browser.text(
                  By.cssSelector(
                      ".bulk-failures li[data-id='" + first.get("id").asString() + "']")))
          .contains(first.get("reference").asString());
      assertThat(browser.axeViolations()).isEmpty();
      browser.screenshot("bulk-status-failed");

      // A third report closed as a duplicate of the first, named by the reference on the page.
      third = submit("Light in the corridor keeps flickering " + word);
      browser.go("#/complaints?q=" + word);
      browser.waitForText(By.cssSelector(".summary"), "of 3");
      browser
          .waitFor(
              By.cssSelector("tr[data-id='" + third.get("id").asString() + "'] input.bulk-choose"))
          .click();
      new Select(browser.waitFor(By.id("bulk-action"))).selectByValue("duplicate_of");
      browser.waitFor(By.id("bulk-value")).sendKeys(first.get("reference").asString());
      browser.waitFor(By.id("bulk-apply")).click();
      browser.waitForText(By.id("bulk-results"), "1 of 1 done.");
      assertThat(browser.axeViolations()).isEmpty();
    }
    JsonNode merged =
        api.get("/api/v1/complaints/" + third.get("id").asString(), fixtures.adminToken()).json();
    assertThat(merged.get("status").asString()).isEqualTo("closed");
    assertThat(merged.get("duplicate_of").asString()).isEqualTo(first.get("id").asString());
    for (JsonNode complaint : new JsonNode[] {first, second}) {
      JsonNode now =
          api.get("/api/v1/complaints/" + complaint.get("id").asString(), fixtures.adminToken())
              .json();
      assertThat(now.get("priority").asString()).isEqualTo("urgent");
      assertThat(now.get("status").asString()).isEqualTo("reported");
    }
  }

  @Test
  void anAdminDeclaresChangesAndResolvesAnIncident() {
    String title = "Water off in block C " + unique();
    // At least one row for the bulk bar below, whatever ran before.
    submit("Shower drain blocked " + unique());

    try (Browser browser = Browser.open(base, 390, 844)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      browser.waitFor(By.cssSelector("[data-nav='incidents']"));
      browser.go("#/incidents");
      browser.waitFor(By.id("incident-title")).sendKeys(title);
      new Select(browser.waitFor(By.id("incident-category"))).selectByValue("plumbing");
      browser.waitFor(By.cssSelector("input[name='hostels'][value='block-c']")).click();
      // A wing no complaint has, so linking finds nothing of other tests.
      browser.waitFor(By.id("incident-wings")).sendKeys("Z9");
      browser.waitFor(By.id("incident-message")).sendKeys("The mains are being repaired.");
      browser.waitFor(By.cssSelector("form[aria-labelledby='declare-incident'] button")).click();
      browser.waitForText(By.cssSelector(".notice.success"), "declared");
      assertThat(browser.axeViolations()).isEmpty();
      browser.screenshot("incident-declared");

      JsonNode incident = active(title);
      String card = "li[data-incident='" + incident.get("id").asString() + "'] ";
      WebElement message = browser.waitFor(By.cssSelector(card + "textarea[name='message']"));
      message.clear();
      message.sendKeys("Water is back by six.");
      browser.waitFor(By.cssSelector(card + "form button")).click();
      browser.waitForText(By.cssSelector(".notice.success"), "reporters are told");
      browser.waitFor(By.cssSelector(card + "[data-action='link']")).click();
      browser.waitForText(By.cssSelector(".notice.success"), "0 open complaint(s) linked");

      browser.go("#/complaints");
      browser.waitForText(By.cssSelector(".incident-banner"), title);
      assertThat(browser.text(By.cssSelector(".incident-banner")))
          .contains("Water is back by six.");

      // The bulk bar offers the active incident to link chosen complaints to.
      browser.waitFor(By.cssSelector("input.bulk-choose")).click();
      new Select(browser.waitFor(By.id("bulk-action"))).selectByValue("incident");
      browser.waitForText(By.id("bulk-value"), title);

      browser.go("#/incidents");
      browser.waitFor(By.cssSelector(card + "[data-action='resolve']")).click();
      browser.waitFor(By.cssSelector(card + "[data-action='resolve-confirm']")).click();
      browser.waitForText(By.cssSelector(".notice.success"), "resolved");
      assertThat(browser.driver.findElements(By.cssSelector(card))).isEmpty();
      assertThat(browser.axeViolations()).isEmpty();
    }
    JsonNode after =
        api.get("/api/v1/incidents/" + active(title, "resolved").get("id").asString(), admin())
            .json();
    assertThat(after.get("status").asString()).isEqualTo("resolved");
    assertThat(after.get("message").asString()).isEqualTo("Water is back by six.");
  }

  private String admin() {
    return fixtures.adminToken();
  }

  private JsonNode active(String title) {
    return active(title, "active");
  }

  private JsonNode active(String title, String status) {
    for (JsonNode item :
        api.get("/api/v1/incidents?status=" + status, admin()).json().get("items")) {
      if (item.get("title").asString().equals(title)) {
        return item;
      }
    }
    throw new AssertionError("no " + status + " incident " + title);
  }

  private JsonNode submit(String description) {
    Map<String, Object> body = Fixtures.complaint(Fixtures.reporter());
    body.put("hostel", "block-d");
    body.put("category", "electrical");
    body.put("description", description);
    return fixtures.submit(body);
  }

  private static String unique() {
    return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}

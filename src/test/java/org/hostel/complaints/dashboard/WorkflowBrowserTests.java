package org.hostel.complaints.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A porter's day from "My work" on a phone, the admin's overdue view, and internal notes. */
@Tag("browser")
@EmbeddedContext
class WorkflowBrowserTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  String base() {
    return "http://127.0.0.1:" + port;
  }

  JsonNode submit(Fixtures fixtures, String severity, String description) {
    Map<String, Object> body = new LinkedHashMap<>(Fixtures.complaint(Fixtures.reporter()));
    body.put("severity", severity);
    body.put("description", description);
    return fixtures.submit(body);
  }

  void noSidewaysScroll(Browser browser) {
    assertThat(
            (Long)
                browser.script("return document.documentElement.scrollWidth - window.innerWidth"))
        .isLessThanOrEqualTo(0L);
  }

  @Test
  void aPorterRunsTheirDayFromMyWorkOnAPhone(Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    JsonNode low = submit(fixtures, "low", "Loose hinge on the wardrobe door");
    JsonNode high = submit(fixtures, "high", "Water coming through the ceiling");
    fixtures.assign(low.get("id").asString(), porter.id());
    fixtures.assign(high.get("id").asString(), porter.id());

    try (Browser browser = Browser.open(base(), 390, 844)) {
      browser.login(porter.email(), porter.password());
      browser.click(By.cssSelector("a[data-nav='work']"));
      browser.waitFor(By.cssSelector(".work-item"));
      List<WebElement> items = browser.driver.findElements(By.cssSelector(".work-item h2"));
      assertThat(items.get(0).getText()).startsWith(high.get("reference").asString());
      assertThat(items.get(1).getText()).startsWith(low.get("reference").asString());
      assertThat(browser.text(By.cssSelector(".work-list"))).contains("high priority", "due in");
      assertThat(browser.driver.findElement(By.id("on-duty")).isSelected()).isTrue();
      assertThat(browser.axeViolations()).isEmpty();
      noSidewaysScroll(browser);
      browser.screenshot("my-work-phone");

      String ref = high.get("reference").asString();
      browser.click(By.cssSelector("[data-action='in_progress-" + ref + "']"));
      browser.waitForText(By.cssSelector(".notice"), ref + ": in progress.");
      browser.click(By.cssSelector("[data-action='comment-" + ref + "']"));
      browser
          .driver
          .findElement(By.cssSelector("textarea[aria-label='Comment on " + ref + "']"))
          .sendKeys("Bucket under the leak, plumber called");
      browser.click(By.xpath("//button[normalize-space()='Save note']"));
      browser.waitForText(By.cssSelector(".notice"), "Note saved.");
      browser.click(By.cssSelector("[data-action='resolved-" + ref + "']"));
      browser.waitForText(By.cssSelector(".notice"), ref + ": resolved.");
      assertThat(browser.text(By.cssSelector(".work-list"))).doesNotContain(ref + " ·");

      browser.click(By.id("on-duty"));
      browser.waitForText(By.cssSelector(".notice"), "You are off duty");
    }
    Api api = Api.onPort(port);
    assertThat(api.get("/api/v1/profile/duty", porter.token()).json().get("on_duty").asBoolean())
        .isFalse();
    JsonNode comments =
        api.get("/api/v1/complaints/" + high.get("id").asString() + "/comments", porter.token())
            .json();
    assertThat(comments.get(0).get("visibility").asString()).isEqualTo("internal");
  }

  @Test
  void anAdminSeesWhatIsLateAndWhy(Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    JsonNode late = submit(fixtures, "medium", "Window will not close in the stairwell");
    String id = late.get("id").asString();
    fixtures.assign(id, porter.id());
    long past = Instant.now().minus(Duration.ofHours(3)).toEpochMilli();
    jdbc.sql(
            "UPDATE complaints SET resolution_due_at = :past, resolution_warn_at = :past,"
                + " due_at = :past, warn_at = :past WHERE id = :id")
        .param("past", past)
        .param("id", id)
        .update();

    try (Browser browser = Browser.open(base(), 390, 844)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      browser.click(By.cssSelector("a[data-nav='overdue']"));
      browser.waitFor(By.cssSelector(".work-item.overdue"));
      WebElement item =
          browser.waitFor(By.cssSelector(".work-item.overdue[data-complaint='" + id + "']"));
      assertThat(item.getText())
          .contains(late.get("reference").asString())
          .contains("Missed: resolution was due")
          .contains("Late: resolution overdue by 3 h")
          .contains("Assigned to Test porter");
      assertThat(browser.axeViolations()).isEmpty();
      noSidewaysScroll(browser);
      browser.screenshot("overdue-phone");
    }
  }

  @Test
  void anInternalNoteIsHiddenFromAPorterWhoIsNotAssigned(Fixtures fixtures) {
    Fixtures.Staff assignee = fixtures.porter();
    Fixtures.Staff other = fixtures.porter();
    JsonNode c = submit(fixtures, "medium", "Radiator cold in room");
    String id = c.get("id").asString();
    fixtures.assign(id, assignee.id());
    Api api = Api.onPort(port);
    String note = "<b>Master key</b> is with the warden";
    assertThat(
            api.post(
                    "/api/v1/complaints/" + id + "/comments",
                    fixtures.adminToken(),
                    Map.of("body", note, "visibility", "internal"))
                .status())
        .isEqualTo(201);

    try (Browser browser = Browser.open(base(), 390, 844)) {
      browser.login(other.email(), other.password());
      browser.go("#/complaints/" + id);
      browser.waitForText(By.tagName("h1"), "Not found");
      assertThat(browser.driver.getPageSource()).doesNotContain("Master key");
    }
    try (Browser browser = Browser.open(base(), 390, 844)) {
      browser.login(assignee.email(), assignee.password());
      browser.go("#/complaints/" + id);
      WebElement shown = browser.waitFor(By.cssSelector(".comment.internal .comment-body"));
      assertThat(shown.getText()).isEqualTo(note);
      assertThat(browser.driver.findElements(By.cssSelector(".comment-body b"))).isEmpty();
      assertThat(browser.text(By.cssSelector(".comment.internal"))).contains("Internal note");
      assertThat(browser.axeViolations()).isEmpty();
      browser.screenshot("internal-note-phone");
    }
  }

  @Test
  void anAdminAddsAndRemovesAnAssignmentRuleInTheDashboard(Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    String name = "Pest team " + porter.id();
    try (Browser browser = Browser.open(base(), 390, 844)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      browser.go("#/rules");
      browser.waitFor(By.cssSelector("form.card input[name='name']")).sendKeys(name);
      new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.name("hostel")))
          .selectByValue("block-c");
      new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.name("category")))
          .selectByValue("pest");
      browser
          .waitFor(By.cssSelector("input[name='porter_ids'][value='" + porter.id() + "']"))
          .click();
      browser.click(By.xpath("//button[normalize-space()='Add rule']"));
      browser.waitForText(By.cssSelector(".notice"), "added");
      WebElement rule = browser.waitFor(By.xpath("//li[h2[normalize-space()='" + name + "']]"));
      assertThat(rule.getText()).contains("Block C · pest → Test porter");
      assertThat(browser.axeViolations()).isEmpty();
      noSidewaysScroll(browser);
      browser.screenshot("rules-phone");

      rule.findElement(By.xpath(".//button[normalize-space()='Delete']")).click();
      browser.waitForText(By.cssSelector(".notice"), "deleted");
    }
    assertThat(Api.onPort(port).get("/api/v1/assignment-rules", fixtures.adminToken()).body())
        .doesNotContain(name);
  }
}

package org.hostel.complaints.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The dashboard in a real browser against the running service. */
@Tag("browser")
@EmbeddedContext
class DashboardBrowserTests {

  @LocalServerPort int port;
  Api api;
  Fixtures fixtures;
  String base;

  @BeforeEach
  void setUp(Api api, Fixtures fixtures) {
    this.api = api;
    this.fixtures = fixtures;
    base = "http://127.0.0.1:" + port;
  }

  /** A word no other complaint contains, so that a search finds only this test's complaints. */
  static String word() {
    return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  JsonNode complaint(String description, String hostel, String category, String severity) {
    Map<String, Object> body = Fixtures.complaint(Fixtures.reporter());
    body.put("description", description);
    body.put("hostel", hostel);
    String letter = hostel.substring(hostel.length() - 1).toUpperCase(java.util.Locale.ROOT);
    body.put("room_number", letter + (hostel.equals("block-c") ? "204" : "312"));
    body.put("category", category);
    body.put("severity", severity);
    return fixtures.submit(body);
  }

  static List<WebElement> rows(Browser browser) {
    return browser.driver.findElements(By.cssSelector("table.complaints tbody tr"));
  }

  /** Searches for {@code word} and waits until the list shows that search. */
  static void search(Browser browser, String word) {
    browser.waitFor(By.id("filter-q")).sendKeys(word);
    browser.waitUntil(d -> d.getCurrentUrl().contains("q=" + word));
    browser.waitForText(By.cssSelector(".summary"), "Showing");
  }

  /** The first row's text; rows are replaced when the live feed reports a change. */
  static String firstRow(Browser browser) {
    return browser.text(By.cssSelector("table.complaints tbody tr"));
  }

  static void waitForRows(Browser browser, int count) {
    browser.waitUntil(d -> rows(browser).size() == count);
  }

  @Test
  void anAdminLogsInAndStaysLoggedInAcrossAReloadWithoutScriptsSeeingTheToken() {
    try (Browser browser = Browser.open(base)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);

      assertThat(browser.text(By.id("who"))).contains("Administrator");
      assertThat((String) browser.script("return document.cookie"))
          .doesNotContain("complaints_session");
      assertThat(browser.driver.manage().getCookieNamed("complaints_session").isHttpOnly())
          .isTrue();
      browser.driver.navigate().refresh();
      browser.waitFor(By.cssSelector("table.complaints"));
      assertThat(browser.driver.findElements(By.name("password"))).isEmpty();

      browser.click(By.id("logout"));
      browser.waitFor(By.name("password"));
      browser.driver.navigate().refresh();
      assertThat(browser.waitFor(By.name("password")).isDisplayed()).isTrue();
      browser.screenshot("login");
    }
  }

  @Test
  void filtersAndSearchNarrowTheListAndTheUrlCanBeBookmarked() {
    String word = word();
    complaint("Flickering light " + word + " in the corridor", "block-c", "electrical", "low");
    complaint("Dripping shower " + word + " in the bathroom", "block-c", "plumbing", "medium");
    complaint("Broken window " + word + " in the lounge", "block-a", "carpentry", "high");

    try (Browser browser = Browser.open(base)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      WebElement search = browser.waitFor(By.id("filter-q"));
      search.sendKeys(word);
      waitForRows(browser, 3);
      new Select(browser.driver.findElement(By.id("filter-hostel"))).selectByValue("block-c");
      waitForRows(browser, 2);
      @SuppressWarnings("unchecked")
      List<String> texts =
          (List<String>)
              browser.script(
                  "return [...document.querySelectorAll('table.complaints tbody tr')]"
                      + ".map(r => r.innerText)");
      assertThat(texts).hasSize(2).allSatisfy(text -> assertThat(text).contains("Block C"));
      new Select(browser.driver.findElement(By.id("filter-category"))).selectByValue("electrical");
      waitForRows(browser, 1);
      assertThat(firstRow(browser)).contains("Flickering light");

      String url = browser.driver.getCurrentUrl();
      assertThat(url).contains("q=" + word, "hostel=block-c", "category=electrical");
      browser.driver.get("about:blank");
      browser.driver.get(url);
      waitForRows(browser, 1);
      assertThat(browser.driver.findElement(By.id("filter-q")).getAttribute("value"))
          .isEqualTo(word);
      assertThat(
              new Select(browser.driver.findElement(By.id("filter-hostel")))
                  .getFirstSelectedOption()
                  .getText())
          .isEqualTo("Block C");
      assertThat(browser.text(By.cssSelector(".status-strip"))).contains("reported");
    }
  }

  @Test
  void openingAComplaintAndMovingItAlongIsShownInItsHistory() {
    String word = word();
    String id =
        complaint("Radiator cold " + word + " all week", "block-a", "plumbing", "medium")
            .get("id")
            .asString();

    try (Browser browser = Browser.open(base)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      search(browser, word);
      waitForRows(browser, 1);
      rows(browser).getFirst().findElement(By.tagName("a")).click();
      browser.waitFor(By.id("description"));
      assertThat(browser.text(By.id("description")))
          .isEqualTo("Radiator cold " + word + " all week");
      assertThat(browser.text(By.cssSelector(".fields")))
          .contains("Block A", "A312", "plumbing", "Unassigned");

      browser.waitFor(By.cssSelector("[data-action='status-in_progress']")).click();

      browser.waitUntil(
          d -> d.findElement(By.cssSelector(".badges .badge")).getText().equals("in progress"));
      browser.waitUntil(
          d ->
              d.findElement(By.cssSelector(".history"))
                  .getText()
                  .contains("moved it from reported to in progress"));
      List<String> offered = new ArrayList<>();
      for (WebElement button :
          browser.driver.findElements(By.cssSelector(".actions [role=group] button"))) {
        offered.add(button.getText());
      }
      assertThat(offered)
          .containsExactlyInAnyOrder("Mark resolved", "Put back to reported", "Put on hold");
      assertThat(
              api.get("/api/v1/complaints/" + id, fixtures.adminToken())
                  .json()
                  .get("status")
                  .asString())
          .isEqualTo("in_progress");
      browser.screenshot("detail");
    }
  }

  /**
   * The live and photo features are built alongside the dashboard. Until the service serves them
   * (the contract's {@code /api/v1/websocket/health} and photo list), the two tests that need them
   * are reported as skipped with this reason instead of failing; they run once the features are
   * there. Both pass against the realtime and photo branches merged with this one.
   */
  void assumeServed(String path, String feature) {
    Assumptions.assumeTrue(
        api.get(path, fixtures.adminToken()).status() != 404,
        feature + " is not in this build yet, so this browser test cannot run");
  }

  @Test
  void aSecondSessionSeesAStatusChangeAndANewComplaintWithoutReloading() {
    assumeServed("/api/v1/websocket/health", "The realtime feature (WS /ws/dashboard)");
    String word = word();
    String id =
        complaint("Heating off " + word + " since noon", "block-b", "other", "low")
            .get("id")
            .asString();

    try (Browser watcher = Browser.open(base);
        Browser actor = Browser.open(base)) {
      watcher.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      search(watcher, word);
      waitForRows(watcher, 1);
      watcher.waitForText(By.id("live-text"), "Live");
      watcher.script("window.notReloaded = true");

      actor.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      actor.go("#/complaints/" + id);
      actor.waitFor(By.cssSelector("[data-action='status-in_progress']")).click();
      actor.waitUntil(
          d -> d.findElement(By.cssSelector(".badges .badge")).getText().equals("in progress"));

      watcher.waitForText(By.cssSelector("table.complaints tbody tr"), "in progress");
      complaint("Flooded floor " + word + " near the stairs", "block-b", "plumbing", "high");
      waitForRows(watcher, 2);
      assertThat(firstRow(watcher)).contains("Flooded floor");
      assertThat(watcher.text(By.cssSelector("#toasts .toast")))
          .contains("New high-severity complaint");
      assertThat(watcher.script("return window.notReloaded")).isEqualTo(true);
      watcher.screenshot("live-update");
    }
  }

  @Test
  void aPhoneInComplaintWithAPhotoShowsItsThumbnailWhichOpensTheFullImage() throws IOException {
    assumeServed(
        "/api/v1/complaints/" + fixtures.submit().get("id").asString() + "/photos",
        "The photo feature (/api/v1/complaints/{id}/photos)");
    String word = word();
    Path photo = Files.createTempFile("dashboard-photo", ".png");
    BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(30, 120, 200));
    g.fillRect(0, 0, 640, 480);
    g.setColor(Color.ORANGE);
    g.fillOval(160, 80, 320, 320);
    g.dispose();
    ImageIO.write(image, "png", photo.toFile());

    try (Browser browser = Browser.open(base)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      browser.go("#/new");
      new Select(browser.waitFor(By.name("hostel"))).selectByValue("block-d");
      browser.driver.findElement(By.name("room_number")).sendKeys("d101");
      new Select(browser.driver.findElement(By.name("category"))).selectByValue("pest");
      new Select(browser.driver.findElement(By.name("severity"))).selectByValue("high");
      browser
          .driver
          .findElement(By.name("description"))
          .sendKeys("Mice seen near the bins " + word);
      browser.driver.findElement(By.name("photos")).sendKeys(photo.toAbsolutePath().toString());
      browser.click(By.cssSelector("form button[type=submit]"));

      browser.waitFor(By.id("description"));
      assertThat(browser.text(By.cssSelector(".fields"))).contains("D101", "Block D", "pest");
      WebElement thumbnail = browser.waitFor(By.cssSelector(".photos img"));
      browser.waitUntil(
          d -> (Long) browser.script("return arguments[0].naturalWidth", thumbnail) > 0);
      browser.click(By.cssSelector(".photos .thumb"));
      WebElement full = browser.waitFor(By.cssSelector("dialog.viewer[open] img"));
      browser.waitUntil(d -> (Long) browser.script("return arguments[0].naturalWidth", full) > 0);
      assertThat((Long) browser.script("return arguments[0].naturalWidth", full))
          .isGreaterThan((Long) browser.script("return arguments[0].naturalWidth", thumbnail));
      browser.screenshot("photo");
      browser.click(By.cssSelector("dialog.viewer button"));
      browser.waitUntil(d -> d.findElements(By.cssSelector("dialog.viewer[open]")).isEmpty());
    } finally {
      Files.deleteIfExists(photo);
    }
  }

  @Test
  void markupInADescriptionIsShownAsTextAndRunsNothing() {
    String word = word();
    String hostile = "Tap <img src=x onerror=alert(1)> <script>alert(2)</script> " + word;
    String id = complaint(hostile, "block-a", "plumbing", "low").get("id").asString();

    try (Browser browser = Browser.open(base)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      search(browser, word);
      waitForRows(browser, 1);
      assertThat(firstRow(browser)).contains("<img src=x onerror=alert(1)>");
      browser.go("#/complaints/" + id);
      browser.waitFor(By.id("description"));

      assertThat(browser.text(By.id("description"))).isEqualTo(hostile);
      assertThat(browser.driver.findElements(By.cssSelector("img[src='x']"))).isEmpty();
      assertThat(browser.driver.findElements(By.cssSelector("main script"))).isEmpty();
      assertThatThrownBy(() -> browser.driver.switchTo().alert())
          .isInstanceOf(NoAlertPresentException.class);
    }
  }

  @Test
  void anAdminCreatesAPorterWhoThenSeesOnlyWhatTheRulesAllow() {
    String word = word();
    Fixtures.Staff other = fixtures.porter();
    String open =
        complaint("Loose handrail " + word + " on stairs", "block-a", "carpentry", "medium")
            .get("id")
            .asString();
    String theirs =
        complaint("Blocked sink " + word + " in room", "block-a", "plumbing", "medium")
            .get("id")
            .asString();
    fixtures.assign(theirs, other.id());
    String email = "pat-" + UUID.randomUUID() + "@test.local";

    try (Browser browser = Browser.open(base)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      browser.go("#/staff");
      browser.waitFor(By.name("full_name")).sendKeys("Pat Porter");
      browser.driver.findElement(By.name("email")).sendKeys(email);
      browser.driver.findElement(By.name("password")).sendKeys("Porter-Passw0rd");
      browser.click(By.cssSelector("form.form-grid button[type=submit]"));
      browser.waitUntil(
          d -> d.findElement(By.cssSelector(".notice")).getText().contains("can now log in"));
      assertThat(browser.text(By.cssSelector("table.staff"))).contains(email);
      browser.screenshot("staff");
      browser.click(By.id("logout"));

      browser.waitFor(By.name("username"));
      browser.login(email, "Porter-Passw0rd");
      assertThat(browser.text(By.id("nav"))).doesNotContain("Staff").doesNotContain("Purge");
      search(browser, word);
      waitForRows(browser, 1);
      assertThat(firstRow(browser)).contains("Loose handrail");

      browser.go("#/complaints/" + theirs);
      browser.waitForText(By.tagName("h1"), "Not found");

      browser.go("#/complaints/" + open);
      browser.waitFor(By.id("description"));
      assertThat(browser.driver.findElements(By.cssSelector(".actions [role=group] button")))
          .isEmpty();
      browser.waitFor(By.cssSelector("[data-action='assign-me']")).click();
      browser.waitFor(By.cssSelector("[data-action='status-in_progress']"));
      assertThat(browser.text(By.cssSelector(".actions")))
          .contains("Assigned to you.")
          .doesNotContain("Close");
      assertThat(browser.text(By.cssSelector(".fields"))).contains("Pat Porter");

      browser.go("#/staff");
      browser.waitUntil(d -> d.getCurrentUrl().endsWith("#/complaints"));
    }
  }

  @Test
  void anAdminPreviewsAPurgeWithADryRunThatRemovesNothing() {
    String done =
        complaint("Replaced the broken bulb in the hall", "block-b", "electrical", "low")
            .get("id")
            .asString();
    fixtures.move(done, "in_progress");
    fixtures.move(done, "resolved");

    try (Browser browser = Browser.open(base)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      browser.go("#/purge");
      new Select(browser.waitFor(By.name("complaint_status"))).selectByValue("resolved");
      browser.driver.findElement(By.name("days_old")).sendKeys("0");
      browser.click(By.cssSelector("[data-action='dry-run']"));

      browser.waitForText(By.cssSelector(".result"), "Dry run: nothing was removed");
      assertThat(browser.text(By.cssSelector(".result"))).contains("would be removed", "resolved:");
      assertThat(api.get("/api/v1/complaints/" + done, fixtures.adminToken()).status())
          .isEqualTo(200);
    }
  }

  @Test
  void theDashboardWorksFromTheKeyboardAndMovesFocusToEachNewView() {
    String word = word();
    complaint("Jammed door " + word + " at the entrance", "block-a", "carpentry", "low");

    try (Browser browser = Browser.open(base)) {
      browser.go("");
      browser.waitFor(By.name("username")).sendKeys(TestSetup.ADMIN_EMAIL);
      browser
          .driver
          .findElement(By.name("password"))
          .sendKeys(TestSetup.ADMIN_PASSWORD, Keys.ENTER);
      search(browser, word);
      waitForRows(browser, 1);
      WebElement link = rows(browser).getFirst().findElement(By.tagName("a"));
      link.sendKeys(Keys.ENTER);

      browser.waitFor(By.id("description"));
      browser.waitUntil(d -> "H1".equals(browser.script("return document.activeElement.tagName")));
      assertThat((String) browser.script("return document.activeElement.textContent"))
          .contains("A312");
    }
  }

  @Test
  void theMainPagesHaveNoSeriousAccessibilityProblemsAndFitAPhone() {
    String id =
        complaint("Window will not close in the study room", "block-a", "carpentry", "high")
            .get("id")
            .asString();
    List<String> problems = new ArrayList<>();
    seedKitchen();

    try (Browser browser = Browser.open(base)) {
      browser.go("");
      browser.waitFor(By.name("username"));
      check(browser, "login page", problems);
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      browser.go("#/complaints?q=kitchen");
      waitForRows(browser, 6);
      browser.screenshot("search-kitchen");
      Map<String, By> pages =
          Map.of(
              "#/complaints",
              By.cssSelector("table.complaints tbody tr"),
              "#/complaints/" + id,
              By.id("description"),
              "#/new",
              By.name("description"),
              "#/stats",
              By.cssSelector(".figures"),
              "#/staff",
              By.cssSelector("table.staff tbody tr"),
              "#/purge",
              By.name("days_old"),
              "#/profile",
              By.cssSelector(".profile dl"));
      for (var page : pages.entrySet()) {
        browser.go(page.getKey());
        browser.waitFor(page.getValue());
        check(browser, page.getKey(), problems);
        browser.screenshot(page.getKey().replace("#/", "").replaceAll("/.*", "-detail"));
      }
    }
    try (Browser phone = Browser.open(base, 390, 844)) {
      phone.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      for (String page : List.of("#/complaints", "#/complaints/" + id)) {
        phone.go(page);
        phone.waitFor(
            page.equals("#/complaints")
                ? By.cssSelector("table.complaints tbody tr")
                : By.id("description"));
        Long overflow =
            (Long) phone.script("return document.documentElement.scrollWidth - window.innerWidth");
        if (overflow > 0) {
          problems.add(page + " on a phone: " + overflow + " px wider than the screen");
        }
        check(phone, page + " on a phone", problems);
      }
      phone.go("#/complaints");
      phone.waitFor(By.cssSelector("table.complaints tbody tr"));
      phone.screenshot("phone-list");
    }

    assertThat(problems).isEmpty();
  }

  /** Complaints that read like real ones, for the screenshots. */
  private void seedKitchen() {
    Fixtures.Staff porter = fixtures.porter();
    complaint("Sink in the kitchen is blocked and overflowing", "block-b", "plumbing", "high");
    String fan =
        complaint("Kitchen extractor fan makes a grinding noise", "block-a", "electrical", "medium")
            .get("id")
            .asString();
    fixtures.assign(fan, porter.id());
    fixtures.move(fan, "in_progress");
    complaint("Cockroaches behind the kitchen fridge", "block-d", "pest", "high");
    complaint("Cupboard door in the kitchen hangs off its hinge", "block-c", "carpentry", "low");
    complaint("Kitchen light flickers and buzzes", "block-b", "electrical", "low");
    complaint("Tap in the shared kitchen drips all night", "block-a", "plumbing", "medium");
  }

  private static void check(Browser browser, String page, List<String> problems) {
    for (Map<String, Object> violation : browser.axeViolations()) {
      Object impact = violation.get("impact");
      if ("serious".equals(impact) || "critical".equals(impact)) {
        problems.add(page + ": " + violation);
      }
    }
  }
}

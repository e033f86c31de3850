package org.hostel.complaints.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** The smaller things a first-time user of the dashboard trips over, each in a real browser. */
@Tag("browser")
@EmbeddedContext
class DashboardDetailsBrowserTests {

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

  /** Each shown field error by the name of its control. */
  @SuppressWarnings("unchecked")
  static Map<String, String> fieldErrors(Browser browser) {
    List<List<String>> pairs =
        (List<List<String>>)
            browser.script(
                "return [...document.querySelectorAll('.field-error:not([hidden])')]"
                    + ".map(e => [e.closest('.field').querySelector('[name]').name,"
                    + " e.textContent])");
    Map<String, String> errors = new LinkedHashMap<>();
    pairs.forEach(p -> errors.put(p.get(0), p.get(1)));
    return errors;
  }

  @Test
  void theNewComplaintFormShowsEveryWrongFieldAtOnceNextToTheField() {
    for (int width : new int[] {1280, 390}) {
      try (Browser browser = Browser.open(base, width, 844)) {
        browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
        browser.go("#/new");
        browser.waitFor(By.name("room_number")).sendKeys("Z9999");
        browser.driver.findElement(By.name("description")).sendKeys("short");
        browser.click(By.cssSelector("form button[type=submit]"));

        browser.waitForText(By.cssSelector(".form-status"), "Please correct the 4 marked fields");
        assertThat(fieldErrors(browser))
            .containsExactly(
                Map.entry("hostel", "Hostel is required"),
                Map.entry(
                    "room_number", "Room must be a letter A–H followed by three digits, e.g. A312"),
                Map.entry("category", "Category is required"),
                Map.entry("description", "Description must be 10 to 2000 characters long"));
        for (WebElement error :
            browser.driver.findElements(By.cssSelector(".field-error:not([hidden])"))) {
          assertThat(error.isDisplayed()).isTrue();
        }
        assertThat(browser.script("return document.activeElement.name")).isEqualTo("hostel");
        browser.screenshot("form-errors-" + width);

        new Select(browser.driver.findElement(By.name("hostel"))).selectByValue("block-b");
        browser.click(By.cssSelector("form button[type=submit]"));
        browser.waitForText(By.cssSelector(".form-status"), "Please correct the 3 marked fields");
        assertThat(fieldErrors(browser)).doesNotContainKey("hostel").hasSize(3);
      }
    }
  }

  String complaint(String category, String severity) {
    Map<String, Object> body = Fixtures.complaint(Fixtures.reporter());
    body.put("category", category);
    body.put("severity", severity);
    body.put("description", "Something is broken: " + DashboardBrowserTests.word());
    return fixtures.submit(body).get("id").asString();
  }

  /** Texts of elements on the page that overflow their own box or the screen. */
  @SuppressWarnings("unchecked")
  static List<String> cutOff(Browser browser, String selector) {
    return (List<String>)
        browser.script(
            "const out = [];"
                + "for (const el of document.querySelectorAll(arguments[0])) {"
                + "  const r = el.getBoundingClientRect();"
                + "  if (r.width === 0) continue;"
                + "  if (el.scrollWidth > el.clientWidth + 1 || r.right > innerWidth + 1)"
                + "    out.push(el.textContent + ' ' + el.scrollWidth + '>' + el.clientWidth);"
                + "}"
                + "return out;",
            selector);
  }

  /** Placeholders and chosen options whose text is wider than the room their control gives it. */
  @SuppressWarnings("unchecked")
  static List<String> cutPlaceholders(Browser browser) {
    return (List<String>)
        browser.script(
            "const canvas = document.createElement('canvas').getContext('2d');"
                + "const out = [];"
                + "for (const el of document.querySelectorAll('input[placeholder], select')) {"
                + "  if (el.offsetParent === null) continue;"
                + "  const text = el.tagName === 'SELECT'"
                + "      ? el.options[el.selectedIndex]?.text || '' : el.placeholder;"
                + "  const style = getComputedStyle(el);"
                + "  canvas.font = style.font;"
                + "  const room = el.clientWidth - parseFloat(style.paddingLeft)"
                + "      - parseFloat(style.paddingRight) - (el.tagName === 'SELECT' ? 20 : 0);"
                + "  if (canvas.measureText(text).width > room) out.push(text);"
                + "}"
                + "return out;");
  }

  @Test
  void aPorterOnAnUnassignedComplaintIsOfferedAssignToMeWithoutBeingToldOff() {
    String id = complaint("carpentry", "low");
    Fixtures.Staff porter = fixtures.porter();

    try (Browser browser = Browser.open(base, 390, 844)) {
      browser.login(porter.email(), porter.password());
      browser.go("#/complaints/" + id);
      browser.waitFor(By.cssSelector("[data-action='assign-me']"));

      assertThat(browser.text(By.cssSelector(".actions")))
          .doesNotContain("You cannot change the status");
      browser.screenshot("porter-unassigned-phone");
    }
  }

  @Test
  void aResolvedComplaintOffersCloseFirstAndReportsTheChangeBesideTheButtonsThenTakesNoPhotos() {
    String id = complaint("electrical", "medium");
    fixtures.move(id, "in_progress");
    fixtures.move(id, "resolved");

    try (Browser browser = Browser.open(base, 390, 700)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      browser.go("#/complaints/" + id);
      WebElement close = browser.waitFor(By.cssSelector("[data-action='status-closed']"));
      WebElement reopen =
          browser.driver.findElement(By.cssSelector("[data-action='status-in_progress']"));
      assertThat(close.getText()).isEqualTo("Close");
      assertThat(close.getAttribute("class")).isEqualTo("primary");
      assertThat(reopen.getText()).isEqualTo("Reopen");
      assertThat(reopen.getAttribute("class")).isEqualTo("secondary");
      assertThat(browser.driver.findElements(By.id("photo-file"))).hasSize(1);

      browser.script("arguments[0].scrollIntoView({block: 'end'})", close);
      close.click();

      browser.waitForText(By.cssSelector(".notice.success"), "Status changed to closed.");
      WebElement notice = browser.driver.findElement(By.cssSelector(".notice.success"));
      assertThat(
              (Boolean)
                  browser.script(
                      "const r = arguments[0].getBoundingClientRect();"
                          + "return r.top >= 0 && r.bottom <= innerHeight;",
                      notice))
          .as("the notice is on screen where the button was")
          .isTrue();
      assertThat(browser.driver.findElements(By.id("photo-file"))).isEmpty();
      assertThat(browser.text(By.cssSelector("section[aria-labelledby='d-photos']")))
          .doesNotContain("Add a photo");
      Long overflow =
          (Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth");
      assertThat(overflow)
          .as("sideways overflow of the detail page on a phone")
          .isLessThanOrEqualTo(0);
      assertThat((String) browser.script("return document.title"))
          .isEqualTo("Complaint · Complaints");
      browser.screenshot("closed-phone");
    }
  }

  @Test
  void theStaffPageLabelsThePasswordResetAndFitsItOnAPhone() {
    fixtures.porter();
    try (Browser browser = Browser.open(base, 390, 844)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      browser.go("#/staff");
      browser.waitFor(By.cssSelector("table.staff tbody tr"));

      List<WebElement> labels = browser.driver.findElements(By.cssSelector(".inline-form label"));
      assertThat(labels).isNotEmpty();
      for (WebElement label : labels) {
        assertThat(label.isDisplayed()).isTrue();
        assertThat(label.getText()).isEqualTo("New password");
        WebElement input = browser.driver.findElement(By.id(label.getAttribute("for")));
        assertThat(input.getAttribute("name")).isEqualTo("new_password");
      }
      assertThat(cutOff(browser, ".inline-form button")).isEmpty();
      assertThat((Long) browser.script("return document.documentElement.scrollWidth - innerWidth"))
          .isLessThanOrEqualTo(0);
      browser.screenshot("staff-phone");
    }
  }

  @Test
  void loggingOutSaysSoAndLeavesNoToastOnTheLoginScreen() {
    try (Browser browser = Browser.open(base)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      browser.waitForText(By.id("live-text"), "Live");
      complaint("pest", "high");
      browser.waitFor(By.cssSelector("#toasts .toast"));

      browser.click(By.id("logout"));

      browser.waitFor(By.name("username"));
      browser.waitForText(By.cssSelector("form.login .notice"), "You have logged out");
      assertThat(browser.text(By.cssSelector("form.login"))).doesNotContain("session has ended");
      assertThat(browser.driver.findElements(By.cssSelector("#toasts .toast"))).isEmpty();
      assertThat((String) browser.script("return document.title")).isEqualTo("Log in · Complaints");
    }
  }

  @Test
  void anAdminIsNotToastedForTheirOwnComplaintAndToastsLeaveTheRowsVisible() {
    String word = DashboardBrowserTests.word();
    try (Browser browser = Browser.open(base)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      browser.waitForText(By.id("live-text"), "Live");
      assertThat((String) browser.script("return document.title"))
          .isEqualTo("Complaints · staff dashboard");

      Map<String, Object> own = Fixtures.complaint(Fixtures.reporter());
      own.put("category", "metalworks");
      own.put("description", "Gate hinge snapped " + word);
      assertThat(api.post("/api/v1/complaints/submit", fixtures.adminToken(), own).status())
          .isEqualTo(201);
      Map<String, Object> bot = Fixtures.complaint(Fixtures.reporter());
      bot.put("category", "pest");
      bot.put("description", "Rats in the store " + word);
      fixtures.submit(bot);

      browser.waitForText(By.cssSelector("#toasts"), "pest");
      assertThat(browser.text(By.id("toasts"))).doesNotContain("metalworks");
      browser.waitFor(By.cssSelector("table.complaints tbody tr"));
      @SuppressWarnings("unchecked")
      List<String> covered =
          (List<String>)
              browser.script(
                  "const out = [];"
                      + "for (const t of document.querySelectorAll('#toasts .toast')) {"
                      + "  const a = t.getBoundingClientRect();"
                      + "  for (const row of document.querySelectorAll('table.complaints tr')) {"
                      + "    const b = row.getBoundingClientRect();"
                      + "    if (a.left < b.right && b.left < a.right && a.top < b.bottom"
                      + "        && b.top < a.bottom) out.push(row.innerText);"
                      + "  }"
                      + "}"
                      + "return out;");
      assertThat(covered).as("rows under a toast").isEmpty();
      browser.screenshot("toast");
    }
  }

  @Test
  void aDryRunWithNothingToRemoveSaysSoInASentence() {
    try (Browser browser = Browser.open(base)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      browser.go("#/purge");
      new Select(browser.waitFor(By.name("complaint_status"))).selectByValue("closed");
      browser.driver.findElement(By.name("days_old")).sendKeys("36500");
      browser.click(By.cssSelector("[data-action='dry-run']"));

      browser.waitForText(By.cssSelector(".result"), "Dry run: nothing was removed");
      assertThat(browser.text(By.cssSelector(".result")))
          .contains("no complaint would be removed")
          .doesNotContain("null")
          .doesNotContain("undefined");
    }
  }

  @Test
  void anEmptyListSaysHowToLogAComplaintAndNothingIsCutOffOnAnyScreen() {
    complaint("plumbing", "high");
    for (int width : new int[] {1280, 390}) {
      try (Browser browser = Browser.open(base, width, 844)) {
        Fixtures.Staff porter = fixtures.porter();
        browser.login(porter.email(), porter.password());
        browser.go("#/complaints?q=" + DashboardBrowserTests.word());
        browser.waitForText(By.cssSelector(".summary"), "No complaints match these filters");
        WebElement create = browser.driver.findElement(By.linkText("log a new one"));
        assertThat(create.getAttribute("href")).endsWith("#/new");

        browser.go("#/complaints");
        browser.waitFor(By.cssSelector("table.complaints tbody tr"));
        if (!browser.driver.findElement(By.id("filter-q")).isDisplayed()) {
          browser.click(By.cssSelector(".filter-box summary"));
        }
        assertThat(cutPlaceholders(browser)).as("cut at " + width + " px").isEmpty();
        if (width < 700) {
          @SuppressWarnings("unchecked")
          List<String> stretched =
              (List<String>)
                  browser.script(
                      "return [...document.querySelectorAll('table.complaints .badge')].filter(b => {"
                          + "  const words = document.createRange();"
                          + "  words.selectNodeContents(b);"
                          + "  const s = getComputedStyle(b);"
                          + "  const edges = ['paddingLeft', 'paddingRight', 'borderLeftWidth',"
                          + "      'borderRightWidth'].reduce((sum, k) => sum + parseFloat(s[k]), 0);"
                          + "  return b.getBoundingClientRect().width"
                          + "      > words.getBoundingClientRect().width + edges + 2; })"
                          + ".map(b => b.textContent);");
          assertThat(stretched).as("badges wider than their words").isEmpty();
          browser.go("#/stats");
          browser.waitFor(By.cssSelector(".chart"));
          @SuppressWarnings("unchecked")
          List<Number> sizes =
              (List<Number>)
                  browser.script(
                      "return [...document.querySelectorAll('.chart text')].map(t => {"
                          + "  const svg = t.ownerSVGElement;"
                          + "  const scale = svg.getBoundingClientRect().width"
                          + "      / svg.viewBox.baseVal.width;"
                          + "  return parseFloat(getComputedStyle(t).fontSize) * scale; });");
          assertThat(sizes)
              .isNotEmpty()
              .allSatisfy(size -> assertThat(size.doubleValue()).isGreaterThanOrEqualTo(11.9));
          browser.screenshot("stats-phone");
        }
        browser.go("#/new");
        browser.waitFor(By.name("room_number"));
        assertThat(cutPlaceholders(browser)).as("cut at " + width + " px").isEmpty();
      }
    }
  }

  @Test
  void aLoggedInStaffMemberBrowsesTheApiReference() {
    try (Browser browser = Browser.open(base)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      browser.driver.get(base + "/swagger-ui.html");

      browser.waitForText(By.cssSelector(".swagger-ui"), "Complaint Management System API");
      browser.waitForText(By.cssSelector(".swagger-ui"), "Submit a complaint");
      browser.screenshot("api-reference");
    }
  }
}

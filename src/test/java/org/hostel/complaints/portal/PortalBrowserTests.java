package org.hostel.complaints.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.hostel.complaints.dashboard.Browser;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The public pages in Debian Chromium at phone width, with and without JavaScript. */
@Tag("browser")
@EmbeddedContext
class PortalBrowserTests {

  static final int WIDTH = 390;
  static final int HEIGHT = 844;

  @LocalServerPort int port;
  @Autowired PortalKeys keys;

  String base() {
    return "http://127.0.0.1:" + port;
  }

  @Test
  void aPhoneReportsWithALargePhotoThatIsShrunkBeforeItTravels(
      Api api, Fixtures fixtures, @TempDir Path dir) throws Exception {
    Path photo = dir.resolve("big-photo.png");
    ImageIO.write(noise(2600, 2000), "png", photo.toFile());
    assertThat(Files.size(photo)).isGreaterThan(10L * 1024 * 1024); // over the server's limit
    String marker = "m" + ThreadLocalRandom.current().nextLong(1L << 40);
    try (Browser browser = Browser.open(base(), WIDTH, HEIGHT)) {
      long opened = System.currentTimeMillis();
      browser.driver.get(base() + "/report");
      browser.waitFor(By.id("photo-input"));
      assertThat(browser.axeViolations()).isEmpty();
      new Select(browser.driver.findElement(By.id("hostel"))).selectByValue("block-a");
      browser.driver.findElement(By.id("room_number")).sendKeys("d210");
      new Select(browser.driver.findElement(By.id("category"))).selectByValue("electrical");
      browser.driver.findElement(By.id("description")).sendKeys("flickers");
      waitOut(opened);
      browser.click(By.id("send"));
      browser.waitFor(By.id("err-description"));
      assertThat(browser.driver.findElement(By.id("description")).getAttribute("aria-invalid"))
          .isEqualTo("true");
      assertThat(browser.axeViolations()).isEmpty();

      browser.driver.findElement(By.id("description")).clear();
      browser
          .driver
          .findElement(By.id("description"))
          .sendKeys("The ceiling light flickers all evening, note " + marker);
      browser.driver.findElement(By.id("photo-input")).sendKeys(photo.toString());
      browser.screenshot("portal-report");
      browser.click(By.id("send"));

      browser.waitUntil(d -> d.getCurrentUrl().contains("/track/"));
      browser.waitFor(By.id("reference"));
      assertThat(browser.text(By.id("status"))).isEqualTo("reported");
      assertThat(browser.axeViolations()).isEmpty();
    }
    JsonNode listed =
        api.get("/api/v1/complaints?channel=portal&q=" + marker, fixtures.adminToken()).json();
    assertThat(listed.get("total").asLong()).isEqualTo(1);
    String id = listed.get("items").get(0).get("id").asString();
    JsonNode photos = api.get("/api/v1/complaints/" + id + "/photos", fixtures.adminToken()).json();
    assertThat(photos.size()).isEqualTo(1);
    assertThat(photos.get(0).get("file_name").asString()).isEqualTo("big-photo.jpg");
    assertThat(Math.max(photos.get(0).get("width").asInt(), photos.get(0).get("height").asInt()))
        .isLessThanOrEqualTo(1600);
  }

  @Test
  void choosingAHostelShowsItsKnownProblemsAboveTheDescription(Api api, Fixtures fixtures)
      throws Exception {
    String marker = "m" + ThreadLocalRandom.current().nextLong(1L << 40);
    Api.Response declared =
        api.post(
            "/api/v1/incidents",
            fixtures.adminToken(),
            Map.of(
                "title",
                "No <b>water</b> " + marker,
                "category",
                "plumbing",
                "message",
                "The pump is being replaced.",
                "scope",
                java.util.List.of(Map.of("hostel", "block-c"))));
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    try (Browser browser = Browser.open(base(), WIDTH, HEIGHT)) {
      browser.driver.get(base() + "/report");
      browser.waitFor(By.id("photo-input"));
      new Select(browser.driver.findElement(By.id("hostel"))).selectByValue("block-c");
      browser.waitUntil(d -> d.findElement(By.id("incidents")).getText().contains(marker));
      assertThat(browser.text(By.id("incidents")))
          .contains("No <b>water</b> " + marker, "The pump is being replaced.");
      assertThat(browser.axeViolations()).isEmpty();
      new Select(browser.driver.findElement(By.id("hostel"))).selectByValue("block-a");
      browser.waitUntil(d -> !d.findElement(By.id("incidents")).getText().contains(marker));
    }
  }

  @Test
  void withoutJavaScriptTheFormPostsAndLandsOnTheTrackingPage() throws Exception {
    try (Browser browser = Browser.open(base(), WIDTH, HEIGHT, false)) {
      long opened = System.currentTimeMillis();
      browser.driver.get(base() + "/report");
      browser.waitFor(By.id("description"));
      assertThat(browser.driver.findElement(By.id("photos")).isDisplayed()).isFalse();
      new Select(browser.driver.findElement(By.id("hostel"))).selectByValue("block-a");
      browser.driver.findElement(By.id("room_number")).sendKeys("E115");
      new Select(browser.driver.findElement(By.id("category"))).selectByValue("plumbing");
      browser.driver.findElement(By.id("description")).sendKeys("short");
      waitOut(opened);
      browser.click(By.id("send"));
      browser.waitFor(By.id("err-description"));
      assertThat(browser.driver.findElement(By.id("room_number")).getAttribute("value"))
          .isEqualTo("E115");
      browser.screenshot("portal-report-problems");

      browser.driver.findElement(By.id("description")).sendKeys(" — the basin drain is blocked");
      Thread.sleep(100);
      browser.click(By.id("send"));
      browser.waitUntil(d -> d.getCurrentUrl().contains("/track/"));
      assertThat(browser.text(By.id("status"))).isEqualTo("reported");
    }
  }

  @Test
  void aPosterLinkLocksHostelAndRoomAndATamperedOneIsRefused() throws Exception {
    String room = PortalForms.room();
    String code = keys.posterCode("block-a", room);
    try (Browser browser = Browser.open(base(), WIDTH, HEIGHT)) {
      long opened = System.currentTimeMillis();
      browser.driver.get(base() + "/report?h=block-a&r=" + room + "&k=" + code);
      assertThat(browser.text(By.id("place"))).contains("room " + room).contains("poster");
      assertThat(browser.driver.findElements(By.id("hostel"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("room_number"))).isEmpty();
      assertThat(browser.axeViolations()).isEmpty();
      browser.screenshot("portal-poster-form");
      new Select(browser.driver.findElement(By.id("category"))).selectByValue("plumbing");
      browser.driver.findElement(By.id("description")).sendKeys("No water pressure in the shower");
      waitOut(opened);
      browser.click(By.id("send"));
      browser.waitUntil(d -> d.getCurrentUrl().contains("/track/"));
      assertThat(browser.text(By.id("room"))).startsWith(room);

      String tampered = code.substring(0, code.length() - 2) + (code.endsWith("AA") ? "BB" : "AA");
      browser.driver.get(base() + "/report?h=block-a&r=" + room + "&k=" + tampered);
      assertThat(browser.text(By.tagName("h1"))).isEqualTo("Poster link not valid");
      assertThat(browser.driver.findElements(By.id("report"))).isEmpty();
    }
  }

  @Test
  void theTrackingPageReopensThenConfirmsAndRates(Api api, Fixtures fixtures) {
    String token = PortalForms.submit(api, PortalForms.report(keys, PortalForms.room()));
    String id = PortalTests.complaintId(api, fixtures, "/api/v1/public/track/" + token);
    fixtures.move(id, "in_progress");
    fixtures.move(id, "resolved");
    try (Browser browser = Browser.open(base(), WIDTH, HEIGHT)) {
      browser.driver.get(base() + "/track/" + token);
      browser.waitFor(By.id("not-fixed"));
      assertThat(browser.axeViolations()).isEmpty();
      browser.screenshot("portal-track-resolved");
      browser.click(By.id("not-fixed"));
      browser.waitForText(By.id("status"), "in progress");

      fixtures.move(id, "resolved");
      browser.driver.navigate().refresh();
      browser.waitFor(By.id("fixed")).click();
      browser.waitForText(By.id("status"), "closed");
      browser.click(By.id("stars-4"));
      browser.click(By.id("rate"));
      browser.waitForText(By.id("rating"), "You rated it 4 of 5");
      assertThat(browser.driver.findElements(By.id("rate"))).isEmpty();
      assertThat(browser.axeViolations()).isEmpty();
      browser.screenshot("portal-track-closed");
    }
    assertThat(
            api.get("/api/v1/complaints/" + id, fixtures.adminToken()).json().get("rating").asInt())
        .isEqualTo(4);
  }

  @Test
  void theDashboardShowsTheChannelTheContactToAdminsAndMakesPosters(Api api, Fixtures fixtures) {
    Map<String, Object> body = PortalForms.report(keys, PortalForms.room());
    body.put("email", "resident@mail.example");
    body.put("name", "Ada Resident");
    String token = PortalForms.submit(api, body);
    String id = PortalTests.complaintId(api, fixtures, "/api/v1/public/track/" + token);
    Fixtures.Staff admin = fixtures.admin();
    Fixtures.Staff porter = fixtures.porter();
    try (Browser browser = Browser.open(base(), 1280, 900)) {
      browser.login(admin.email(), admin.password());
      browser.go("#/complaints?channel=portal&q=" + PortalForms.marker(body));
      browser.waitForText(By.cssSelector("table.complaints tbody .channel-cell"), "Web page");
      browser.go("#/complaints/" + id);
      browser.waitForText(By.id("reporter-email"), "resident@mail.example (not confirmed)");
      assertThat(browser.text(By.id("reporter-name"))).isEqualTo("Ada Resident");
      assertThat(browser.axeViolations()).isEmpty();
      browser.screenshot("portal-dashboard-reporter");

      browser.go("#/posters");
      browser.waitFor(By.name("room")).sendKeys("B101-B112");
      browser.click(By.cssSelector("[data-action=posters-pdf]"));
      assertThat(browser.waitFor(By.id("poster-link")).getAttribute("href"))
          .endsWith("/api/v1/posters.pdf?hostel=block-a&room=B101-B112");
      assertThat(browser.axeViolations()).isEmpty();
      browser.screenshot("portal-dashboard-posters");
    }
    try (Browser browser = Browser.open(base(), WIDTH, HEIGHT)) {
      browser.login(porter.email(), porter.password());
      browser.go("#/complaints/" + id);
      browser.waitForText(By.cssSelector(".reporter dd"), "Shown to admins only");
      browser.waitFor(By.cssSelector("[data-action=mark-spam]"));
    }
  }

  @Test
  void thePagesProofOfWorkIsWhatTheServerChecks() {
    try (Browser browser = Browser.open(base(), WIDTH, HEIGHT)) {
      browser.driver.get(base() + "/report");
      browser.waitFor(By.id("photo-input"));
      String stamp = keys.stamp(System.currentTimeMillis());
      Object answer =
          browser.driver.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + "import(document.querySelector('script[type=module]').src).then(m => {"
                  + "  const hex = [...m.sha256(new TextEncoder().encode('abc'))]"
                  + "    .map(b => b.toString(16).padStart(2, '0')).join('');"
                  + "  done([hex, m.prove(arguments[0], 12)]);"
                  + "}).catch(e => done([String(e), '']));",
              stamp);
      @SuppressWarnings("unchecked")
      java.util.List<Object> result = (java.util.List<Object>) answer;
      assertThat(result.get(0))
          .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
      assertThat(PortalKeys.proofHolds(stamp, String.valueOf(result.get(1)), 12)).isTrue();
    }
  }

  /** The form refuses to be sent sooner than its minimum fill time (3 s) after it was served. */
  private static void waitOut(long opened) throws InterruptedException {
    long left = opened + 3_300 - System.currentTimeMillis();
    if (left > 0) {
      Thread.sleep(left);
    }
  }

  private static BufferedImage noise(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    return image;
  }
}

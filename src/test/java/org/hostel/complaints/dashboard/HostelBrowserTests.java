package org.hostel.complaints.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 in the dashboard: the active-incident banner and the CSV download with the list's
 * filters, and merging a similar complaint from a complaint's page, on a phone.
 */
@Tag("browser")
@EmbeddedContext
class HostelBrowserTests {

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
  void theListShowsIncidentsAndDownloadsWhatItShowsAndSimilarComplaintsMerge() {
    String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String room = "B" + ThreadLocalRandom.current().nextInt(100, 1000);
    String title = "Lift out of order " + word;
    Api.Response declared =
        api.post(
            "/api/v1/incidents",
            fixtures.adminToken(),
            Map.of(
                "title",
                title,
                "category",
                "metalworks",
                "message",
                "The engineer is on the way.",
                "scope",
                List.of(Map.of("hostel", "block-b", "wings", List.of("Q")))));
    assertThat(declared.status()).isEqualTo(201);
    JsonNode first = submit(room, "The wardrobe door hinge is broken " + word);
    JsonNode second = submit(room, "Wardrobe door hinge broken again " + word);

    try (Browser browser = Browser.open(base, 390, 844)) {
      browser.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
      browser.go("#/complaints?q=" + word);
      browser.waitForText(By.cssSelector(".incident-banner"), title);
      assertThat(browser.text(By.cssSelector(".incident-banner"))).doesNotContain("Expected");
      browser.waitForText(By.cssSelector(".summary"), "of 2");
      String href = browser.waitFor(By.id("download-csv")).getAttribute("href");
      assertThat(href).contains("/api/v1/complaints/export.csv?", "q=" + word, "bom=true");
      assertThat(browser.axeViolations()).isEmpty();
      browser.screenshot("hostel-list-incident");

      browser.go("#/complaints/" + second.get("id").asString());
      browser
          .waitFor(
              By.cssSelector(".similar li[data-id='" + first.get("id").asString() + "'] button"))
          .click();
      browser.waitForText(By.cssSelector(".notice.success"), "merged into this complaint");
      assertThat(browser.axeViolations()).isEmpty();
      browser.screenshot("hostel-detail-merged");
    }
    JsonNode merged =
        api.get("/api/v1/complaints/" + first.get("id").asString(), fixtures.adminToken()).json();
    assertThat(merged.get("status").asString()).isEqualTo("closed");
    assertThat(merged.get("duplicate_of").asString()).isEqualTo(second.get("id").asString());
  }

  private JsonNode submit(String room, String description) {
    Map<String, Object> body = Fixtures.complaint(Fixtures.reporter());
    body.put("hostel", "block-b");
    body.put("room_number", room);
    body.put("category", "carpentry");
    body.put("description", description);
    return fixtures.submit(body);
  }
}

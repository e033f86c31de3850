package org.hostel.complaints.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The smaller things a first-time user of the dashboard trips over, each in a real browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardDetailsBrowserTests {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestSetup.common(registry);
  }

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
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();

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
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waitForText(By.cssSelector(".form-status"), "Please correct the 3 marked fields");
        assertThat(fieldErrors(browser)).doesNotContainKey("hostel").hasSize(3);
      }
    }
  }
}

package org.hostel.complaints.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.TestTools;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A headless Debian Chromium driven through the system chromedriver, pointed at the dashboard. */
public final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  public final ChromeDriver driver;
  public final String base;

  private Browser(ChromeDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  static Browser open(String base) {
    return open(base, 1280, 900);
  }

  public static Browser open(String base, int width, int height) {
    return open(base, width, height, true);
  }

  /** A browser with JavaScript on or off (a page must work for people who have it off). */
  public static Browser open(String base, int width, int height, boolean javascript) {
    Path chromedriver = TestTools.require("chromedriver", "chromium-driver");
    Path chromium = TestTools.require("chromium", "chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=" + width + "," + height);
    if (!javascript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    // A busy machine may be slow to start chromedriver or chromium: try again until the deadline.
    ChromeDriver driver =
        Eventually.poll(
            "chromedriver and chromium start",
            Duration.ofMinutes(2),
            () -> start(chromedriver, options),
            started -> true);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new Browser(driver, base);
  }

  private static ChromeDriver start(Path chromedriver, ChromeOptions options) {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(60))
            .build();
    try {
      return new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      throw e;
    }
  }

  public void go(String hash) {
    driver.get(base + "/dashboard/" + hash);
  }

  public void login(String username, String password) {
    go("");
    WebElement user = waitFor(By.name("username"));
    user.sendKeys(username);
    driver.findElement(By.name("password")).sendKeys(password);
    driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
    waitFor(By.id("topbar"));
    waitFor(By.cssSelector("table.complaints"));
  }

  /**
   * A wait that looks again when the live page re-rendered an element between finding and reading
   * it, with room for a slow shared machine.
   */
  private WebDriverWait patiently() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  public WebElement waitFor(By by) {
    return patiently().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public <T> T waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
    return patiently().until(condition::apply);
  }

  /**
   * Waits until the element found by {@code by} (looked up afresh each time) shows {@code text}.
   */
  public void waitForText(By by, String text) {
    patiently().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /**
   * Clicks the element found by {@code by}, looked up again if the live page re-rendered it between
   * finding and clicking (a socket event or a refresh after the last action).
   */
  public void click(By by) {
    waitUntil(
        d -> {
          try {
            d.findElement(by).click();
            return true;
          } catch (StaleElementReferenceException e) {
            return null;
          }
        });
  }

  /** The visible text of the element, looked up again if the page re-rendered it meanwhile. */
  public String text(By by) {
    waitFor(by);
    return waitUntil(
        d -> {
          try {
            return d.findElement(by).getText();
          } catch (StaleElementReferenceException e) {
            return null;
          }
        });
  }

  public Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** axe-core's violations on the current page, each as {id, impact, help, nodes}. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> axeViolations() {
    driver.executeScript(AxeCore.source() + "\n;return true;");
    Object result =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))"
                + ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));");
    return (List<Map<String, Object>>) result;
  }

  @Override
  public void close() {
    driver.quit();
  }
}

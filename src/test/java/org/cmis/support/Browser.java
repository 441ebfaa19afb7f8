package org.cmis.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium on the application at {@code http://localhost:{port}}, with a fresh
 * profile that is deleted on {@link #close()}. The driver and browser paths are always given, so
 * Selenium Manager never looks for (or downloads) anything.
 */
public final class Browser implements AutoCloseable {

  public static final String INSTALL_HINT =
      "browser tests skipped: install Debian's chromium and chromium-driver"
          + " (apt-get install -y chromium chromium-driver)";

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final String baseUrl;
  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private boolean closed;

  private Browser(String baseUrl, Path profile, ChromeDriverService service, ChromeDriver driver) {
    this.baseUrl = baseUrl;
    this.profile = profile;
    this.service = service;
    this.driver = driver;
    this.wait = new WebDriverWait(driver, TIMEOUT);
  }

  /** The Chromium binary: system property {@code cmis.browser.chromium}, else Debian's. */
  public static String chromium() {
    return System.getProperty("cmis.browser.chromium", "/usr/bin/chromium");
  }

  /** The driver binary: system property {@code cmis.browser.chromedriver}, else Debian's. */
  public static String chromedriver() {
    return System.getProperty("cmis.browser.chromedriver", "/usr/bin/chromedriver");
  }

  /** The binaries that are missing or not executable, or null when both are there. */
  static String missingBinaries() {
    List<String> missing = new ArrayList<>();
    for (String binary : List.of(chromium(), chromedriver())) {
      if (!Files.isExecutable(Path.of(binary))) {
        missing.add(binary);
      }
    }
    return missing.isEmpty() ? null : String.join(", ", missing);
  }

  /** Starts a browser on the application listening on {@code port}. */
  public static Browser start(int port) {
    Path profile;
    try {
      profile = Files.createTempDirectory("cmis-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1366,768",
        "--lang=zh-CN",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(chromedriver()))
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Browser("http://localhost:" + port, profile, service, driver);
    } catch (RuntimeException e) {
      service.stop();
      delete(profile);
      throw e;
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** Waits (up to 15 s) until the condition holds. */
  public <T> T await(ExpectedCondition<T> condition) {
    return wait.until(condition);
  }

  /** Opens a path of the application, e.g. {@code /login}, and waits until it has loaded. */
  public Browser open(String path) {
    driver.get(baseUrl + path);
    awaitLoaded();
    return this;
  }

  /**
   * Signs in through the login page: chooses the user type ({@code FIRM}, {@code MEMBER} or {@code
   * STAFF}) by its tab's link, which the server renders selected (ADR 0038), types account and
   * password, submits and waits for the next page.
   */
  public Browser signIn(String userType, String account, String password) {
    open("/login?userType=" + userType);
    await(
        ExpectedConditions.attributeToBe(
            By.cssSelector("[role=tab][data-type='" + userType + "']"), "aria-selected", "true"));
    type(By.id("account"), account);
    type(By.id("password"), password);
    submit(By.cssSelector("form button[type=submit]"));
    return this;
  }

  /** Replaces the text of a visible input. */
  public Browser type(By input, String text) {
    WebElement element = visible(input);
    element.clear();
    element.sendKeys(text);
    return this;
  }

  /**
   * Clicks a button that submits a form and waits until the next page has loaded. The page is told
   * apart by a mark set in its window, not by one of its nodes: Chromium now and then answers "does
   * not belong to the document" for a node of a page it is leaving, which is neither stale nor
   * present.
   */
  public Browser submit(By button) {
    String mark = markPage();
    for (int attempt = 1; ; attempt++) {
      try {
        await(ExpectedConditions.elementToBeClickable(button)).click();
        break;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (left(mark)) {
          break;
        }
        if (attempt == 3) {
          throw e;
        }
      }
    }
    await(d -> left(mark));
    awaitLoaded();
    return this;
  }

  /**
   * Clicks a button that asks before it acts (ADR 0037) and returns the question once the page's
   * dialog shows it; answer with {@link #answerYes()} or {@link #answerNo()}.
   */
  public String ask(By button) {
    await(ExpectedConditions.elementToBeClickable(button)).click();
    await(d -> Boolean.TRUE.equals(dialogOpen()));
    return text(By.cssSelector("#confirm-dialog [data-confirm-text]"));
  }

  /** 确定 in the open dialog: the action runs and the next page loads. */
  public Browser answerYes() {
    String mark = markPage();
    visible(By.cssSelector("#confirm-dialog [data-confirm-ok]")).click();
    await(d -> left(mark));
    awaitLoaded();
    return this;
  }

  /** Esc in the open dialog: it closes and nothing is sent. */
  public Browser answerNo() {
    driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
    await(d -> Boolean.FALSE.equals(dialogOpen()));
    return this;
  }

  /** A button that asks first, answered 确定. */
  public Browser submitConfirmed(By button) {
    ask(button);
    return answerYes();
  }

  private @org.jspecify.annotations.Nullable Object dialogOpen() {
    return ((JavascriptExecutor) driver)
        .executeScript(
            "var d = document.getElementById('confirm-dialog'); return !!(d && d.open);");
  }

  private String markPage() {
    String mark = java.util.UUID.randomUUID().toString();
    ((JavascriptExecutor) driver).executeScript("window.cmisPageMark = arguments[0]", mark);
    return mark;
  }

  /** True once the window holds another document than the one marked (false while in doubt). */
  private boolean left(String mark) {
    try {
      return Boolean.FALSE.equals(
          ((JavascriptExecutor) driver)
              .executeScript("return window.cmisPageMark === arguments[0]", mark));
    } catch (org.openqa.selenium.WebDriverException e) {
      return false;
    }
  }

  /**
   * The text of an element once it is visible, looked up again on every try: Chromium now and then
   * loses a node it has just found ("does not belong to the document"), so an element found once is
   * not read later.
   */
  public String text(By by) {
    return await(
        d -> {
          try {
            WebElement element = d.findElement(by);
            return element.isDisplayed() ? element.getText() : null;
          } catch (org.openqa.selenium.WebDriverException e) {
            return null;
          }
        });
  }

  /** Waits until an element is visible and answers it. */
  public WebElement visible(By by) {
    return await(
        d -> {
          try {
            WebElement element = d.findElement(by);
            return element.isDisplayed() ? element : null;
          } catch (org.openqa.selenium.WebDriverException e) {
            return null;
          }
        });
  }

  /** The path of the current page, without query. */
  public String path() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  public String title() {
    return driver.getTitle();
  }

  /** Saves a PNG of the viewport as {@code <build dir>/screenshots/<name>.png}. */
  public Path screenshot(String name) {
    Path target = screenshotDir().resolve(name.replaceAll("[^A-Za-z0-9._-]", "-") + ".png");
    try {
      Files.createDirectories(target.getParent());
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          target,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** {@code ${cmis.build.dir}/screenshots}, else next to the test database, else target's. */
  public static Path screenshotDir() {
    String buildDir = System.getProperty("cmis.build.dir");
    if (buildDir == null || buildDir.isBlank()) {
      String dataDir = System.getProperty("cmis.data-dir");
      buildDir =
          dataDir == null || dataDir.isBlank()
              ? "target"
              : Path.of(dataDir).toAbsolutePath().getParent().toString();
    }
    return Path.of(buildDir, "screenshots");
  }

  private void awaitLoaded() {
    await(
        d -> {
          try {
            return "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
          } catch (org.openqa.selenium.WebDriverException e) {
            return false;
          }
        });
  }

  /**
   * Runs axe-core on the current page (see {@link Axe}) and fails with a readable list (rule id,
   * impact, target selectors, help) when any violation of impact serious or critical exists.
   */
  public Browser assertAccessible() {
    List<Axe.Violation> failing = Axe.failing(driver);
    if (!failing.isEmpty()) {
      StringBuilder message =
          new StringBuilder("axe-core: ")
              .append(failing.size())
              .append(" serious or critical violation(s) on ")
              .append(driver.getCurrentUrl());
      for (Axe.Violation violation : failing) {
        message.append("\n  - ").append(violation.describe());
      }
      throw new AssertionError(message.toString());
    }
    return this;
  }

  /**
   * Sets the page's viewport to {@code width} × {@code height} CSS pixels (Chrome's device metrics
   * override, so the window's frame does not count), e.g. 768 × 1024 for a tablet.
   */
  public Browser viewport(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        java.util.Map.of(
            "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    return this;
  }

  /**
   * How many CSS pixels the page is wider than its viewport ({@code scrollWidth - innerWidth}); 0
   * or less when it does not scroll sideways.
   */
  public long sidewaysOverflow() {
    Object overflow =
        ((JavascriptExecutor) driver)
            .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    return ((Number) overflow).longValue();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      driver.quit();
    } finally {
      service.stop();
      delete(profile);
    }
  }

  private static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a profile left in the temp folder is harmless.
    }
  }
}

package org.cmis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.cmis.support.Axe;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * WCAG AA and tablet layouts on every page (issue 15, ADR 0034): for each demo role one browser
 * signs in and visits every page its left menu reaches, and from those pages the first link of each
 * kind of detail or form page (a class, a registration, a claim, a notice, …); then the public
 * pages. Each page is checked at 1366 × 768 and at 768 × 1024: no serious or critical axe-core
 * violation, and at 768 px no sideways scroll ({@code scrollWidth <= innerWidth}). Every failing
 * page is listed, not only the first.
 *
 * <p>With {@code -Dcmis.a11y.screenshots=true} it also saves a full-page PNG of each page at both
 * widths under {@code screenshots/a11y/}.
 */
@BrowserTest
class AccessibilityBrowserTest {

  private static final String DEMO_PASSWORD = "Demo@2026";
  private static final int[][] VIEWPORTS = {{1366, 768}, {768, 1024}};
  private static final int MAX_DETAIL_PAGES = 40;

  /** Links not to follow: files, downloads, actions, the language switch. */
  private static final Pattern SKIP =
      Pattern.compile(
          ".*(/export|/template|/files/|/attachments/|/evidence/"
              + "|/captcha|/logout|\\.pdf|\\.xlsx|/api/|/v3/|/swagger|/actuator).*");

  /** A link worth following from a menu page: a record (ends in a number) or a form. */
  private static final Pattern DETAIL =
      Pattern.compile(
          ".*/(\\d+|[A-Z0-9-]{6,}|new|edit|register|cancel|check-in|registrations|receipt|sign-in-sheet|certificate)$");

  @ParameterizedTest(name = "{0} {1}: every menu page and its detail pages")
  @CsvSource({
    "MEMBER, 440300010001",
    "FIRM,   44030001",
    "STAFF,  sz-staff",
    "STAFF,  admin",
  })
  void everyPageARoleReachesIsAccessibleAndFitsATablet(
      String userType, String account, Browser browser) {
    browser.signIn(userType, account, DEMO_PASSWORD);
    assertThat(browser.path()).isEqualTo("/");

    Set<String> menu = new LinkedHashSet<>();
    menu.add("/");
    for (WebElement link : browser.driver().findElements(By.cssSelector("nav.sidebar a[href]"))) {
      menu.add(URI.create(link.getDomProperty("href")).getPath());
    }

    Map<String, List<String>> problems = new LinkedHashMap<>();
    Map<String, String> details = new LinkedHashMap<>();
    for (String path : menu) {
      check(browser, account, path, problems);
      collectDetailLinks(browser, details);
    }
    int visited = 0;
    for (String path : new LinkedHashSet<>(details.values())) {
      if (menu.contains(path) || visited++ >= MAX_DETAIL_PAGES) {
        continue;
      }
      check(browser, account, path, problems);
    }
    System.out.printf(
        "a11y %s: %d menu pages, %d detail pages: %s %s%n",
        account, menu.size(), Math.min(details.size(), MAX_DETAIL_PAGES), menu, details.values());
    assertNoProblems(account, problems);
  }

  @Test
  void thePublicPagesAreAccessibleAndFitATablet(Browser browser) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (String path :
        List.of(
            "/login?userType=FIRM",
            "/login?userType=MEMBER",
            "/login?userType=STAFF",
            "/password/forgot",
            "/password/manual",
            "/password/manual/form",
            "/password/manual/status",
            "/help",
            "/verify",
            "/no-such-page")) {
      check(browser, "public", path, problems);
    }
    assertNoProblems("public", problems);
  }

  private static void check(
      Browser browser, String who, String path, Map<String, List<String>> problems) {
    browser.open(path);
    if (!isHtml(browser)) {
      return;
    }
    for (int[] size : VIEWPORTS) {
      browser.viewport(size[0], size[1]);
      String page = path + " @" + size[0];
      List<String> found = new ArrayList<>();
      for (Axe.Violation violation : Axe.failing(browser.driver())) {
        found.add(violation.describe());
      }
      if (size[0] < 1000) {
        long overflow = browser.sidewaysOverflow();
        if (overflow > 0) {
          found.add(
              "scrolls sideways by "
                  + overflow
                  + " px; widest: "
                  + ((JavascriptExecutor) browser.driver()).executeScript(WIDEST));
        }
      }
      if (Boolean.getBoolean("cmis.a11y.screenshots")) {
        fullPageScreenshot(browser, "a11y/" + who + path + "-" + size[0], size);
      }
      if (!found.isEmpty()) {
        problems.put(page, found);
      }
    }
  }

  /** The elements that stick out of the viewport on the right, deepest first. */
  private static final String WIDEST =
      """
      var w = window.innerWidth, out = [];
      document.querySelectorAll('body *').forEach(function (e) {
        var r = e.getBoundingClientRect();
        if (r.right > w + 1 && r.width > 0) {
          var inner = !Array.prototype.some.call(e.children, function (c) {
            return c.getBoundingClientRect().right > w + 1; });
          if (inner) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
            + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
            + ' (' + Math.round(r.right) + ')');
        }
      });
      return out.slice(0, 6).join(', ');
      """;

  private static boolean isHtml(Browser browser) {
    return "text/html"
        .equals(
            ((JavascriptExecutor) browser.driver()).executeScript("return document.contentType"));
  }

  private static void collectDetailLinks(Browser browser, Map<String, String> details) {
    if (!isHtml(browser)) {
      return;
    }
    for (WebElement link : browser.driver().findElements(By.cssSelector("main a[href]"))) {
      String href = link.getDomProperty("href");
      if (href == null || !href.startsWith("http://localhost")) {
        continue;
      }
      String path = URI.create(href).getPath();
      if (path == null || SKIP.matcher(path).matches() || !DETAIL.matcher(path).matches()) {
        continue;
      }
      // The first and the last link of each kind: lists run newest first, so the last is an
      // older record with more in it (a class with registrations, a settled claim).
      String kind = path.replaceAll("\\d+", "{n}");
      details.putIfAbsent(kind, path);
      details.put(kind + " (last)", path);
    }
  }

  private static void fullPageScreenshot(Browser browser, String name, int[] size) {
    long height =
        ((Number)
                ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollHeight"))
            .longValue();
    browser.viewport(size[0], (int) Math.min(Math.max(height, size[1]), 4000));
    browser.screenshot(name);
    browser.viewport(size[0], size[1]);
  }

  private static void assertNoProblems(String who, Map<String, List<String>> problems) {
    StringBuilder report = new StringBuilder();
    problems.forEach(
        (page, found) -> {
          report.append("\n").append(page);
          found.forEach(f -> report.append("\n  - ").append(f));
        });
    if (!problems.isEmpty()) {
      System.out.println("a11y " + who + " problems:" + report);
    }
    assertThat(problems).as("pages of %s with problems:%s", who, report).isEmpty();
  }
}

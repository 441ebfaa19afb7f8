package org.cmis.training.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestClasses;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The firm's bulk page with the keyboard and on a tablet (ADR 0038): no focus stop hides under the
 * sticky tray, a registered person's status on one line, whole e-mail addresses at 768 px.
 */
@BrowserTest
class BulkKeyboardBrowserTest {

  /** True when the element at the focused element's centre is it or inside it. */
  private static final String FOCUS_SEEN =
      "var el = document.activeElement; var r = el.getBoundingClientRect();"
          + " var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
          + " return hit !== null && (hit === el || el.contains(hit));";

  @Autowired TestClasses classes;
  @Autowired RegistrationService service;

  @Test
  void everyFocusStopIsAboveTheTray(Browser browser) {
    TrainingClass c = classes.open(100, 100, false, false);
    browser.signIn("FIRM", "44030016", "Demo@2026");
    browser.open("/classes/" + c.id() + "/register?size=20");
    browser.visible(By.cssSelector("[data-test=people-table]"));
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();

    List<String> covered = new ArrayList<>();
    int stops = 0;
    boolean reachedRegister = false;
    for (int i = 0; i < 150 && !reachedRegister; i++) {
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
      WebElement focused = browser.driver().switchTo().activeElement();
      stops++;
      String what =
          focused.getTagName()
              + " "
              + focused.getDomAttribute("name")
              + " "
              + focused.getDomAttribute("aria-label");
      if (!Boolean.TRUE.equals(js.executeScript(FOCUS_SEEN))) {
        covered.add(what);
      }
      reachedRegister = "register".equals(focused.getDomAttribute("data-test"));
    }
    browser.screenshot("bulk-keyboard-last-stop");

    assertThat(reachedRegister).as("Tab reaches 报名").isTrue();
    assertThat(stops).isGreaterThan(40);
    assertThat(covered).as("focus stops covered").isEmpty();
  }

  @Test
  void aRegisteredPersonShowsItsStatusOnOneLineAndTheTabletShowsWholeAddresses(Browser browser) {
    TrainingClass c = classes.open(100, 100, false, false);
    service.registerSelf(TestClasses.member(17, 1), c.id(), null, null, false);
    browser.signIn("FIRM", "44030017", "Demo@2026");
    browser.open("/classes/" + c.id() + "/register?size=20");

    WebElement tag = browser.visible(By.cssSelector("[data-test=registered-tag]"));
    assertThat(tag.getText()).isEqualTo("已报名·待确认");
    assertThat(tag.getSize().getHeight()).as("one line").isLessThan(26);

    browser.driver().manage().window().setSize(new Dimension(768, 1024));
    browser.open("/classes/" + c.id() + "/register?size=20");
    browser.visible(By.cssSelector("[data-test=people-table]"));
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    assertThat(
            (Boolean)
                js.executeScript(
                    "var d = document.documentElement; return d.scrollWidth <= d.clientWidth;"))
        .as("no sideways scroll of the page")
        .isTrue();
    @SuppressWarnings("unchecked")
    List<String> cut =
        (List<String>)
            js.executeScript(
                "return Array.from(document.querySelectorAll('input[data-kind=email]'))"
                    + ".filter(i => i.value && i.scrollWidth > i.clientWidth).map(i => i.value);");
    assertThat(cut).as("e-mail inputs cut short").isEmpty();
    browser.screenshot("bulk-768");
  }
}

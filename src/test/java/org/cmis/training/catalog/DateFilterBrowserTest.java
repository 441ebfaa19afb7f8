package org.cmis.training.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The class list's filters with the keyboard: one Tab stop per date (ADR 0038). */
@BrowserTest
class DateFilterBrowserTest {

  @Test
  void fromTheFirstFilterToQueryTakesNoMoreTabsThanFieldsPlusTwo(Browser browser) {
    browser.signIn("MEMBER", "440300010001", "Demo@2026");
    browser.open("/classes");
    WebElement form = browser.visible(By.cssSelector("[data-test=class-filters]"));
    int fields = form.findElements(By.cssSelector("input:not([type=hidden]), select")).size();
    WebElement first = form.findElement(By.cssSelector("select[name=year]"));
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].focus()", first);
    browser.await(d -> first.equals(d.switchTo().activeElement()));

    int presses = 0;
    WebElement focused = first;
    while (presses < 30 && !"submit".equals(focused.getDomAttribute("type"))) {
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
      focused = browser.driver().switchTo().activeElement();
      presses++;
    }

    assertThat(focused.getText()).isEqualTo("查询");
    assertThat(fields).isEqualTo(7);
    assertThat(presses).isLessThanOrEqualTo(fields + 2);
  }

  @Test
  void aDateTypedWithTheKeyboardFiltersAndABadOneIsMarkedInRed(Browser browser) {
    browser.signIn("MEMBER", "440300010001", "Demo@2026");
    browser.open("/classes");
    browser.type(By.id("date-trainingStartFrom"), "2026-02-30");
    browser.driver().findElement(By.id("date-trainingStartFrom")).sendKeys(Keys.ENTER);

    String message = browser.text(By.cssSelector("[data-test=date-error-trainingStartFrom]"));
    assertThat(message).contains("“2026-02-30”不是有效日期");
    assertThat(browser.visible(By.id("date-trainingStartFrom")).getDomProperty("value"))
        .isEqualTo("2026-02-30");
    assertThat(
            browser
                .visible(By.cssSelector("[data-test=date-error-trainingStartFrom]"))
                .getCssValue("color"))
        .isEqualTo("rgba(192, 57, 43, 1)");
    browser.screenshot("class-filters-bad-date");
  }
}

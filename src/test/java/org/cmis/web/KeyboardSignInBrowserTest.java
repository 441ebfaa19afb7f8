package org.cmis.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Signing in with the keyboard alone: Tab to the user type tab, Enter, type, Enter (ADR 0038). */
@BrowserTest
class KeyboardSignInBrowserTest {

  private static WebElement tab(WebDriver driver) {
    new Actions(driver).sendKeys(Keys.TAB).perform();
    return driver.switchTo().activeElement();
  }

  @Test
  void aMemberSignsInWithTabAndEnterOnly(Browser browser) {
    browser.open("/login");
    WebDriver driver = browser.driver();
    assertThat(
            browser
                .visible(By.cssSelector("[role=tab][data-type=FIRM]"))
                .getDomAttribute("aria-selected"))
        .isEqualTo("true");

    WebElement focused = null;
    for (int i = 0; i < 10; i++) {
      focused = tab(driver);
      if ("MEMBER".equals(focused.getDomAttribute("data-type"))) {
        break;
      }
    }
    assertThat(focused.getDomAttribute("data-type")).isEqualTo("MEMBER");
    focused.sendKeys(Keys.ENTER);
    browser.await(
        d ->
            "true"
                .equals(
                    d.findElement(By.cssSelector("[role=tab][data-type=MEMBER]"))
                        .getDomAttribute("aria-selected")));
    assertThat(driver.findElement(By.cssSelector("input[data-user-type]")).getDomProperty("value"))
        .isEqualTo("MEMBER");
    assertThat(
            driver
                .findElement(By.cssSelector("[role=tab][data-type=FIRM]"))
                .getDomAttribute("aria-selected"))
        .isEqualTo("false");
    browser.screenshot("login-keyboard-member");

    for (int i = 0; i < 5 && !"account".equals(focused.getDomAttribute("id")); i++) {
      focused = tab(driver);
    }
    assertThat(focused.getDomAttribute("id")).isEqualTo("account");
    focused.sendKeys("440300010001");
    focused = tab(driver);
    assertThat(focused.getDomAttribute("id")).isEqualTo("password");
    focused.sendKeys("Demo@2026", Keys.ENTER);

    browser.await(d -> browser.path().equals("/"));
    assertThat(
            browser.visible(By.cssSelector("[data-test=home-role]")).getDomAttribute("data-role"))
        .isEqualTo("MEMBER");
  }
}

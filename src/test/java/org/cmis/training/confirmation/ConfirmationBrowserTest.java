package org.cmis.training.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestClasses;
import org.cmis.training.catalog.TrainingClass;
import org.cmis.training.registration.RegistrationService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff tick two pending registrations and confirm them in bulk, in Chromium (F4.4). */
@BrowserTest
class ConfirmationBrowserTest {

  @Autowired TestClasses testClasses;
  @Autowired RegistrationService registrations;

  @Test
  void staffConfirmTwoTickedRegistrations(Browser browser) {
    TrainingClass c = testClasses.open(10, 20, false, false);
    List<Long> ids =
        registrations
            .registerPeople(
                TestClasses.firm(13),
                c.id(),
                List.of(
                    new RegistrationService.Applicant("440300130001", null, null),
                    new RegistrationService.Applicant("440300130002", null, null),
                    new RegistrationService.Applicant("440300130003", null, null)),
                false)
            .stream()
            .map(RegistrationService.Result::registrationId)
            .toList();

    browser.signIn("STAFF", "sz-staff", "Demo@2026");
    browser.open("/manage/classes/" + c.id() + "/registrations");
    browser.screenshot("confirmation-before");
    browser.assertAccessible();

    checkbox(browser, ids.get(0)).click();
    checkbox(browser, ids.get(1)).click();
    assertThat(browser.text(By.cssSelector("[data-selected-count]"))).isEqualTo("已选 2 条");
    assertThat(browser.ask(By.cssSelector("button[data-test=confirm]"))).isEqualTo("将确认 2 人，确定吗？");
    browser.answerYes();

    assertThat(browser.text(By.cssSelector("[data-test=result]"))).contains("已确认 2 人");
    assertThat(status(browser, ids.get(0))).isEqualTo("已确认");
    assertThat(status(browser, ids.get(1))).isEqualTo("已确认");
    assertThat(status(browser, ids.get(2))).isEqualTo("待确认");
    assertThat(browser.text(By.cssSelector("[data-count=confirmed]"))).isEqualTo("2");

    // Everything fits the 1366 px window: no horizontal scrolling to reach the actions.
    long overflow =
        (Long)
            ((JavascriptExecutor) browser.driver())
                .executeScript(
                    "return document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth;");
    assertThat(overflow).isLessThanOrEqualTo(0);
    for (String action : List.of("confirm", "reject", "up-to-capacity", "export-all")) {
      WebElement button = browser.visible(By.cssSelector("[data-test=" + action + "]"));
      assertThat(button.getRect().getX() + button.getRect().getWidth()).isLessThan(1366);
    }
    assertThat(browser.driver().getPageSource()).doesNotContain("??");
    browser.screenshot("confirmation-after");
    browser.assertAccessible();

    browser.open("/manage/classes/" + c.id() + "/sign-in-sheet");
    assertThat(browser.text(By.cssSelector("[data-test=sheet]")))
        .contains("440300130001", "440300130002")
        .doesNotContain("440300130003");
    browser.screenshot("confirmation-sign-in-sheet");
    browser.assertAccessible();
  }

  /**
   * 按报名顺序确认至满员 asks first, saying how many it would confirm: Esc (or 取消) leaves every registration
   * pending and returns the focus to the button; 确定 confirms them (ADR 0037).
   */
  @Test
  void confirmingUpToCapacityAsksFirst(Browser browser) {
    TrainingClass c = testClasses.open(2, 20, false, false);
    List<Long> ids =
        registrations
            .registerPeople(
                TestClasses.firm(13),
                c.id(),
                List.of(
                    new RegistrationService.Applicant("440300130001", null, null),
                    new RegistrationService.Applicant("440300130002", null, null),
                    new RegistrationService.Applicant("440300130003", null, null)),
                false)
            .stream()
            .map(RegistrationService.Result::registrationId)
            .toList();
    browser.signIn("STAFF", "sz-staff", "Demo@2026");
    browser.open("/manage/classes/" + c.id() + "/registrations");
    By upTo = By.cssSelector("button[data-test=up-to-capacity]");

    assertThat(browser.ask(upTo)).isEqualTo("将确认 2 人（按报名顺序，至满员为止），确定吗？");
    assertThat(browser.driver().switchTo().activeElement().getAttribute("data-test"))
        .isEqualTo("confirm-no");
    browser.screenshot("confirmation-ask-up-to-capacity");
    browser.assertAccessible();
    browser.answerNo();
    assertThat(browser.driver().switchTo().activeElement().getAttribute("data-test"))
        .isEqualTo("up-to-capacity");
    assertThat(status(browser, ids.get(0))).isEqualTo("待确认");
    assertThat(browser.text(By.cssSelector("[data-count=confirmed]"))).isEqualTo("0");

    browser.ask(upTo);
    browser.answerYes();
    assertThat(status(browser, ids.get(0))).isEqualTo("已确认");
    assertThat(status(browser, ids.get(1))).isEqualTo("已确认");
    assertThat(status(browser, ids.get(2))).isEqualTo("待确认");
  }

  private static WebElement checkbox(Browser browser, long id) {
    return browser.visible(
        By.cssSelector("tr[data-registration='" + id + "'] input[data-row-check]"));
  }

  private static String status(Browser browser, long id) {
    return browser.visible(By.cssSelector("tr[data-registration='" + id + "'] .tag")).getText();
  }
}

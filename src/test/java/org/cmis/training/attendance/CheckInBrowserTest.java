package org.cmis.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staff open a check-in session and show it; a member signs in, types the code and is checked in
 * (and attended, the class having one day); staff then tick two others on the bulk page and mark
 * them absent.
 */
@BrowserTest
class CheckInBrowserTest {

  @Autowired StartedClasses started;

  @Test
  void staffRunACheckInSessionAndMarkTheRestOnTheBulkPage(Browser browser) {
    StartedClasses.Setup s = started.started(1, 3);
    browser.signIn("STAFF", "sz-staff", "Demo@2026");
    browser.open("/manage/attendance");
    assertThat(browser.text(By.cssSelector("[data-class='" + s.c().id() + "']")))
        .contains(s.c().name());
    browser.open("/manage/attendance/classes/" + s.c().id() + "/check-in");
    browser.submit(By.cssSelector("[data-test=open]"));
    assertThat(browser.path()).startsWith("/manage/attendance/check-in/");
    String code = browser.text(By.cssSelector("[data-test=code]"));
    assertThat(code).matches("[0-9]{6}");
    browser.visible(By.cssSelector("[data-test=qr] svg"));
    browser.screenshot("check-in-projector");

    browser.open("/");
    browser.submit(By.cssSelector("form[action$='/logout'] button"));
    browser.signIn("MEMBER", s.firm().memberNo(1), TestFirms.PASSWORD);
    browser.open("/check-in");
    browser.type(By.id("code"), code);
    browser.submit(By.cssSelector("[data-test=check-in]"));
    assertThat(browser.text(By.cssSelector("[data-test=check-in-result]")))
        .contains("已签到", "准时签到", "已登记出勤");
    browser.screenshot("check-in-member");
    assertThat(started.attendance(s.registrationIds().get(0))).isEqualTo("ATTENDED");

    browser.open("/");
    browser.submit(By.cssSelector("form[action$='/logout'] button"));
    browser.signIn("STAFF", "sz-staff", "Demo@2026");
    browser.open("/manage/attendance/classes/" + s.c().id());
    tick(browser, s.registrationIds().get(1));
    tick(browser, s.registrationIds().get(2));
    assertThat(browser.text(By.cssSelector("[data-selected-count]"))).isEqualTo("已选 2 人");
    assertThat(browser.ask(By.cssSelector("[data-test=mark-absent]"))).isEqualTo("将为 2 人登记缺勤，确定吗？");
    browser.answerYes();
    assertThat(browser.text(By.cssSelector("[data-test=result]"))).contains("已登记缺勤 2 人");
    assertThat(browser.text(By.cssSelector("[data-test=counts] [data-count=attended]")))
        .isEqualTo("1");
    assertThat(browser.text(By.cssSelector("[data-test=counts] [data-count=absent]")))
        .isEqualTo("2");
    browser.screenshot("attendance-bulk");
    assertThat(started.attendance(s.registrationIds().get(2))).isEqualTo("ABSENT");
  }

  private static void tick(Browser browser, long registrationId) {
    WebElement box =
        browser.visible(By.cssSelector("input[name=ids][value='" + registrationId + "']"));
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
    browser.await(ExpectedConditions.elementToBeClickable(box)).click();
    browser.await(ExpectedConditions.elementSelectionStateToBe(box, true));
  }
}

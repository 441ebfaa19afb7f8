package org.cmis.training.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestClasses;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A member registers and cancels; a firm ticks people on two pages and registers them. */
@BrowserTest
class RegistrationJourneyBrowserTest {

  @Autowired TestClasses classes;
  @Autowired JdbcClient jdbc;

  @Test
  void aMemberRegistersAndCancelsThroughThePages(Browser browser) {
    TrainingClass c = classes.open(20, 20, false, false);
    String member = "440300150001";
    browser.signIn("MEMBER", member, "Demo@2026");

    browser.open("/classes/" + c.id() + "/register");
    assertThat(browser.text(By.cssSelector("[data-test=notes]")))
        .contains("报名注意事项", "因故无法参加，请提前通知培训实施单位。否则，将会受到通报！");
    assertThat(browser.visible(By.id("mobile")).getDomProperty("value")).matches("1[3-9]\\d{9}");
    browser.screenshot("registration-member");
    browser.assertAccessible();
    browser.type(By.id("mobile"), "13955556666");
    browser.submit(By.cssSelector("[data-test=submit]"));

    assertThat(browser.path()).isEqualTo("/classes/" + c.id());
    assertThat(browser.text(By.cssSelector(".flash"))).contains("报名成功，状态：待确认");
    Long id =
        jdbc.sql(
                "select id from registration where class_id = :c and member_no = :m"
                    + " and status = 'PENDING' and mobile = '13955556666'")
            .param("c", c.id())
            .param("m", member)
            .query(Long.class)
            .single();

    browser.open("/registrations/" + id + "/cancel");
    browser.type(By.id("reason"), "单位安排出差");
    browser.submit(By.cssSelector("[data-test=cancel-submit]"));

    assertThat(browser.path()).isEqualTo("/classes/" + c.id());
    assertThat(browser.text(By.cssSelector(".flash"))).contains("已取消报名");
    assertThat(
            jdbc.sql("select status from registration where id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("CANCELLED");
  }

  @Test
  void aFirmTicksPeopleOnTwoPagesAndRegistersThem(Browser browser) {
    TrainingClass c = classes.open(100, 100, false, false);
    browser.signIn("FIRM", "44030015", "Demo@2026");

    browser.open("/classes/" + c.id() + "/register?size=10");
    tick(browser, "440300150002");
    tick(browser, "440300150003");
    assertThat(browser.text(By.cssSelector("[data-test=tray-count]"))).isEqualTo("已选 2 人");
    browser.screenshot("registration-firm-page1");
    browser.assertAccessible();

    press(browser, By.cssSelector("[data-test=next]"));
    // The one paging bar (fragments/paging :: pagingForm): page 2 current, 5 pages to jump to.
    assertThat(browser.text(By.cssSelector("[data-test=pager] .current"))).isEqualTo("2");
    assertThat(
            browser
                .driver()
                .findElement(By.cssSelector("[data-test=pager-page]"))
                .getAttribute("max"))
        .isEqualTo("5");
    assertThat(browser.text(By.cssSelector("[data-test=tray-count]"))).isEqualTo("已选 2 人");
    tick(browser, "440300150012");
    assertThat(browser.text(By.cssSelector("[data-test=tray-count]"))).isEqualTo("已选 3 人");
    List<WebElement> chips = browser.driver().findElements(By.cssSelector(".tray-names li"));
    assertThat(chips).hasSize(3);
    ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 420)");
    browser.screenshot("registration-firm-page2");
    browser.assertAccessible();
    assertNoHorizontalScroll(browser);

    press(browser, By.cssSelector("[data-test=register]"));

    assertThat(browser.text(By.cssSelector("[data-test=bulk-summary]"))).contains("已报名 3 人");
    assertThat(browser.driver().findElements(By.cssSelector("[data-test=result-table] tbody tr")))
        .hasSize(3);
    assertThat(browser.text(By.cssSelector("[data-test=tray-count]"))).isEqualTo("已选 0 人");
    browser.screenshot("registration-firm-result");
    browser.assertAccessible();
    assertThat(
            jdbc.sql(
                    "select count(*) from registration where class_id = :c and status = 'PENDING'"
                        + " and member_no in ('440300150002', '440300150003', '440300150012')")
                .param("c", c.id())
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  private static void tick(Browser browser, String memberNo) {
    WebElement box = browser.visible(By.id("pick-" + memberNo));
    // The tray stays in view at the bottom: bring the row to the middle, as a person scrolls.
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
    browser.await(ExpectedConditions.elementToBeClickable(box)).click();
    browser.await(ExpectedConditions.elementSelectionStateToBe(box, true));
  }

  /** Clicks a submit button brought to the middle of the view (the tray stays at the bottom). */
  private static void press(Browser browser, By button) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.visible(button));
    browser.submit(button);
  }

  private static void assertNoHorizontalScroll(Browser browser) {
    Object overflow =
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    assertThat(overflow).isEqualTo(false);
  }
}

package org.cmis.training.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestClasses;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** The class pages in Chromium at 1366 × 768: the staff form, and the list's 操作 column. */
@BrowserTest
class ClassPagesBrowserTest {

  private static final String PASSWORD = "Demo@2026";

  private final ClassService classes;

  @Autowired
  ClassPagesBrowserTest(ClassService classes) {
    this.classes = classes;
  }

  @Test
  void staffCreateAClassThroughTheFormAndFindItInTheList(Browser browser) {
    String name = "浏览器新建培训班" + System.nanoTime();
    LocalDate d = classes.today();
    browser.signIn("STAFF", "sz-staff", PASSWORD);
    browser.open("/manage/classes/new");
    assertThat(browser.title()).contains("新建培训班");
    browser.screenshot("class-form");
    browser.assertAccessible();
    browser.submit(By.cssSelector("[data-test=save]"));
    assertThat(browser.text(By.cssSelector("[data-test=error-name]"))).isEqualTo("必填");
    assertThat(browser.text(By.cssSelector("[data-test=error-summary]"))).contains("请修正标出的错误后再保存");
    browser.screenshot("class-form-errors");
    browser.assertAccessible();

    browser.type(By.id("name"), name);
    setValue(browser, "registrationStart", d.minusDays(1).toString());
    setValue(browser, "registrationEnd", d.plusDays(6).toString());
    setValue(browser, "trainingStart", d.plusDays(10).toString());
    setValue(browser, "trainingEnd", d.plusDays(11).toString());
    browser.type(By.id("hours"), "8");
    browser.type(By.id("capacity"), "60");
    browser.type(By.id("maxRegistrations"), "80");
    click(browser, By.id("published1"));
    browser.submit(By.cssSelector("[data-test=save]"));

    assertThat(browser.path()).isEqualTo("/manage/classes");
    assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("已保存");
    browser.type(By.cssSelector("[data-test=name-filter]"), name);
    browser.submit(By.cssSelector("[data-test=search]"));
    WebElement row = browser.visible(By.cssSelector("[data-test=manage-table] tbody tr"));
    assertThat(row.getText()).contains(name, "报名中", "60", "80");
    assertThat(browser.driver().findElements(By.cssSelector("[data-test=manage-table] tbody tr")))
        .hasSize(1);
    assertActionsInView(browser, "[data-test=manage-table] tbody tr td.col-actions a");
    assertThat(browser.driver().getPageSource()).doesNotContain("??");
    browser.screenshot("class-manage");
    browser.assertAccessible();

    browser.open("/classes");
    assertThat(browser.title()).contains("培训班查询");
    assertActionsInView(browser, "[data-test=detail-link]");
  }

  @Test
  void theListShowsTheActionColumnWithoutScrollingAt1366(Browser browser) {
    String token = "超长名称" + System.nanoTime();
    LocalDate d = classes.today();
    classes.create(
        TestClasses.SZ_STAFF,
        TestClasses.input(
            "深圳辖区从事证券服务业务会计师事务所注册会计师专题培训班（第四十二期CPA文化大讲堂" + "“把握可持续信息披露新机遇”）" + token,
            d.minusDays(1),
            d.plusDays(5),
            d.plusDays(10),
            d.plusDays(11),
            300,
            320,
            false,
            false,
            true));
    browser.signIn("MEMBER", "440300170045", PASSWORD);

    browser.open("/classes");
    assertThat(browser.title()).contains("培训班报名");
    assertThat(browser.text(By.cssSelector("[data-test=external-note]")))
        .startsWith("注意：凡参加中注协委托三院培训班的学员");
    assertActionsInView(browser, "[data-test=detail-link]");
    assertActionsInView(browser, "[data-test=register-link]");
    browser.screenshot("class-list-member");
    browser.assertAccessible();

    browser.open("/classes?year=&name=" + token);
    WebElement register = browser.visible(By.cssSelector("[data-test=register-link]"));
    assertThat(register.getText()).isEqualTo("报名");
    assertActionsInView(browser, "[data-test=register-link]");
    browser.screenshot("class-list-long-name");
    browser.assertAccessible();

    browser.driver().findElement(By.cssSelector("[data-test=detail-link]")).click();
    browser.visible(By.cssSelector("[data-test=class-facts]"));
    assertThat(browser.text(By.cssSelector("[data-test=class-title]"))).contains(token);
    assertThat(browser.text(By.cssSelector("[data-test=registrations-empty]"))).contains("报名");
    browser.screenshot("class-detail");
    browser.assertAccessible();
  }

  /** Every matching link lies within the window's width: no horizontal scrolling needed. */
  private static void assertActionsInView(Browser browser, String css) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
    assertThat(innerWidth).isLessThanOrEqualTo(1366);
    List<WebElement> links = browser.driver().findElements(By.cssSelector(css));
    assertThat(links).isNotEmpty();
    for (WebElement link : links) {
      double right =
          ((Number) js.executeScript("return arguments[0].getBoundingClientRect().right", link))
              .doubleValue();
      assertThat(right).as("right edge of %s", link.getText()).isLessThanOrEqualTo(innerWidth);
    }
    Object scrolls =
        js.executeScript(
            "var w = document.querySelector('.class-table-wrap');"
                + " return w ? w.scrollWidth > w.clientWidth : false");
    assertThat(scrolls).isEqualTo(false);
  }

  private static void setValue(Browser browser, String id, String value) {
    WebElement input = browser.visible(By.id(id));
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].value = arguments[1];", input, value);
  }

  private static void click(Browser browser, By by) {
    WebElement element = browser.visible(by);
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", element);
  }
}

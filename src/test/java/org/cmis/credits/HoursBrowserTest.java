package org.cmis.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestFirms;
import org.cmis.support.TestFirms.Firm;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium (F5.4): a member opens 学时查询 and sees its progress; a firm filters its people on short
 * and exports the list.
 */
@BrowserTest
class HoursBrowserTest {

  @Autowired TestFirms firms;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void aMemberOpensItsHoursAndSeesItsProgress(Browser browser) {
    Firm firm = firms.aFirm().withCpas(1).withMemberAccounts().create();
    int year = LocalDate.now(clock).getYear();
    new HourEntries(jdbc).training(firm.memberNo(1), year, 10, 2, "审计准则专题培训班");

    browser.signIn("MEMBER", firm.memberNo(1), TestFirms.PASSWORD);
    assertThat(browser.text(By.cssSelector("[data-test=home-progress-text]")))
        .isEqualTo("已完成 10 / 应完成 40 学时");
    browser.submit(By.cssSelector("[data-test=home-hours-link]"));
    assertThat(browser.path()).isEqualTo("/hours");
    WebElement bar = browser.visible(By.cssSelector("progress[data-test=progress]"));
    assertThat(bar.getAttribute("value")).isEqualTo("25");
    assertThat(bar.getAttribute("aria-label")).isEqualTo("学时完成进度");
    assertThat(browser.text(By.cssSelector("[data-test=progress-text]")))
        .isEqualTo("已完成 10 / 应完成 40 学时");
    assertThat(browser.text(By.cssSelector("[data-test=state]"))).isEqualTo("未完成");
    assertThat(browser.text(By.cssSelector("[data-test=entries]"))).contains("培训班：审计准则专题培训班");
    assertThat(browser.text(By.cssSelector("[data-test=ethics-text]")))
        .isEqualTo("职业道德 已完成 2 / 应完成 4 学时");
    assertThat(browser.driver().getPageSource()).doesNotContain("??");
    browser.screenshot("hours-member");
    browser.assertAccessible();
  }

  @Test
  void aFirmFiltersItsPeopleOnShortAndExports(Browser browser) {
    Firm firm = firms.aFirm().withCpas(3).create();
    int year = LocalDate.now(clock).getYear();
    new HourEntries(jdbc).training(firm.memberNo(1), year, 40, 4, "全年培训");

    browser.signIn("FIRM", firm.firmNo(), TestFirms.PASSWORD);
    browser.open("/hours/people");
    assertThat(rows(browser)).containsExactly(firm.memberNo(1), firm.memberNo(2), firm.memberNo(3));
    new Select(browser.visible(By.cssSelector("select[data-test=short]"))).selectByValue("true");
    browser.submit(By.cssSelector("button[data-test=search]"));
    assertThat(rows(browser)).containsExactly(firm.memberNo(2), firm.memberNo(3));
    assertThat(browser.text(By.cssSelector("[data-test=people]")))
        .contains("未完成")
        .doesNotContain("合格");
    browser.screenshot("hours-people-short");
    browser.assertAccessible();

    String href = browser.visible(By.cssSelector("a[data-test=export]")).getAttribute("href");
    assertThat(href).contains("short=true");
    Object answer =
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer()"
                    + ".then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '"
                    + " + (r.headers.get('content-disposition') || '').includes('.xlsx') + ' '"
                    + " + new Uint8Array(b).slice(0, 2).join(','))))"
                    + ".catch(e => done('error ' + e));",
                href);
    // 200, the xlsx type, a .xlsx file name, and a ZIP container ("PK").
    assertThat(answer)
        .isEqualTo(
            "200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet true 80,75");
  }

  private static List<String> rows(Browser browser) {
    browser.visible(By.cssSelector("[data-test=people]"));
    return browser.driver().findElements(By.cssSelector("tr[data-member]")).stream()
        .map(e -> e.getAttribute("data-member"))
        .toList();
  }
}

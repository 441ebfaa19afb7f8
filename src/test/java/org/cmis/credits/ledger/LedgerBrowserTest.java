package org.cmis.credits.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staff find a CPA on 学时管理 in Chromium, are told a wrong number of hours under its field, add the
 * hours, and reverse them with a reason.
 */
@BrowserTest
class LedgerBrowserTest {

  private final TestFirms firms;

  @Autowired
  LedgerBrowserTest(TestFirms firms) {
    this.firms = firms;
  }

  @Test
  void staffAddAManualEntryAndReverseIt(Browser browser) {
    TestFirms.Firm firm = firms.aFirm().withCpas(1).create();
    String no = firm.memberNo(1);

    browser.signIn("STAFF", "sz-staff", "Demo@2026").open("/manage/hours");
    browser.type(By.name("q"), no);
    browser.submit(By.cssSelector("[data-test=member-search] button[type=submit]"));
    browser.submit(By.cssSelector("[data-member='" + no + "'] a"));
    assertThat(browser.text(By.cssSelector("[data-test=member-no]"))).isEqualTo(no);
    assertThat(browser.text(By.cssSelector("[data-test=no-entries]"))).contains("暂无学时记录");

    browser.type(By.id("add-hours"), "3.3");
    browser.type(By.id("add-note"), "国家会计学院 2026 年培训");
    browser.submit(By.cssSelector("[data-test=add]"));
    assertThat(browser.text(By.cssSelector("[data-test=error-hours]")))
        .isEqualTo("学时须为 0.5 的整数倍，不为 0，绝对值不超过 200");
    browser.screenshot("ledger-field-error");

    browser.type(By.id("add-hours"), "3.5");
    browser.submit(By.cssSelector("[data-test=add]"));
    assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("已补录学时");
    assertThat(browser.text(By.cssSelector("[data-test=entries]")))
        .contains("国家会计学院 2026 年培训", "外部认定", "3.5");
    assertThat(browser.text(By.cssSelector("[data-total=completed]"))).isEqualTo("3.5");

    browser.type(By.cssSelector("[data-test=entries] input[name=reason]"), "重复录入");
    browser.submit(By.cssSelector("[data-test=reverse]"));
    assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("已冲销该条学时记录");
    assertThat(browser.text(By.cssSelector("[data-test=reversed]"))).isEqualTo("已冲销");
    assertThat(browser.text(By.cssSelector("[data-total=completed]"))).isEqualTo("0.0");
    browser.screenshot("ledger-reversed");
  }
}

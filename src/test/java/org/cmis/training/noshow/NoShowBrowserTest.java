package org.cmis.training.noshow;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestFirms;
import org.cmis.training.noshow.PastClasses.TrainingClassRow;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff filter the no-shows in Chromium, compile a 通报 and publish it: it shows in /notices. */
@BrowserTest
class NoShowBrowserTest {

  private final PastClasses past;
  private final TestFirms firms;

  @Autowired
  NoShowBrowserTest(PastClasses past, TestFirms firms) {
    this.past = past;
    this.firms = firms;
  }

  @Test
  void staffFilterTheNoShowsAndPublishABulletin(Browser browser) {
    TestFirms.Firm firm = firms.aFirm().withCpas(3).create();
    TrainingClassRow ended = past.ended("SZ", 8, "浏览器未到测试班");
    past.register(ended, firm, 1, "CONFIRMED", "ABSENT", false);
    past.register(ended, firm, 2, "CONFIRMED", "ABSENT", false);
    past.register(ended, firm, 3, "CONFIRMED", "ATTENDED", false);
    String day = ended.end().toString();

    browser.signIn("STAFF", "sz-staff", "Demo@2026").open("/manage/no-shows");
    assertThat(browser.text(By.cssSelector("[data-test=page-title]"))).isEqualTo("未到人员通报");
    browser.type(By.id("from"), "2026-02-30");
    browser.submit(By.cssSelector("[data-test=search]"));
    assertThat(browser.text(By.cssSelector("[data-test=error-from]"))).contains("请输入有效日期");

    browser.type(By.id("from"), day);
    browser.type(By.id("to"), day);
    browser.type(By.id("firmNo"), firm.firmNo());
    browser.submit(By.cssSelector("[data-test=search]"));
    String table = browser.text(By.cssSelector("[data-test=noshow-table]"));
    assertThat(table).contains(firm.memberNo(1), firm.memberNo(2), ended.name());
    assertThat(table).doesNotContain(firm.memberNo(3));
    browser.screenshot("noshows-list");

    browser.submit(By.cssSelector("[data-test=compile]"));
    String title = "关于 " + day + " 结束的培训班未到人员的通报";
    assertThat(browser.text(By.cssSelector("[data-test=bulletin-title]"))).isEqualTo(title);
    assertThat(browser.text(By.cssSelector("[data-test=bulletin-body]")))
        .contains(firm.memberNo(1), firm.memberNo(2), firm.name(), "共 2 人。");
    assertThat(browser.text(By.cssSelector("[data-test=bulletin-count]"))).isEqualTo("共通报 2 人");
    browser.screenshot("noshows-bulletin");

    browser.submit(By.cssSelector("[data-test=publish]"));
    assertThat(browser.path()).matches("/notices/\\d+");
    assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("通报已发布");
    assertThat(browser.text(By.cssSelector("[data-test=notice-body]")))
        .contains(firm.memberNo(1), firm.cpa(2).name(), ended.name());
    browser.screenshot("noshows-notice");

    browser.open("/notices");
    assertThat(browser.text(By.cssSelector("[data-test=notice-table]"))).contains(title);
  }
}

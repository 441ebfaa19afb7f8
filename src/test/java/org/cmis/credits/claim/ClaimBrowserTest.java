package org.cmis.credits.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 产出法形式学时 in Chromium: a member submits a claim with two files and sees it pending; staff approve
 * fewer hours, told first that the reason is required; the member sees its hours rise in 学时查询.
 */
@BrowserTest
class ClaimBrowserTest {

  private final TestFirms firms;

  @Autowired
  ClaimBrowserTest(TestFirms firms) {
    this.firms = firms;
  }

  @Test
  void aMemberClaimsStaffApproveFewerHoursAndTheMembersHoursRise(Browser browser) throws Exception {
    TestFirms.Firm firm = firms.aFirm().withCpas(1).withMemberAccounts().create();
    String no = firm.memberNo(1);
    Path dir = Files.createTempDirectory("claim-evidence");
    Path cover = Files.write(dir.resolve("授课邀请函.png"), ClaimApi.png());
    Path letter = Files.write(dir.resolve("课程安排.pdf"), ClaimApi.pdf());
    String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

    browser.signIn("MEMBER", no, TestFirms.PASSWORD).open("/hours");
    assertThat(browser.text(By.cssSelector("[data-category=OUTPUT]"))).isEqualTo("0.0");
    browser.open("/claims");
    browser.submit(By.cssSelector("[data-test=new-claim]"));
    new Select(browser.visible(By.id("claim-type"))).selectByValue("TEACHING");
    browser.type(By.id("claim-title"), "审计抽样方法 " + no);
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("document.getElementById('claim-workDate').value = arguments[0]", today);
    browser.type(By.id("claim-identifier"), "KC-" + no);
    browser.type(By.id("claim-units"), "4");
    browser.type(By.id("claim-hoursClaimed"), "8");
    browser.submit(By.cssSelector("[data-test=preview-button]"));
    assertThat(browser.text(By.cssSelector("[data-test=preview-rule]"))).contains("8.0 学时");
    assertThat(browser.text(By.cssSelector("[data-test=preview-cap]"))).contains("24.0 学时");
    browser.screenshot("claim-preview");
    browser.assertAccessible();
    browser
        .driver()
        .findElement(By.id("claim-evidence"))
        .sendKeys(cover.toAbsolutePath() + "\n" + letter.toAbsolutePath());
    browser.submit(By.cssSelector("[data-test=save-submit]"));
    assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("已提交审核");
    assertThat(browser.text(By.cssSelector("h1 [data-test=status]"))).isEqualTo("待审核");
    assertThat(browser.text(By.cssSelector("[data-test=evidence]")))
        .contains("授课邀请函.png", "课程安排.pdf");
    String claimPath = browser.path();
    browser.screenshot("claim-pending");
    browser.assertAccessible();

    browser.driver().manage().deleteAllCookies();
    browser.signIn("STAFF", "sz-staff", "Demo@2026").open("/manage/claims?firmNo=" + firm.firmNo());
    browser.submit(By.cssSelector("[data-test=claims] [data-test=open]"));
    assertThat(browser.path()).isEqualTo(claimPath);
    browser.type(By.id("grant-hours"), "6");
    browser.submit(By.cssSelector("[data-test=approve-partial-button]"));
    assertThat(browser.text(By.cssSelector("[data-test=error-reason]"))).isEqualTo("请填写原因");
    browser.screenshot("claim-reason-required");
    browser.assertAccessible();
    browser.type(By.id("grant-hours"), "6");
    browser.type(By.id("grant-reason"), "按实际授课 3 课时认定");
    browser.submit(By.cssSelector("[data-test=approve-partial-button]"));
    assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("已审核通过，学时已登记");
    assertThat(browser.text(By.cssSelector("h1 [data-test=status]"))).isEqualTo("部分通过");

    browser.driver().manage().deleteAllCookies();
    browser.signIn("MEMBER", no, TestFirms.PASSWORD).open(claimPath);
    assertThat(browser.text(By.cssSelector("[data-test=reason]"))).isEqualTo("按实际授课 3 课时认定");
    assertThat(browser.text(By.cssSelector("[data-test=hours-granted]"))).isEqualTo("6.0");
    browser.open("/hours");
    assertThat(browser.text(By.cssSelector("[data-category=OUTPUT]"))).isEqualTo("6.0");
    assertThat(browser.text(By.cssSelector("[data-test=progress-text]"))).startsWith("已完成 6 ");
    browser.screenshot("claim-hours-risen");
    browser.assertAccessible();
  }
}

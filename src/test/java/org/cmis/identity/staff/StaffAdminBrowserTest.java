package org.cmis.identity.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Admin creates a staff account on 工作人员账号 in Chromium, finds it listed as a reviewer waiting for
 * its password change, and disables it; the staff home shows its dashboard.
 */
@BrowserTest
class StaffAdminBrowserTest {

  @Test
  void adminCreatesAndDisablesAStaffAccount(Browser browser) {
    String name = "b-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    browser.signIn("STAFF", "admin", "Demo@2026");
    browser.submit(By.cssSelector("a[href='/admin/staff']"));
    browser.type(By.id("new-account"), name);
    browser.type(By.id("new-displayName"), "浏览器新建");
    browser.type(By.id("new-email"), "bad-address");
    new Select(browser.visible(By.id("new-instituteCode"))).selectByValue("SZ");
    new Select(browser.visible(By.id("new-staffRole"))).selectByValue("REVIEWER");
    browser.submit(By.cssSelector("[data-test=create]"));
    assertThat(browser.text(By.cssSelector("[data-test=error-email]"))).contains("请输入有效的邮箱地址");

    browser.type(By.id("new-email"), name + "@example.cn");
    browser.submit(By.cssSelector("[data-test=create]"));
    assertThat(browser.text(By.cssSelector("[data-test=done]")))
        .contains("已创建账号 " + name + "，临时密码已发送至其邮箱");
    browser.open("/admin/staff?institute=SZ");
    By row = By.cssSelector("tr[data-account='" + name + "']");
    assertThat(browser.text(row)).contains("浏览器新建").contains("待修改密码");
    browser.screenshot("admin-staff");
    browser.submit(By.cssSelector("tr[data-account='" + name + "'] [data-test=disable]"));
    assertThat(browser.text(row)).contains("已停用");
  }

  @Test
  void theStaffHomeShowsItsDashboard(Browser browser) {
    browser.signIn("STAFF", "sz-staff", "Demo@2026");
    assertThat(browser.text(By.cssSelector("[data-test=dashboard]")))
        .contains("报名中的培训班")
        .contains("待确认的报名")
        .contains("待处理的密码重置申请")
        .contains("近 30 天每日报名人数");
    assertThat(browser.driver().findElements(By.cssSelector("svg.chart rect.chart-bar")))
        .hasSize(30);
    browser.screenshot("staff-dashboard");
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("document.querySelector('[data-test=chart]').scrollIntoView()");
    browser.screenshot("staff-dashboard-chart");
  }
}

package org.cmis.settings.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrator changes a support phone in Chromium and the sign-in page shows it (F1.6, F6.1,
 * F6.3): an institute's phone on 协会管理, the national line on 系统设置; a bad phone is marked in Chinese
 * and changes nothing.
 */
@BrowserTest
class AdminSupportContactsBrowserTest {

  @Autowired JdbcClient jdbc;

  private String[] sz;

  @BeforeEach
  void keep() {
    sz =
        jdbc.sql("select phone, email, training_department from institute where code = 'SZ'")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .single();
  }

  @AfterEach
  void restore() {
    jdbc.sql(
            "update institute set phone = :p, email = :e, training_department = :d where code = 'SZ'")
        .param("p", sz[0])
        .param("e", sz[1])
        .param("d", sz[2])
        .update();
    jdbc.sql("delete from setting where key = 'support.national-phones'").update();
  }

  @Test
  void adminChangesTheInstitutesPhoneAndTheSignInPageShowsIt(Browser browser) {
    browser.signIn("STAFF", "admin", "Demo@2026");
    browser.submit(By.cssSelector("a[href='/admin/institutes']"));
    assertThat(browser.title()).contains("协会管理");

    By phone = By.id("SZ-phone");
    browser.type(phone, "0755-8888 不是号码");
    browser.submit(By.cssSelector("tr[data-institute=SZ] [data-test=save]"));
    assertThat(browser.text(By.cssSelector("tr[data-institute=SZ] [data-test=error-phone]")))
        .contains("请输入电话号码");
    browser.screenshot("admin-institutes-error");

    browser.type(phone, "0755-83661234");
    browser.type(By.id("SZ-trainingDepartment"), "考试培训部");
    browser.submit(By.cssSelector("tr[data-institute=SZ] [data-test=save]"));
    assertThat(browser.text(By.cssSelector(".flash"))).contains("协会联系方式已保存");
    browser.screenshot("admin-institutes-saved");

    browser.submit(By.cssSelector("form[action='/logout'] button"));
    browser.open("/login");
    assertThat(browser.text(By.cssSelector("[data-test=support-institute][data-institute=SZ]")))
        .contains("深圳市注册会计师协会考试培训部")
        .contains("0755-83661234");
    browser.screenshot("login-institute-phone");
  }

  @Test
  void adminChangesTheNationalLineOnTheSettingsPage(Browser browser) {
    browser.signIn("STAFF", "admin", "Demo@2026");
    browser.open("/admin/settings");
    browser.type(By.id("nationalSupportPhones"), "010-88250399、010-88250400");
    browser.submit(By.cssSelector("[data-test=save]"));
    assertThat(browser.text(By.cssSelector(".flash"))).contains("设置已保存");
    browser.screenshot("admin-settings");
    browser.submit(By.cssSelector("form[action='/logout'] button"));
    browser.open("/login");
    assertThat(browser.text(By.cssSelector("[data-test=support-national]")))
        .contains("010-88250399、010-88250400");
  }
}

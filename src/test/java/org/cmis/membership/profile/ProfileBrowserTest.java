package org.cmis.membership.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium (F2.3, seed section 三): a member opens 个人信息 from the menu, changes its mobile and
 * sees the change in its history; the platform-owned fields are read-only, with the platform link.
 */
@BrowserTest
class ProfileBrowserTest {

  @Autowired TestFirms firms;
  @Autowired JdbcClient jdbc;

  @Test
  void aMemberChangesItsMobileAndSeesTheChangeInItsHistory(Browser browser) {
    TestFirms.Firm firm = ProfileFixtures.firm(firms, jdbc, "SZ");
    String no = firm.memberNo(1);
    browser.signIn("MEMBER", no, TestFirms.PASSWORD);
    browser.submit(By.cssSelector("nav.sidebar a[href='/profile']"));
    assertThat(browser.path()).isEqualTo("/profile");
    assertThat(browser.text(By.cssSelector("[data-test=history-empty]"))).isEqualTo("暂无变更记录");

    browser.type(By.cssSelector("[data-test=input-mobile]"), "1371111");
    browser.submit(By.cssSelector("button[data-test=save]"));
    assertThat(browser.text(By.cssSelector("[data-test=error-summary]"))).contains("手机号码应为 11 位");
    WebElement error = browser.visible(By.cssSelector("[data-test=error-mobile]"));
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", error);
    assertThat(browser.text(By.cssSelector("[data-test=error-mobile]"))).contains("手机号码应为 11 位");
    browser.screenshot("profile-error");

    browser.type(By.cssSelector("[data-test=input-mobile]"), "13711113333");
    browser.type(By.cssSelector("[data-test=input-address]"), "深圳市福田区深南大道 6008 号");
    browser.submit(By.cssSelector("button[data-test=save]"));
    assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("联系信息已保存");
    assertThat(browser.visible(By.cssSelector("[data-test=input-mobile]")).getAttribute("value"))
        .isEqualTo("13711113333");
    List<String> rows =
        browser.driver().findElements(By.cssSelector("tr[data-test=history-row]")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(rows).hasSize(2);
    assertThat(String.join("\n", rows))
        .contains("本人（" + no + "）", "手机", firm.cpa(1).mobile(), "13711113333")
        .contains("通信地址", "深圳市福田区深南大道 6008 号");
    browser.screenshot("profile-saved");
  }

  @Test
  void platformOwnedFieldsAreReadOnlyWithThePlatformLink(Browser browser) {
    TestFirms.Firm firm = ProfileFixtures.firm(firms, jdbc, "SZ");
    String no = firm.memberNo(2);
    String id = ProfileFixtures.idNumberOf(jdbc, no);
    browser.signIn("MEMBER", no, TestFirms.PASSWORD);
    browser.open("/profile");

    WebElement platform = browser.visible(By.cssSelector("[data-test=platform-fields]"));
    assertThat(platform.findElements(By.cssSelector("input, select, textarea"))).isEmpty();
    assertThat(browser.text(By.cssSelector("[data-test=name]"))).isEqualTo(firm.cpa(2).name());
    assertThat(browser.text(By.cssSelector("[data-test=idNumber]")))
        .isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
    assertThat(browser.text(By.cssSelector("[data-test=birthDate]"))).isEqualTo("1985-06-15");
    assertThat(browser.text(By.cssSelector("[data-test=platform-notice]")))
        .contains("注册会计师行业统一监管平台", "个人基本信息", "010-88250337");
    WebElement link = browser.visible(By.cssSelector("a[data-test=platform-link]"));
    assertThat(link.getAttribute("href"))
        .isEqualTo("http://acc.mof.gov.cn/login_achieve/login?v=7.2");
    assertThat(link.getAttribute("target")).isEqualTo("_blank");
    assertThat(
            browser
                .driver()
                .findElements(By.cssSelector("form[data-test=local-form] input[type=text]")))
        .extracting(e -> e.getAttribute("name"))
        .containsExactly("mobile", "email", "address");
    assertThat(browser.driver().getPageSource()).doesNotContain("??");
    browser.screenshot("profile-platform");
  }
}

package org.cmis.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.identity.LoginType;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** Signing in through the real login page in Chromium, for each demo role. */
@BrowserTest
class SignInJourneyBrowserTest {

  private static final String DEMO_PASSWORD = "Demo@2026";

  @Autowired AccountRepository accounts;

  @Test
  void loginPageIsInChinese(Browser browser) {
    browser.open("/login");

    assertThat(browser.title()).contains("用户登录");
    assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"))
        .isEqualTo("zh-CN");
    assertThat(browser.text(By.cssSelector("fieldset.user-types legend"))).isEqualTo("用户类型");
    assertThat(browser.text(By.cssSelector("fieldset.user-types")))
        .contains("会计师事务所", "注册会计师（个人）", "协会工作人员");
    assertThat(browser.text(By.cssSelector("label[for=account]"))).isEqualTo("账号");
    assertThat(browser.text(By.cssSelector("label[for=password]"))).isEqualTo("密码");
    assertThat(browser.text(By.cssSelector("form button[type=submit]"))).isEqualTo("登录");
    assertThat(browser.driver().getPageSource()).doesNotContain("??");
    browser.screenshot("login");
    browser.assertAccessible();
  }

  @ParameterizedTest(name = "{1} signs in as {0} and lands on the {2} home page")
  @CsvSource({
    "FIRM,   44030001,     FIRM,   会计师事务所",
    "MEMBER, 440300010001, MEMBER, 注册会计师（个人）",
    "STAFF,  sz-staff,     STAFF,  协会工作人员",
    "STAFF,  admin,        ADMIN,  系统管理员"
  })
  void eachDemoRoleSignsInToItsHomePage(
      String userType, String account, String role, String roleName, Browser browser) {
    Account expected = accounts.find(LoginType.valueOf(userType), account).orElseThrow();

    browser.signIn(userType, account, DEMO_PASSWORD);

    assertThat(browser.path()).isEqualTo("/");
    WebElement homeRole = browser.visible(By.cssSelector("[data-test=home-role]"));
    assertThat(homeRole.getDomAttribute("data-role")).isEqualTo(role);
    assertThat(homeRole.getText()).contains(roleName);
    assertThat(browser.text(By.cssSelector(".topbar [data-test=display-name]")))
        .isEqualTo(expected.displayName());
    assertThat(browser.driver().getPageSource()).doesNotContain("??");
    browser.screenshot("home-" + role);
    browser.assertAccessible();
  }

  @Test
  void aWrongPasswordShowsAnErrorInChineseAndStaysOnTheLoginPage(Browser browser) {
    browser.signIn("FIRM", "44030001", "Wrong@2026");

    assertThat(browser.path()).isEqualTo("/login");
    assertThat(browser.text(By.cssSelector("[data-test=login-error]"))).contains("账号或密码错误");
    assertThat(browser.visible(By.id("account")).getDomProperty("value")).isEqualTo("44030001");
    assertThat(browser.visible(By.id("password")).getDomProperty("value")).isEmpty();
    browser.screenshot("login-error");
    browser.assertAccessible();
  }
}

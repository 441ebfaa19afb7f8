package org.cmis.credits.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestFirms;
import org.cmis.support.TestFirms.Firm;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Anyone verifies a certificate in Chromium without signing in (F5.7): its code's page shows the
 * masked name, the number, the year, the hours and the institute; the form finds it too; a wrong
 * code shows 无此证明. The member prints it first through its own page.
 */
@BrowserTest
class VerifyBrowserTest {

  @Autowired TestFirms firms;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void anyoneVerifiesAnIssuedCertificateAndAWrongCodeShowsNoSuchCertificate(Browser browser) {
    int year = LocalDate.now(clock).getYear();
    Firm firm = firms.aFirm().withCpas(1).withMemberAccounts().create();
    CertificateApiTest.entry(jdbc, firm.memberNo(1), year, "24.0", "4.0");

    browser.signIn("MEMBER", firm.memberNo(1), TestFirms.PASSWORD).open("/hours/certificate");
    assertThat(browser.text(By.cssSelector("[data-test=sentence]")))
        .isEqualTo(
            firm.cpa(1).name()
                + "（注册会计师编号："
                + firm.memberNo(1)
                + "），"
                + year
                + "年完成注册会计师继续教育24学时，特此证明。");
    String code = browser.text(By.cssSelector("[data-test=code]"));
    assertThat(code).matches(CertificateApiTest.CODE);
    browser.screenshot("certificate");
    browser.driver().manage().deleteAllCookies();

    browser.open("/verify/" + code);
    assertThat(browser.path()).isEqualTo("/verify/" + code);
    assertThat(browser.text(By.cssSelector("[data-test=name]")))
        .isEqualTo(CertificateTexts.maskName(firm.cpa(1).name()));
    assertThat(browser.text(By.cssSelector("[data-test=member-no]"))).isEqualTo(firm.memberNo(1));
    assertThat(browser.text(By.cssSelector("[data-test=year]"))).isEqualTo(Integer.toString(year));
    assertThat(browser.text(By.cssSelector("[data-test=hours]"))).isEqualTo("24");
    assertThat(browser.text(By.cssSelector("[data-test=institute]"))).isEqualTo("深圳市注册会计师协会");
    assertThat(browser.text(By.cssSelector("[data-test=verdict]"))).isEqualTo("此证明真实有效。");
    browser.screenshot("verify-found");

    browser.open("/verify");
    browser.type(By.id("code"), code.toLowerCase(java.util.Locale.ROOT));
    browser.submit(By.cssSelector("[data-test=verify]"));
    assertThat(browser.path()).isEqualTo("/verify/" + code);
    assertThat(browser.text(By.cssSelector("[data-test=hours]"))).isEqualTo("24");

    browser.open("/verify/ABCDEFGHJK23");
    assertThat(browser.text(By.cssSelector("[data-test=not-found] .verify-verdict")))
        .isEqualTo("无此证明");
    browser.screenshot("verify-not-found");
  }
}

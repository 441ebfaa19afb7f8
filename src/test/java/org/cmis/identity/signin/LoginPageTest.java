package org.cmis.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.cmis.identity.account.Account;
import org.cmis.identity.captcha.CaptchaService;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The sign-in page with its captcha switched on (F1.1). */
@IntegrationTest
@TestPropertySource(properties = "cmis.security.captcha.enabled=true")
class LoginPageTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired FindByIndexNameSessionRepository<?> sessions;

  /** Fetches a captcha image as the page would and reads its answer from the stored session. */
  private String solveCaptcha(WebSession web) throws Exception {
    if (!web.hasCookie("CMIS_SESSION")) {
      MvcTestResult r = web.get("/login");
      System.out.println(
          "DEBUG headers "
              + r.getResponse().getHeaderNames()
              + " "
              + r.getResponse().getHeaders("Set-Cookie")
              + " session "
              + r.getRequest().getSession(false)
              + " cookies "
              + java.util.Arrays.toString(r.getResponse().getCookies()));
    }
    MvcTestResult image = web.get("/captcha.png");
    assertThat(image).hasStatusOk().hasContentType("image/png");
    String sessionId = new String(java.util.Base64.getDecoder().decode(web.cookie("CMIS_SESSION")));
    Object pending = sessions.findById(sessionId).getAttribute(CaptchaService.class.getName());
    Method answer = pending.getClass().getDeclaredMethod("answer");
    answer.setAccessible(true);
    return answer.invoke(pending).toString();
  }

  private MvcTestResult signIn(
      WebSession web, String type, String account, String password, String captcha) {
    return web.post(
        "/login", "userType", type, "account", account, "password", password, "captcha", captcha);
  }

  @Test
  void thePageIsInChineseWithUserTypesCaptchaForgotLinkAndSupportContacts() {
    MvcTestResult page = new WebSession(mvc).get("/login");
    assertThat(page).hasStatusOk().hasViewName(LoginController.VIEW);
    assertThat(page)
        .bodyText()
        .contains("用户类型", "会计师事务所", "注册会计师（个人）", "协会工作人员")
        .contains("请输入计算结果", "/captcha.png", "忘记密码")
        .contains("010-88250337", "010-88250338", "0755-83515412", "ywj@szicpa.org");
  }

  @Test
  void aWrongCaptchaIsRefusedBeforeThePasswordIsChecked() throws Exception {
    Account account = accounts.staff(false);
    WebSession web = new WebSession(mvc);
    String right = solveCaptcha(web);
    String wrong = right.equals("1") ? "2" : "1";
    MvcTestResult result = signIn(web, "STAFF", account.account(), "Wrong@pass1", wrong);
    assertThat(result).hasStatusOk().hasViewName(LoginController.VIEW);
    assertThat(result).model().extractingBindingResult("loginForm").hasFieldErrors("captcha");
    assertThat(result).bodyText().contains("验证码错误");
    long failures =
        jdbc.sql("select count(*) from login_failure where account = :a")
            .param("a", account.account())
            .query(Long.class)
            .single();
    assertThat(failures).isZero();
  }

  @Test
  void aCaptchaIsUsedOnlyOnce() throws Exception {
    Account account = accounts.staff(false);
    WebSession web = new WebSession(mvc);
    String answer = solveCaptcha(web);
    signIn(web, "STAFF", account.account(), "Wrong@pass1", answer);
    MvcTestResult again = signIn(web, "STAFF", account.account(), TestAccounts.PASSWORD, answer);
    assertThat(again).model().extractingBindingResult("loginForm").hasFieldErrors("captcha");
  }

  @Test
  void theRightCaptchaAndPasswordSignIn() throws Exception {
    WebSession web = new WebSession(mvc);
    MvcTestResult result = signIn(web, "STAFF", "sz-staff", "Demo@2026", solveCaptcha(web));
    assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
    assertThat(web.get("/")).hasStatusOk().bodyText().contains("协会工作人员");
  }

  @Test
  void fiveWrongPasswordsLockTheAccountOnThePage() throws Exception {
    Account account = accounts.staff(false);
    WebSession web = new WebSession(mvc);
    for (int i = 0; i < 5; i++) {
      MvcTestResult failed =
          signIn(web, "STAFF", account.account(), "Wrong@pass1", solveCaptcha(web));
      assertThat(failed).bodyText().contains("账号或密码错误");
    }
    MvcTestResult locked =
        signIn(web, "STAFF", account.account(), TestAccounts.PASSWORD, solveCaptcha(web));
    assertThat(locked).hasStatusOk().bodyText().contains("账号已锁定");
  }

  @Test
  void aFormWithoutCsrfTokenIsRefused() {
    assertThat(
            mvc.post()
                .uri("/login")
                .param("userType", "STAFF")
                .param("account", "sz-staff")
                .param("password", "Demo@2026"))
        .hasStatus(403);
  }

  @Test
  void missingAndOverlongFieldsAreMarked() {
    WebSession web = new WebSession(mvc);
    MvcTestResult result = signIn(web, "STAFF", "a".repeat(60), "", "");
    assertThat(result).hasStatusOk();
    assertThat(result)
        .model()
        .extractingBindingResult("loginForm")
        .hasFieldErrors("account", "password", "captcha");
    assertThat(signIn(web, "KING", "x", "y", "1"))
        .hasStatusOk()
        .model()
        .extractingBindingResult("loginForm")
        .hasFieldErrors("userType");
  }
}

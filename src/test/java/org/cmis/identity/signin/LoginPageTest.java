package org.cmis.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.identity.account.Account;
import org.cmis.identity.captcha.CaptchaAnswers;
import org.cmis.identity.captcha.CaptchaService;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
  @Autowired CaptchaService captcha;

  /** Fetches a captcha image as the page would and reads its answer off the signed cookie. */
  private String solveCaptcha(WebSession web) {
    MvcTestResult image = web.get("/captcha.png");
    assertThat(image).hasStatusOk().hasContentType("image/png");
    return CaptchaAnswers.solve(captcha, web.cookie(CaptchaService.COOKIE));
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
  void aCaptchaTicketReplayedFromAnotherBrowserIsRefused() {
    Account account = accounts.staff(false);
    WebSession first = new WebSession(mvc);
    String answer = solveCaptcha(first);
    String ticket = first.cookie(CaptchaService.COOKIE);
    signIn(first, "STAFF", account.account(), "Wrong@pass1", answer);
    MvcTestResult replayed =
        new WebSession(mvc)
            .send(
                mvc.post()
                    .uri("/login")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .cookie(new jakarta.servlet.http.Cookie(CaptchaService.COOKIE, ticket))
                    .param("userType", "STAFF")
                    .param("account", account.account())
                    .param("password", TestAccounts.PASSWORD)
                    .param("captcha", answer));
    assertThat(replayed).model().extractingBindingResult("loginForm").hasFieldErrors("captcha");
  }

  private long spent(String nonce) {
    return jdbc.sql("select count(*) from captcha_spent where nonce = :n")
        .param("n", nonce)
        .query(Long.class)
        .single();
  }

  private MvcTestResult signInWithTicket(Account account, String ticket, String answer) {
    return mvc.post()
        .uri("/login")
        .with(
            org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.csrf())
        .cookie(new jakarta.servlet.http.Cookie(CaptchaService.COOKIE, ticket))
        .param("userType", "STAFF")
        .param("account", account.account())
        .param("password", TestAccounts.PASSWORD)
        .param("captcha", answer)
        .exchange();
  }

  @Test
  void aForgedTicketIsRefusedWithoutStoringItsNonceAndAGenuineOneWorksOnce() {
    Account account = accounts.staff(false);
    WebSession web = new WebSession(mvc);
    String answer = solveCaptcha(web);
    String ticket = web.cookie(CaptchaService.COOKIE);
    String[] parts = ticket.split("\\.");
    assertThat(parts).hasSize(4);
    long expiry = Long.parseLong(parts[1]);
    java.security.SecureRandom random = new java.security.SecureRandom();
    java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
    for (int i = 0; i < 5; i++) {
      byte[] nonce = new byte[16];
      byte[] mac = new byte[32];
      random.nextBytes(nonce);
      random.nextBytes(mac);
      String fresh = base64.encodeToString(nonce);
      String randomMac = base64.encodeToString(mac);
      for (String forged :
          new String[] {
            // a random nonce with random macs, as an anonymous flood would send
            fresh + "." + expiry + "." + randomMac + "." + randomMac,
            // a random nonce under a genuine ticket's seal and answer
            fresh + "." + expiry + "." + parts[2] + "." + parts[3],
          }) {
        MvcTestResult result = signInWithTicket(account, forged, answer);
        assertThat(result).as(forged).hasStatusOk();
        assertThat(result).model().extractingBindingResult("loginForm").hasFieldErrors("captcha");
        assertThat(spent(fresh)).as(forged).isZero();
      }
    }
    // the genuine ticket is untouched by the forgeries: it signs in, once
    assertThat(spent(parts[0])).isZero();
    MvcTestResult signedIn = signInWithTicket(account, ticket, answer);
    assertThat(signedIn).hasStatus3xxRedirection();
    assertThat(spent(parts[0])).isOne();
    MvcTestResult again = signInWithTicket(account, ticket, answer);
    assertThat(again).model().extractingBindingResult("loginForm").hasFieldErrors("captcha");
  }

  @Test
  void aForgedOrMissingTicketIsRefused() {
    Account account = accounts.staff(false);
    WebSession web = new WebSession(mvc);
    String answer = solveCaptcha(web);
    String ticket = web.cookie(CaptchaService.COOKIE);
    // a later expiry with the same signature
    String[] parts = ticket.split("\\.");
    String forged =
        parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2] + "." + parts[3];
    for (String cookie : new String[] {forged, "garbage", ""}) {
      MvcTestResult result =
          mvc.post()
              .uri("/login")
              .with(
                  org.springframework.security.test.web.servlet.request
                      .SecurityMockMvcRequestPostProcessors.csrf())
              .cookie(new jakarta.servlet.http.Cookie(CaptchaService.COOKIE, cookie))
              .param("userType", "STAFF")
              .param("account", account.account())
              .param("password", TestAccounts.PASSWORD)
              .param("captcha", answer)
              .exchange();
      assertThat(result).as(cookie).hasStatusOk();
      assertThat(result).model().extractingBindingResult("loginForm").hasFieldErrors("captcha");
    }
  }

  @Test
  void signingInGoesBackToThePageAskedForButOnlyToAPageOfThisSite() {
    Account account = accounts.staff(false);
    WebSession web = new WebSession(mvc);
    assertThat(web.get("/classes?page=2"))
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/login?continue=%2Fclasses%3Fpage%3D2");
    MvcTestResult page = web.send(mvc.get().uri("/login").param("continue", "/classes?page=2"));
    assertThat(page).bodyText().contains("name=\"continue\" value=\"/classes?page=2\"");
    MvcTestResult result =
        web.post(
            "/login",
            "userType",
            "STAFF",
            "account",
            account.account(),
            "password",
            TestAccounts.PASSWORD,
            "captcha",
            solveCaptcha(web),
            "continue",
            "/classes?page=2");
    assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/classes?page=2");

    for (String foreign :
        new String[] {"https://evil.example/", "//evil.example", "/\\evil.example", "/login"}) {
      assertThat(
              new WebSession(mvc)
                  .get(
                      "/login?continue="
                          + java.net.URLEncoder.encode(
                              foreign, java.nio.charset.StandardCharsets.UTF_8)))
          .bodyText()
          .doesNotContain("name=\"continue\"");
      WebSession other = new WebSession(mvc);
      MvcTestResult elsewhere =
          other.post(
              "/login",
              "userType",
              "STAFF",
              "account",
              accounts.staff(false).account(),
              "password",
              TestAccounts.PASSWORD,
              "captcha",
              solveCaptcha(other),
              "continue",
              foreign);
      assertThat(elsewhere).as(foreign).hasStatus3xxRedirection().hasRedirectedUrl("/");
    }
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

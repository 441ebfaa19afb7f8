package org.cmis.identity.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cmis.identity.reset.ResetFixtures.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository;
import org.cmis.identity.captcha.CaptchaAnswers;
import org.cmis.identity.captcha.CaptchaService;
import org.cmis.support.IntegrationTest;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The public reset pages with the captcha on (as in production): the link on the sign-in page, the
 * printable blank form with every item of the seed's form, the application page and its captcha;
 * the staff home card and menu entry; the API in OpenAPI.
 */
@IntegrationTest
@TestPropertySource(properties = "cmis.security.captcha.enabled=true")
class ResetPagesTest {

  @Autowired MockMvcTester mvc;
  @Autowired AccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired CaptchaService captcha;

  @Test
  void theSignInPageLinksToTheManualResetNextToForgotPassword() {
    MvcTestResult page = new WebSession(mvc).get("/login");
    assertThat(page).hasStatusOk().bodyText().contains("忘记密码", "无法自助找回？提交人工重置申请");
    assertThat(body(page)).contains("href=\"/password/manual\"");
  }

  @Test
  void theBlankFormHasEveryItemAndTheNote() {
    MvcTestResult page = new WebSession(mvc).get("/password/manual/form");
    assertThat(page).hasStatusOk();
    assertThat(page)
        .bodyText()
        .contains(
            "注册会计师行业统一监管平台密码重置申请表",
            "申请人",
            "登录帐号（证书编号）",
            "手机号码",
            "申请日期",
            "密码重置原因",
            "申请人签名（手写）",
            "备注",
            "该表格所有项目为必填项，必须账号所有人本人手写签名确认");
    assertThat(body(page)).contains("/css/reset.css", "data-print");
  }

  @Test
  void theApplicationPageAsksForEveryFieldTheFilesAndTheCaptcha() {
    WebSession web = new WebSession(mvc);
    MvcTestResult page = web.get("/password/manual");
    assertThat(page).hasStatusOk().hasViewName("reset/apply");
    assertThat(body(page))
        .contains(
            "name=\"applicant\"",
            "name=\"account\"",
            "name=\"userType\"",
            "name=\"mobile\"",
            "name=\"applicationDate\"",
            "name=\"reason\"",
            "name=\"remark\"",
            "name=\"signedForm\"",
            "name=\"certificate\"",
            "name=\"idCard\"",
            "/captcha.png",
            "enctype=\"multipart/form-data\"",
            "name=\"_csrf\"");
    assertThat(page).bodyText().contains("PDF、JPG 或 PNG 格式，每个文件不超过 5 MB");
  }

  @Test
  void theCaptchaIsCheckedBeforeAnythingIsStored() throws Exception {
    Account member = ResetFixtures.member(accounts, encoder, "SZ", true);
    WebSession web = new WebSession(mvc);
    web.get("/password/manual");
    MvcTestResult none = post(web, "");
    assertThat(none).hasStatus(422).bodyText().contains("请输入验证码");
    String right = solve(web);
    String wrong = right.equals("1") ? "2" : "1";
    MvcTestResult refused = post(web, wrong, member.account());
    assertThat(refused).hasStatus(422).bodyText().contains("验证码错误");
    assertThat(stored(member.account())).isZero();
    String answer = solve(web);
    MvcTestResult accepted = post(web, answer, member.account());
    assertThat(accepted).hasStatusOk().hasViewName("reset/submitted");
    assertThat(stored(member.account())).isEqualTo(1);
    assertThat(post(web, answer, member.account())).hasStatus(422);
  }

  @Test
  void theApiIsInOpenApi() {
    MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();
    assertThat(docs).hasStatusOk();
    assertThat(body(docs))
        .contains(
            "/api/v1/password-reset-applications",
            "/api/v1/password-reset-applications/{trackingNumber}",
            "/api/v1/password-reset-applications/{trackingNumber}/approve",
            "/api/v1/password-reset-applications/{trackingNumber}/return",
            "multipart/form-data");
  }

  private String solve(WebSession web) {
    assertThat(web.get("/captcha.png")).hasStatusOk();
    return CaptchaAnswers.solve(captcha, web.cookie(CaptchaService.COOKIE));
  }

  private MvcTestResult post(WebSession web, String answer, String... account) {
    var request = mvc.post().uri("/password/manual").multipart();
    for (MockMultipartFile f : ResetFixtures.files()) {
      request = request.file(f);
    }
    String typed = account.length == 0 ? ResetFixtures.unknownNumber() : account[0];
    for (var e : ResetFixtures.fields(typed, clock).entrySet()) {
      request = request.param(e.getKey(), e.getValue());
    }
    request = request.param("captcha", answer);
    if (web.hasCookie(CaptchaService.COOKIE)) {
      request =
          request.cookie(new Cookie(CaptchaService.COOKIE, web.cookie(CaptchaService.COOKIE)));
    }
    return request
        .with(csrf())
        .with(
            r -> {
              r.setRemoteAddr(web.address());
              return r;
            })
        .exchange();
  }

  private long stored(String account) {
    return jdbc.sql("select count(*) from reset_application where account = :a")
        .param("a", account)
        .query(Long.class)
        .single();
  }
}

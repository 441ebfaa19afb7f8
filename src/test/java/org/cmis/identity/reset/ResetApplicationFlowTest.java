package org.cmis.identity.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cmis.identity.reset.ResetFixtures.body;
import static org.cmis.identity.reset.ResetFixtures.json;
import static org.cmis.identity.reset.ResetFixtures.raw;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The whole manual reset on the real PostgreSQL (F1.3, F1.4): submit, review, approve (the
 * temporary password goes to the account on record, never to what was typed; the account must
 * change it; its sessions and tokens end) and return with a reason.
 */
@IntegrationTest
class ResetApplicationFlowTest {

  private static final Pattern TEMPORARY = Pattern.compile("临时密码为：\\s*(\\S{12})");

  @Autowired MockMvcTester mvc;
  @Autowired AccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void approvalSendsATemporaryPasswordToTheRecordAndForcesAChange() {
    Account member = ResetFixtures.member(accounts, encoder, "SZ", true);
    String oldToken = ApiTokens.of(mvc, "MEMBER", member.account(), TestAccounts.PASSWORD);
    WebSession oldSession = new WebSession(mvc);
    assertThat(oldSession.signIn("MEMBER", member.account(), TestAccounts.PASSWORD))
        .hasRedirectedUrl("/");

    MvcTestResult submitted =
        ResetFixtures.submit(
            mvc,
            TestAccounts.address(),
            ResetFixtures.fields(member.account(), clock),
            ResetFixtures.files());
    assertThat(submitted).hasStatus(201);
    String number = json(submitted, "$.trackingNumber");
    assertThat(number).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}");
    assertThat(json(submitted, "$.status")).isEqualTo("SUBMITTED");
    assertThat(status(number, member.account())).isEqualTo("SUBMITTED");

    // The queue of the account's institute lists it; opening it puts it in review.
    WebSession staff = new WebSession(mvc);
    staff.signIn("STAFF", "sz-staff", "Demo@2026");
    assertThat(staff.get("/manage/password-resets?status=SUBMITTED"))
        .hasStatusOk()
        .bodyText()
        .contains(number);
    MvcTestResult page = staff.get("/manage/password-resets/" + raw(number));
    assertThat(page).hasStatusOk();
    assertThat(page)
        .bodyText()
        .contains(ResetFixtures.TYPED_MOBILE, ResetFixtures.RECORD_MOBILE, member.email());
    assertThat(body(page))
        .contains("/manage/password-resets/" + raw(number) + "/files/SIGNED_FORM")
        .contains("/files/CERTIFICATE")
        .contains("/files/ID_CARD");
    assertThat(status(number, member.account())).isEqualTo("IN_REVIEW");

    // The scans are served inline, typed by their checked content, only to the reviewer.
    MvcTestResult pdf = staff.get("/manage/password-resets/" + raw(number) + "/files/SIGNED_FORM");
    assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
    assertThat(pdf.getResponse().getHeader("Content-Disposition")).startsWith("inline");
    assertThat(pdf.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(pdf.getResponse().getHeaders("X-Frame-Options")).containsExactly("SAMEORIGIN");
    assertThat(pdf.getResponse().getHeaders("Content-Security-Policy"))
        .containsExactly(ResetReviewController.FILE_POLICY);
    assertThat(staff.get("/manage/password-resets/" + raw(number) + "/files/ID_CARD"))
        .hasContentType("image/png");

    // Approve in the page.
    MvcTestResult approved = staff.post("/manage/password-resets/" + raw(number) + "/approve");
    assertThat(approved).hasStatus3xxRedirection();
    assertThat(status(number, member.account())).isEqualTo("APPROVED");
    assertThat(body(statusAnswer(number, member.account()))).doesNotContain("password");

    // The temporary password reached the account on record only (no mail server: its message
    // centre), never the mobile or mailbox typed into the application.
    String message = awaitMessage(member.id());
    Matcher m = TEMPORARY.matcher(message);
    assertThat(m.find()).as(message).isTrue();
    String temporary = m.group(1);
    assertThat(
            jdbc.sql("select count(*) from message where position(:p in body) > 0")
                .param("p", temporary)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(message).doesNotContain("typed@applicant.example.cn", ResetFixtures.TYPED_MOBILE);
    Account after = accounts.findById(member.id()).orElseThrow();
    assertThat(after.mustChangePassword()).isTrue();
    assertThat(encoder.matches(temporary, after.passwordHash())).isTrue();

    // Every session and token of the account ended.
    assertThat(
            mvc.get()
                .uri("/api/v1/classes")
                .header("Authorization", "Bearer " + oldToken)
                .exchange())
        .hasStatus(401);
    assertThat(oldSession.get("/")).hasStatus3xxRedirection().redirectedUrl().contains("/login");

    // The old password no longer works; the temporary one leads to the forced change.
    assertThat(new WebSession(mvc).signIn("MEMBER", member.account(), TestAccounts.PASSWORD))
        .hasStatusOk();
    WebSession next = new WebSession(mvc);
    assertThat(next.signIn("MEMBER", member.account(), temporary))
        .hasRedirectedUrl("/password/change");
    assertThat(next.get("/")).hasRedirectedUrl("/password/change");
    assertThat(
            next.post(
                "/password/change",
                "currentPassword",
                temporary,
                "newPassword",
                "Fresh#Start2026",
                "confirmPassword",
                "Fresh#Start2026"))
        .hasRedirectedUrl("/");
    assertThat(accounts.findById(member.id()).orElseThrow().mustChangePassword()).isFalse();

    // Decided once: a second approval or a return is refused, and each decision is audited.
    String staffToken = ApiTokens.demo(mvc, "STAFF", "sz-staff");
    MvcTestResult again =
        mvc.post()
            .uri("/api/v1/password-reset-applications/" + number + "/approve")
            .header("Authorization", "Bearer " + staffToken)
            .exchange();
    assertThat(again).hasStatus(409);
    assertThat(json(again, "$.code")).isEqualTo("INVALID_STATE");
    assertThat(audit(raw(number)))
        .contains(
            "PASSWORD_RESET_APPLICATION_SUBMITTED",
            "PASSWORD_RESET_APPLICATION_OPENED",
            "PASSWORD_RESET_APPLICATION_APPROVED");
  }

  @Test
  void aReturnedApplicationShowsItsReasonOnTheStatusPage() {
    Account member = ResetFixtures.member(accounts, encoder, "SZ", true);
    WebSession applicant = new WebSession(mvc);
    var request = mvc.post().uri("/password/manual").multipart();
    for (MockMultipartFile f : ResetFixtures.files()) {
      request = request.file(f);
    }
    for (var e : ResetFixtures.fields(member.account(), clock).entrySet()) {
      request = request.param(e.getKey(), e.getValue());
    }
    MvcTestResult page =
        request
            .with(csrf())
            .with(
                r -> {
                  r.setRemoteAddr(applicant.address());
                  return r;
                })
            .exchange();
    assertThat(page).hasStatusOk().hasViewName("reset/submitted");
    Matcher shown = Pattern.compile("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}").matcher(body(page));
    assertThat(shown.find()).isTrue();
    String number = shown.group();

    String token = ApiTokens.demo(mvc, "STAFF", "sz-staff");
    MvcTestResult noReason =
        mvc.post()
            .uri("/api/v1/password-reset-applications/" + number + "/return")
            .header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"  \"}")
            .exchange();
    assertThat(noReason).hasStatus(422);
    assertThat(json(noReason, "$.errors[0].field")).isEqualTo("reason");
    MvcTestResult tooLong =
        mvc.post()
            .uri("/api/v1/password-reset-applications/" + number + "/return")
            .header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"" + "长".repeat(501) + "\"}")
            .exchange();
    assertThat(tooLong).hasStatus(422);
    assertThat(status(number, member.account())).isEqualTo("SUBMITTED");

    WebSession staff = new WebSession(mvc);
    staff.signIn("STAFF", "sz-staff", "Demo@2026");
    assertThat(staff.post("/manage/password-resets/" + raw(number) + "/return", "reason", ""))
        .hasStatus(422)
        .bodyText()
        .contains("请填写退回原因");
    assertThat(
            staff.post(
                "/manage/password-resets/" + raw(number) + "/return",
                "reason",
                "签名与本人不符，请本人重新签名后提交"))
        .hasStatus3xxRedirection();

    MvcTestResult statusPage =
        applicant.get("/password/manual/status?number=" + number + "&account=" + member.account());
    assertThat(statusPage).hasStatusOk().bodyText().contains("已退回", "签名与本人不符");
    assertThat(json(statusAnswer(number, member.account()), "$.reason"))
        .isEqualTo("签名与本人不符，请本人重新签名后提交");
    assertThat(accounts.findById(member.id()).orElseThrow().passwordHash())
        .isEqualTo(member.passwordHash());
    assertThat(audit(raw(number))).contains("PASSWORD_RESET_APPLICATION_RETURNED");
  }

  @Test
  void anApplicationForNoAccountGoesToTheAdministratorWhoCanOnlyReturnIt() {
    String nobody = ResetFixtures.unknownNumber();
    MvcTestResult submitted =
        ResetFixtures.submit(
            mvc,
            TestAccounts.address(),
            ResetFixtures.fields(nobody, clock),
            ResetFixtures.files());
    assertThat(submitted).hasStatus(201);
    String number = json(submitted, "$.trackingNumber");
    assertThat(status(number, nobody)).isEqualTo("SUBMITTED");

    String sz = ApiTokens.demo(mvc, "STAFF", "sz-staff");
    assertThat(body(list(sz))).doesNotContain(number);
    String admin = ApiTokens.demo(mvc, "ADMIN", "admin");
    assertThat(body(list(admin))).contains(number);
    assertThat(
            mvc.post()
                .uri("/api/v1/password-reset-applications/" + number + "/approve")
                .header("Authorization", "Bearer " + admin)
                .exchange())
        .hasStatus(403);
    MvcTestResult returned =
        mvc.post()
            .uri("/api/v1/password-reset-applications/" + number + "/return")
            .header("Authorization", "Bearer " + admin)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"账号不存在，请核对证书编号\"}")
            .exchange();
    assertThat(returned).hasStatusOk();
    assertThat(json(returned, "$.status")).isEqualTo("RETURNED");
    assertThat(status(number, nobody)).isEqualTo("RETURNED");
  }

  private MvcTestResult list(String token) {
    return mvc.get()
        .uri("/api/v1/password-reset-applications?status=SUBMITTED&size=100")
        .header("Authorization", "Bearer " + token)
        .exchange();
  }

  private MvcTestResult statusAnswer(String number, String account) {
    return mvc.get()
        .uri("/api/v1/password-reset-applications/" + number + "?account=" + account)
        .exchange();
  }

  private String status(String number, String account) {
    MvcTestResult result = statusAnswer(number, account);
    assertThat(result).hasStatusOk();
    return json(result, "$.status");
  }

  private String awaitMessage(long accountId) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql("select count(*) from message where account_id = :id")
                        .param("id", accountId)
                        .query(Long.class)
                        .single()
                    > 0);
    return jdbc.sql("select body from message where account_id = :id")
        .param("id", accountId)
        .query(String.class)
        .single();
  }

  private List<String> audit(String number) {
    return jdbc.sql(
            "select action from audit_entry where entity_type = 'PasswordResetApplication'"
                + " and entity_id = :id order by id")
        .param("id", number)
        .query(String.class)
        .list();
  }
}

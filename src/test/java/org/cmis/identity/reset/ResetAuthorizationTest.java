package org.cmis.identity.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cmis.identity.reset.ResetFixtures.body;
import static org.cmis.identity.reset.ResetFixtures.json;
import static org.cmis.identity.reset.ResetFixtures.raw;

import java.time.Clock;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Only staff of the account's institute see or decide an application; the status answers only the
 * number with its account, and a wrong account is answered as an unknown number; the review pages
 * refuse firms and members.
 */
@IntegrationTest
class ResetAuthorizationTest {

  @Autowired MockMvcTester mvc;
  @Autowired AccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired Clock clock;

  @Test
  void staffOfAnotherInstituteCannotSeeOrDecide() {
    Account member = ResetFixtures.member(accounts, encoder, "SZ", true);
    String number = submit(member.account());

    WebSession beijing = new WebSession(mvc);
    beijing.signIn("STAFF", "bj-staff", "Demo@2026");
    assertThat(beijing.get("/manage/password-resets/" + raw(number))).hasStatus(404);
    assertThat(beijing.get("/manage/password-resets/" + raw(number) + "/files/ID_CARD"))
        .hasStatus(404);
    assertThat(beijing.get("/manage/password-resets")).bodyText().doesNotContain(number);
    assertThat(beijing.post("/manage/password-resets/" + raw(number) + "/approve")).hasStatus(404);
    assertThat(beijing.post("/manage/password-resets/" + raw(number) + "/return", "reason", "不是"))
        .hasStatus(404);

    String token = ApiTokens.demo(mvc, "STAFF", "bj-staff");
    assertThat(
            body(
                mvc.get()
                    .uri("/api/v1/password-reset-applications?size=100")
                    .header("Authorization", "Bearer " + token)
                    .exchange()))
        .doesNotContain(number);
    MvcTestResult approve =
        mvc.post()
            .uri("/api/v1/password-reset-applications/" + number + "/approve")
            .header("Authorization", "Bearer " + token)
            .exchange();
    assertThat(approve).hasStatus(404);
    assertThat(json(approve, "$.code")).isEqualTo("NOT_FOUND");
    assertThat(
            mvc.post()
                .uri("/api/v1/password-reset-applications/" + number + "/return")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"不是本会\"}")
                .exchange())
        .hasStatus(404);
    // Untouched: still submitted, not even opened.
    assertThat(json(status(number, member.account()), "$.status")).isEqualTo("SUBMITTED");
  }

  @Test
  void theStatusAnswersOnlyTheNumberWithItsAccount() {
    Account member = ResetFixtures.member(accounts, encoder, "SZ", true);
    Account other = ResetFixtures.member(accounts, encoder, "SZ", true);
    String number = submit(member.account());

    assertThat(status(number, member.account())).hasStatusOk();
    assertThat(status(number.toLowerCase().replace("-", " "), member.account())).hasStatusOk();
    MvcTestResult wrongAccount = status(number, other.account());
    MvcTestResult unknownNumber = status("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ", member.account());
    MvcTestResult noAccount = status(number, "");
    for (MvcTestResult r : new MvcTestResult[] {wrongAccount, unknownNumber, noAccount}) {
      assertThat(r).hasStatus(404);
    }
    assertThat(body(wrongAccount).replace(number, "N"))
        .isEqualTo(body(unknownNumber).replace("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ", "N"));

    WebSession web = new WebSession(mvc);
    MvcTestResult page =
        web.get("/password/manual/status?number=" + number + "&account=" + other.account());
    assertThat(page).hasStatus(404).bodyText().contains("未找到该申请").doesNotContain("已提交");
    MvcTestResult unknownPage =
        web.get("/password/manual/status?number=ZZZZZZZZZZZZZZZZZZZZ&account=" + other.account());
    assertThat(unknownPage).hasStatus(404).bodyText().contains("未找到该申请");
  }

  @Test
  void theReviewPagesAndApiRefuseFirmsMembersAndStrangers() {
    Account member = ResetFixtures.member(accounts, encoder, "SZ", true);
    String number = submit(member.account());
    for (String[] who : new String[][] {{"FIRM", "44030001"}, {"MEMBER", "440300010001"}}) {
      WebSession web = new WebSession(mvc);
      web.signIn(who[0], who[1], "Demo@2026");
      assertThat(web.get("/manage/password-resets")).hasStatus(403);
      assertThat(web.get("/manage/password-resets/" + raw(number))).hasStatus(403);
      assertThat(web.get("/manage/password-resets/" + raw(number) + "/files/SIGNED_FORM"))
          .hasStatus(403);
      assertThat(web.post("/manage/password-resets/" + raw(number) + "/approve")).hasStatus(403);
      String token = ApiTokens.demo(mvc, who[0], who[1]);
      MvcTestResult list =
          mvc.get()
              .uri("/api/v1/password-reset-applications")
              .header("Authorization", "Bearer " + token)
              .exchange();
      assertThat(list).hasStatus(403);
      assertThat(json(list, "$.code")).isEqualTo("FORBIDDEN");
      assertThat(
              mvc.post()
                  .uri("/api/v1/password-reset-applications/" + number + "/approve")
                  .header("Authorization", "Bearer " + token)
                  .exchange())
          .hasStatus(403);
    }
    assertThat(new WebSession(mvc).get("/manage/password-resets"))
        .hasStatus3xxRedirection()
        .redirectedUrl()
        .contains("/login");
    MvcTestResult anonymous =
        mvc.post().uri("/api/v1/password-reset-applications/" + number + "/approve").exchange();
    assertThat(anonymous).hasStatus(401);
    assertThat(mvc.get().uri("/api/v1/password-reset-applications").exchange()).hasStatus(401);
    assertThat(json(status(number, member.account()), "$.status")).isEqualTo("SUBMITTED");
  }

  @Test
  void staffSeeTheQueueOnTheirHomePageAndInTheMenu() {
    WebSession staff = new WebSession(mvc);
    staff.signIn("STAFF", "bj-staff", "Demo@2026");
    MvcTestResult home = staff.get("/");
    assertThat(home).hasStatusOk().bodyText().contains("待处理的密码重置申请");
    assertThat(body(home))
        .contains(
            "href=\"/manage/password-resets\"", "data-test=\"count-password-reset-applications\"");
    assertThat(staff.get("/manage/password-resets")).hasStatusOk().bodyText().contains("密码重置申请");

    WebSession member = new WebSession(mvc);
    member.signIn("MEMBER", "440300010002", "Demo@2026");
    assertThat(body(member.get("/"))).doesNotContain("/manage/password-resets");
  }

  private String submit(String account) {
    MvcTestResult submitted =
        ResetFixtures.submit(
            mvc,
            TestAccounts.address(),
            ResetFixtures.fields(account, clock),
            ResetFixtures.files());
    assertThat(submitted).hasStatus(201);
    return json(submitted, "$.trackingNumber");
  }

  private MvcTestResult status(String number, String account) {
    return mvc.get()
        .uri("/api/v1/password-reset-applications/{n}?account={a}", number, account)
        .exchange();
  }
}

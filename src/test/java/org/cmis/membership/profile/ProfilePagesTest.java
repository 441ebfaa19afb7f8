package org.cmis.membership.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.TestFirms;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * 个人信息 (F2.3) through the pages: the member's own page (platform-owned fields read-only with the
 * platform link and the support phones, local fields in a form, the history), and the read-only
 * view of a member for its firm, staff of its institute and admin; 出生日期 on the bulk page.
 */
@IntegrationTest
class ProfilePagesTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestFirms firms;
  @Autowired TestClasses classes;
  @Autowired JdbcClient jdbc;

  private TestFirms.Firm firm;
  private String no;

  @BeforeEach
  void firm() {
    firm = ProfileFixtures.firm(firms, jdbc, "SZ");
    no = firm.memberNo(1);
  }

  private WebSession as(String userType, String account, String password) {
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn(userType, account, password)).hasStatus3xxRedirection();
    return web;
  }

  private WebSession self() {
    return as("MEMBER", no, TestFirms.PASSWORD);
  }

  static String body(MvcTestResult r) {
    try {
      return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theMemberSeesItsWholeProfilePlatformFieldsReadOnlyWithTheLinkAndPhones() {
    String id = ProfileFixtures.idNumberOf(jdbc, no);
    MvcTestResult page = self().get("/profile");

    assertThat(page).hasStatusOk().hasViewName("profile/profile");
    String html = body(page);
    assertThat(html)
        .contains("个人信息", no, firm.cpa(1).name(), "1985-06-15", "男", "执业注册会计师")
        .contains(id.substring(0, 4) + "**********" + id.substring(14))
        .doesNotContain(id)
        .contains(firm.name() + "（" + firm.firmNo() + "）", "深圳市注册会计师协会", "主任会计师")
        .contains("注册会计师行业统一监管平台", "个人基本信息")
        .contains("href=\"http://acc.mof.gov.cn/login_achieve/login?v=7.2\"")
        .contains("010-88250337", "010-88250338", "0755-83515412")
        .contains("name=\"mobile\"", "name=\"email\"", "name=\"address\"")
        .contains("value=\"" + firm.cpa(1).mobile() + "\"")
        .contains("data-test=\"history-empty\"")
        .contains("href=\"/profile\"")
        .doesNotContain("name=\"name\"", "name=\"idNumber\"", "name=\"birthDate\"", "??");
  }

  @Test
  void savingTheMobileShowsTheChangeInTheHistoryAtOnce() {
    WebSession web = self();
    String before = firm.cpa(1).mobile();
    MvcTestResult saved =
        web.post(
            "/profile", "mobile", " 13711112222 ", "email", firm.cpa(1).email(), "address", "");
    assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/profile");

    String html = body(web.get("/profile"));
    assertThat(html)
        .contains("联系信息已保存", "value=\"13711112222\"", "data-test=\"history-row\"")
        .contains("本人（" + no + "）", "手机", before, "13711112222");
    assertThat(ProfileFixtures.historyCount(jdbc, no)).isEqualTo(1);

    // The firm's view and staff's view show the new mobile and the history row read-only.
    String firmView = body(as("FIRM", firm.account(), TestFirms.PASSWORD).get("/members/" + no));
    assertThat(firmView)
        .contains("13711112222", "data-test=\"history-row\"", "联系信息只能由本人")
        .doesNotContain("data-test=\"local-form\"");
    // Saving the same values again changes nothing.
    web.post("/profile", "mobile", "13711112222", "email", firm.cpa(1).email(), "address", "");
    assertThat(body(web.get("/profile"))).contains("联系信息没有变化");
    assertThat(ProfileFixtures.historyCount(jdbc, no)).isEqualTo(1);
  }

  @Test
  void badValuesAreMarkedOnTheirFieldsInChineseAndNothingChanges() {
    WebSession web = self();
    MvcTestResult page =
        web.post("/profile", "mobile", "12345", "email", "x@", "address", "路".repeat(201));

    assertThat(page).hasStatusOk().hasViewName("profile/profile");
    String html = body(page);
    assertThat(html)
        .contains("data-test=\"error-summary\"", "请修正以下")
        .contains("data-test=\"error-mobile\"", "手机号码应为 11 位")
        .contains("data-test=\"error-email\"", "电子邮箱格式不正确")
        .contains("data-test=\"error-address\"", "最多 200 个字")
        .contains("value=\"12345\"", "value=\"x@\"")
        .contains("aria-invalid=\"true\"");
    assertThat(ProfileFixtures.historyCount(jdbc, no)).isZero();
    assertThat(body(web.get("/profile"))).contains("value=\"" + firm.cpa(1).mobile() + "\"");
  }

  @Test
  void staffOfItsInstituteAdminAndItsFirmSeeItReadOnlyOthersGet404() {
    for (WebSession web :
        new WebSession[] {
          as("STAFF", "sz-staff", "Demo@2026"),
          as("STAFF", "admin", "Demo@2026"),
          as("FIRM", firm.account(), TestFirms.PASSWORD)
        }) {
      MvcTestResult page = web.get("/members/" + no);
      assertThat(page).hasStatusOk().hasViewName("profile/profile");
      assertThat(body(page))
          .contains(firm.cpa(1).name(), "1985-06-15", "注册会计师行业统一监管平台")
          .doesNotContain("name=\"mobile\"", "data-test=\"local-form\"");
      assertThat(web.post("/profile", "mobile", "13711112223")).hasStatus(403);
    }
    TestFirms.Firm other = ProfileFixtures.firm(firms, jdbc, "SZ");
    for (WebSession web :
        new WebSession[] {
          as("STAFF", "bj-staff", "Demo@2026"),
          as("FIRM", other.account(), TestFirms.PASSWORD),
          as("MEMBER", firm.memberNo(2), TestFirms.PASSWORD)
        }) {
      MvcTestResult page = web.get("/members/" + no);
      assertThat(page).hasStatus(404);
      assertThat(body(page)).doesNotContain(firm.cpa(1).name());
    }
    assertThat(self().get("/members/" + no)).hasStatus3xxRedirection().hasRedirectedUrl("/profile");
    assertThat(self().get("/members/abc")).hasStatus(404);
  }

  @Test
  void staffReachAMemberFromTheTrainingStatusList() {
    String html = body(as("STAFF", "sz-staff", "Demo@2026").get("/hours/people?q=" + no));
    assertThat(html).contains("href=\"/members/" + no + "\"");
  }

  @Test
  void anAddressStoredByAnAdministratorIsTheLinkOnlyWhenItIsAWebAddress() {
    try {
      jdbc.sql(
              "insert into setting (key, value, updated_by) values (:k, :v, 'test')"
                  + " on conflict (key) do update set value = excluded.value")
          .param("k", SupervisionPlatform.SETTING)
          .param("v", "https://acc.example.gov.cn/login")
          .update();
      assertThat(body(self().get("/profile")))
          .contains("href=\"https://acc.example.gov.cn/login\"");
      jdbc.sql("update setting set value = 'javascript:alert(1)' where key = :k")
          .param("k", SupervisionPlatform.SETTING)
          .update();
      assertThat(body(self().get("/profile")))
          .contains("href=\"http://acc.mof.gov.cn/login_achieve/login?v=7.2\"")
          .doesNotContain("javascript:alert");
    } finally {
      jdbc.sql("delete from setting where key = :k")
          .param("k", SupervisionPlatform.SETTING)
          .update();
    }
  }

  @Test
  void theFirmsBulkRegistrationPageShowsTheBirthDate() {
    var c = classes.open(100, 100, false, false);
    String html =
        body(
            as("FIRM", firm.account(), TestFirms.PASSWORD).get("/classes/" + c.id() + "/register"));
    assertThat(html).contains("<th>出生日期</th>", "data-test=\"birth-date\">1985-06-15<");
  }

  @Test
  void theEnglishPageHasEveryText() {
    WebSession web = self();
    String html = body(web.get("/profile?lang=en"));
    assertThat(html)
        .contains("Personal information", "Unified Supervision Platform", "Mailing address")
        .doesNotContain("??");
  }
}

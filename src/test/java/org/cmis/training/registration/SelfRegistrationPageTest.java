package org.cmis.training.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.WebSession;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A member registers itself through the page (F4.1). */
@IntegrationTest
class SelfRegistrationPageTest {

  private static final String MEMBER = "440300160001";

  @Autowired MockMvcTester mvc;
  @Autowired TestClasses classes;
  @Autowired MemberDirectory members;
  @Autowired RegistrationService service;
  @Autowired JdbcClient jdbc;

  private WebSession web;

  @BeforeEach
  void signIn() {
    web = new WebSession(mvc);
    assertThat(web.signIn("MEMBER", MEMBER, "Demo@2026")).hasStatus3xxRedirection();
  }

  @Test
  void thePageShowsTheClassTheNotesAndTheContactPrefilledFromTheProfile() {
    TrainingClass c = classes.open(10, 10, false, false);
    MemberProfile me = members.profile(MEMBER).orElseThrow();

    MvcTestResult page = web.get("/classes/" + c.id() + "/register");

    assertThat(page).hasStatusOk().hasViewName("training/registration/self");
    String html = body(page);
    assertThat(html)
        .contains(c.name(), c.code(), "报名注意事项")
        .contains("报名完毕后，请在本页或“培训班报名”中查询确认信息；经确认后，请按时参加培训！")
        .contains("因故无法参加，请提前通知培训实施单位。否则，将会受到通报！")
        .contains("不能参加的，请在取消截止日期之前取消报名。", "data-notes=\"member\"")
        // a member is not told about the firm's ticks (ADR 0036)
        .doesNotContain("在翻页之前请先点击【报名】按钮", "翻页和查询不会丢失", "先填写信息，再勾选")
        .contains("value=\"" + me.mobile() + "\"", "value=\"" + me.email() + "\"")
        .doesNotContain("name=\"waitlist\"", "??");
  }

  @Test
  void aBadMobileIsAFieldErrorAndRegistersNothing() {
    TrainingClass c = classes.open(10, 10, false, false);

    MvcTestResult answer =
        web.post("/classes/" + c.id() + "/register", "mobile", "12345", "email", "me@example.com");

    assertThat(answer).hasStatusOk().hasViewName("training/registration/self");
    assertThat(body(answer)).contains("data-test=\"mobile-error\"", "请输入正确的 11 位手机号");
    assertThat(registrations(c.id(), MEMBER)).isZero();

    MvcTestResult blank =
        web.post("/classes/" + c.id() + "/register", "mobile", "13912345678", "email", " ");
    assertThat(body(blank)).contains("data-test=\"email-error\"", "必填");
    assertThat(registrations(c.id(), MEMBER)).isZero();
  }

  @Test
  void successRedirectsToTheClassWithAFlashThenASecondTryIsRefusedInChinese() {
    TrainingClass c = classes.open(10, 10, false, false);

    MvcTestResult answer =
        web.post(
            "/classes/" + c.id() + "/register",
            "mobile",
            "13911112222",
            "email",
            "changed@example.com");

    assertThat(answer).hasStatus3xxRedirection().hasRedirectedUrl("/classes/" + c.id());
    assertThat(answer).flash().containsEntry("flash", "regpage.flash.registered.PENDING");
    assertThat(
            jdbc.sql(
                    "select status || ' ' || mobile || ' ' || email from registration"
                        + " where class_id = :c and member_no = :m")
                .param("c", c.id())
                .param("m", MEMBER)
                .query(String.class)
                .single())
        .isEqualTo("PENDING 13911112222 changed@example.com");

    MvcTestResult again =
        web.post(
            "/classes/" + c.id() + "/register", "mobile", "13911112222", "email", "a@example.com");
    assertThat(again).hasStatusOk();
    assertThat(body(again)).contains("您已报名本培训班，请勿重复报名。");
    assertThat(registrations(c.id(), MEMBER)).isEqualTo(1);

    assertThat(body(web.get("/classes/" + c.id() + "/register")))
        .contains("data-test=\"already\"", "待确认")
        .doesNotContain("data-test=\"self-form\"");
  }

  @Test
  void aFullClassWithAWaitlistOffersItAndRegistersOnTheWaitlist() {
    TrainingClass c = classes.open(1, 1, false, true);
    service.registerSelf(TestClasses.member(16, 2), c.id(), null, null, false);

    String page = body(web.get("/classes/" + c.id() + "/register"));
    assertThat(page).contains("name=\"waitlist\"", "加入候补");

    MvcTestResult full =
        web.post(
            "/classes/" + c.id() + "/register", "mobile", "13911112222", "email", "a@example.com");
    assertThat(body(full)).contains("本班报名人数已满。如需候补，请勾选“加入候补”后再次提交。");
    assertThat(registrations(c.id(), MEMBER)).isZero();

    MvcTestResult waitlisted =
        web.post(
            "/classes/" + c.id() + "/register",
            "mobile",
            "13911112222",
            "email",
            "a@example.com",
            "waitlist",
            "true");
    assertThat(waitlisted).hasStatus3xxRedirection();
    assertThat(waitlisted).flash().containsEntry("flash", "regpage.flash.registered.WAITLISTED");
  }

  @Test
  void staffMayNotUseTheRegistrationPage() {
    TrainingClass c = classes.open(10, 10, false, false);
    WebSession staff = new WebSession(mvc);
    staff.signIn("STAFF", "sz-staff", "Demo@2026");

    assertThat(staff.get("/classes/" + c.id() + "/register")).hasStatus(403);
    assertThat(web.get("/classes/abc/register")).hasStatus(400);
    assertThat(web.get("/classes/99999999/register")).hasStatus(404);
  }

  private long registrations(long classId, String memberNo) {
    return jdbc.sql("select count(*) from registration where class_id = :c and member_no = :m")
        .param("c", classId)
        .param("m", memberNo)
        .query(Long.class)
        .single();
  }

  static String body(MvcTestResult result) {
    try {
      return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}

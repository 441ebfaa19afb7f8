package org.cmis.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * 考勤管理 and 签到 through the pages (F5.1): the overview with counts, filters, ticking and 出勤 / 缺勤 with
 * the flash, opening a session and its projector page, a member's code and QR link, and everybody
 * else refused.
 */
@IntegrationTest
class AttendancePagesTest {

  @Autowired MockMvcTester mvc;
  @Autowired StartedClasses started;
  @Autowired RecordedEvents events;
  @Autowired JdbcClient jdbc;

  static String body(MvcTestResult result) {
    try {
      return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private WebSession staff(String account) {
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn("STAFF", account, "Demo@2026")).hasStatus3xxRedirection();
    return web;
  }

  private WebSession as(String type, String account) {
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn(type, account, TestFirms.PASSWORD)).hasStatus3xxRedirection();
    return web;
  }

  @Test
  void staffSeeTheStartedClassesAndMarkTickedOnesWithTheCountsShown() {
    StartedClasses.Setup s = started.started(1, 4);
    StartedClasses.Setup later = started.notStarted(1);
    WebSession web = staff("sz-staff");

    String overview = body(web.get("/manage/attendance"));
    assertThat(overview).contains(s.c().name()).doesNotContain(later.c().name());

    String page = "/manage/attendance/classes/" + s.c().id();
    String before = body(web.get(page));
    assertThat(before).contains(s.firm().cpa(1).name(), s.firm().cpa(4).name());
    assertThat(before).contains("data-count=\"unmarked\">4<");

    MvcTestResult marked =
        web.post(
            page + "/mark",
            "ids",
            s.registrationIds().get(0).toString(),
            "ids",
            s.registrationIds().get(1).toString(),
            "attended",
            "true");
    assertThat(marked).hasStatus3xxRedirection();
    assertThat(marked.getResponse().getRedirectedUrl()).startsWith(page);
    String after = body(web.get(page));
    assertThat(after).contains("已登记出勤 2 人");
    assertThat(after).contains("data-count=\"attended\">2<", "data-count=\"unmarked\">2<");
    assertThat(events.of(s.registrationIds().get(0))).hasSize(1);

    web.post(
        page + "/mark",
        "ids",
        s.registrationIds().get(1).toString(),
        "ids",
        s.registrationIds().get(2).toString(),
        "attended",
        "false");
    String corrected = body(web.get(page));
    assertThat(corrected).contains("已登记缺勤 2 人");
    assertThat(corrected).contains("data-count=\"attended\">1<", "data-count=\"absent\">2<");

    String absentOnly = body(web.get(page + "?state=ABSENT"));
    assertThat(absentOnly)
        .contains(s.firm().cpa(2).name(), s.firm().cpa(3).name())
        .doesNotContain(s.firm().cpa(1).name());
    String byNumber = body(web.get(page + "?q=" + s.firm().memberNo(4)));
    assertThat(byNumber).contains(s.firm().cpa(4).name()).doesNotContain(s.firm().cpa(1).name());
    String byFirm = body(web.get(page + "?firm=" + s.firm().name()));
    assertThat(byFirm).contains(s.firm().cpa(1).name());
    assertThat(body(web.get(page + "?firm=nosuchfirm"))).contains("没有符合条件的已确认报名");

    MvcTestResult none = web.post(page + "/mark", "attended", "true");
    assertThat(none).hasStatus3xxRedirection();
    assertThat(body(web.get(page))).contains("请先勾选要登记的学员");
    assertThat(web.post(page + "/mark", "ids", "abc", "attended", "true").getResponse().getStatus())
        .isLessThan(500);
  }

  @Test
  void aClassNotStartedIsRefusedWithAMessage() {
    StartedClasses.Setup later = started.notStarted(1);
    WebSession web = staff("sz-staff");
    String page = "/manage/attendance/classes/" + later.c().id();
    assertThat(body(web.get(page))).contains("培训尚未开始");
    web.post(page + "/mark", "ids", later.registrationIds().get(0).toString(), "attended", "true");
    assertThat(body(web.get(page))).contains("培训尚未开始");
    assertThat(started.attendance(later.registrationIds().get(0))).isEmpty();
  }

  @Test
  void anotherInstitutesStaffAFirmAndAMemberAreRefused() {
    StartedClasses.Setup s = started.started(1, 1);
    String page = "/manage/attendance/classes/" + s.c().id();
    WebSession bj = staff("bj-staff");
    MvcTestResult foreign = bj.get(page);
    assertThat(foreign).hasStatus(404);
    assertThat(body(foreign)).doesNotContain(s.firm().cpa(1).name());
    assertThat(body(bj.get("/manage/attendance"))).doesNotContain(s.c().name());
    assertThat(
            bj.post(
                page + "/mark", "ids", s.registrationIds().get(0).toString(), "attended", "true"))
        .hasStatus(404);
    assertThat(bj.get(page + "/check-in")).hasStatus(404);
    assertThat(bj.post(page + "/check-in")).hasStatus(404);

    WebSession firm = as("FIRM", s.firm().account());
    assertThat(firm.get(page)).hasStatus(403);
    assertThat(firm.get("/manage/attendance")).hasStatus(403);
    WebSession member = as("MEMBER", s.firm().memberNo(1));
    assertThat(
            member.post(
                page + "/mark", "ids", s.registrationIds().get(0).toString(), "attended", "true"))
        .hasStatus(403);
    assertThat(started.attendance(s.registrationIds().get(0))).isEmpty();
  }

  @Test
  void staffOpenASessionAndAMemberChecksInWithTheCodeOrTheLink() {
    StartedClasses.Setup s = started.started(2, 2);
    WebSession web = staff("sz-staff");
    String sessions = "/manage/attendance/classes/" + s.c().id() + "/check-in";
    assertThat(body(web.get(sessions))).contains("尚未开启签到");

    MvcTestResult bad = web.post(sessions, "minutes", "0");
    assertThat(bad).hasStatus(422);
    assertThat(body(bad)).contains("签到时长须为 1 至 720 分钟");
    assertThat(web.post(sessions, "minutes", "abc")).hasStatus(422);

    MvcTestResult opened = web.post(sessions, "day", s.c().trainingStart().toString());
    assertThat(opened).hasStatus3xxRedirection();
    String projector = opened.getResponse().getRedirectedUrl();
    assertThat(projector).startsWith("/manage/attendance/check-in/");
    String shown = body(web.get(projector));
    long sessionId = Long.parseLong(projector.substring(projector.lastIndexOf('/') + 1));
    String code =
        jdbc.sql("select code from check_in_session where id = :id")
            .param("id", sessionId)
            .query(String.class)
            .single();
    String token =
        jdbc.sql("select token from check_in_session where id = :id")
            .param("id", sessionId)
            .query(String.class)
            .single();
    assertThat(shown).contains(code, "<svg", "/check-in/" + token);
    assertThat(staff("bj-staff").get(projector)).hasStatus(404);

    WebSession member = as("MEMBER", s.firm().memberNo(1));
    assertThat(body(member.get("/"))).contains("href=\"/check-in\"");
    MvcTestResult wrong =
        member.post("/check-in", "code", code.equals("000000") ? "000001" : "000000");
    assertThat(wrong.getResponse().getStatus()).isIn(409, 422);
    assertThat(body(member.get("/check-in"))).contains("签到码");
    MvcTestResult done = member.post("/check-in", "code", code);
    assertThat(done).hasStatusOk();
    assertThat(body(done)).contains("已签到", "准时签到").doesNotContain("已登记出勤");

    // the second day by the QR link: sign-in first, then confirm
    String second = opened.getResponse().getRedirectedUrl();
    MvcTestResult day2 = web.post(sessions, "day", s.c().trainingEnd().toString());
    String token2 =
        jdbc.sql("select token from check_in_session where class_id = :c and day = :d")
            .param("c", s.c().id())
            .param("d", s.c().trainingEnd())
            .query(String.class)
            .single();
    assertThat(day2).hasStatus3xxRedirection();
    assertThat(second).isNotNull();
    WebSession anonymous = new WebSession(mvc);
    MvcTestResult signInFirst = anonymous.get("/check-in/" + token2);
    assertThat(signInFirst).hasStatus3xxRedirection();
    assertThat(signInFirst.getResponse().getRedirectedUrl())
        .startsWith("/login")
        .contains("%2Fcheck-in%2F" + token2);
    assertThat(body(member.get("/check-in/" + token2))).contains("确认签到", s.c().name());
    MvcTestResult confirmed = member.post("/check-in/" + token2);
    assertThat(confirmed).hasStatusOk();
    assertThat(body(confirmed)).contains("已登记出勤");
    assertThat(started.attendance(s.registrationIds().get(0))).isEqualTo("ATTENDED");
    assertThat(member.get("/check-in/" + "x".repeat(30))).hasStatus(404);

    // staff see the check-ins and can close the session
    String list = body(web.get(sessions));
    assertThat(list).contains(code);
    assertThat(web.post("/manage/attendance/check-in/" + sessionId + "/close"))
        .hasStatus3xxRedirection();
    WebSession other = as("MEMBER", s.firm().memberNo(2));
    MvcTestResult late = other.post("/check-in", "code", code);
    assertThat(late).hasStatus(409);
    assertThat(body(late)).contains("不在签到时间内");
    assertThat(staff("sz-staff").get("/check-in")).hasStatus(403);
  }
}

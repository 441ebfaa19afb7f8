package org.cmis.credits.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.cmis.credits.HourEntry;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Role;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** 学时管理 of staff (F5.2, F5.8): find, list a year, add, reverse; fields marked; scope kept. */
@IntegrationTest
class LedgerPageTest {

  private static final CurrentUser BJ_STAFF =
      new CurrentUser(-1, Role.STAFF, "bj-staff", "bj-staff", "BJ", null, null);

  @Autowired MockMvcTester mvc;
  @Autowired TestFirms firms;
  @Autowired Ledger ledger;
  @Autowired JdbcClient jdbc;

  WebSession staff;
  TestFirms.Firm own;
  TestFirms.Firm beijing;

  @BeforeEach
  void signIn() {
    own = firms.aFirm().withCpas(2).withMemberAccounts().create();
    beijing = firms.aFirm().inInstitute("BJ").create();
    staff = new WebSession(mvc);
    assertThat(staff.signIn("STAFF", "sz-staff", "Demo@2026")).hasStatus3xxRedirection();
  }

  private static String body(MvcTestResult result) {
    return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
  }

  private MvcTestResult follow(MvcTestResult posted) {
    assertThat(posted).hasStatus3xxRedirection();
    return staff.get(posted.getResponse().getRedirectedUrl());
  }

  private long count(String memberNo) {
    return jdbc.sql("select count(*) from hour_entry where member_no = :no")
        .param("no", memberNo)
        .query(Long.class)
        .single();
  }

  @Test
  void staffFindAMemberOfTheirInstituteByNumberOrName() {
    MvcTestResult empty = staff.get("/manage/hours");
    assertThat(empty).hasStatusOk();
    assertThat(body(empty)).contains("学时管理", "注册会计师编号或姓名");

    MvcTestResult byNumber = staff.get("/manage/hours?q=" + own.memberNo(1));
    assertThat(body(byNumber))
        .contains("data-member=\"" + own.memberNo(1) + "\"", own.cpa(1).name(), "学时记录");
    // a name of its own: the generated names repeat across the test firms, and the list is capped
    String unique = "学时管理查找" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    jdbc.sql("update member set name = :name where member_no = :no")
        .param("name", unique)
        .param("no", own.memberNo(2))
        .update();
    MvcTestResult byName = staff.get("/manage/hours?q=" + unique);
    assertThat(body(byName)).contains("data-member=\"" + own.memberNo(2) + "\"");
    // another institute's member is not found by SZ's staff
    MvcTestResult foreign = staff.get("/manage/hours?q=" + beijing.memberNo(1));
    assertThat(body(foreign))
        .contains("本协会没有符合条件的会员")
        .doesNotContain("data-member=\"" + beijing.memberNo(1) + "\"");
  }

  @Test
  void staffAddAManualEntryAndSeeItInTheYear() {
    String no = own.memberNo(1);
    MvcTestResult page = staff.get("/manage/hours?memberNo=" + no + "&year=2026");
    assertThat(page).hasStatusOk();
    assertThat(body(page)).contains(own.cpa(1).name(), "2026 年度学时记录", "该年度暂无学时记录", "补录学时");

    MvcTestResult added =
        follow(
            staff.post(
                "/manage/hours/" + no + "/entries",
                "year",
                "2026",
                "date",
                "2026-04-08",
                "hours",
                "6.5",
                "ethicsHours",
                "1",
                "note",
                "三院培训 2026 春"));
    assertThat(added).hasStatusOk();
    assertThat(body(added))
        .contains("已补录学时", "三院培训 2026 春", "外部认定", "人工补录", "6.5", "sz-staff")
        .contains("data-total=\"completed\">6.5<");
    assertThat(count(no)).isEqualTo(1);
    // another year shows nothing of it
    assertThat(body(staff.get("/manage/hours?memberNo=" + no + "&year=2025")))
        .contains("该年度暂无学时记录");
  }

  @Test
  void aWrongFieldIsMarkedInChineseAndNothingIsPosted() {
    String no = own.memberNo(2);
    MvcTestResult refused =
        staff.post(
            "/manage/hours/" + no + "/entries",
            "year",
            "2026",
            "date",
            "2026-04-08",
            "hours",
            "0.25",
            "ethicsHours",
            "0",
            "note",
            "");
    assertThat(refused).hasStatusOk();
    String html = body(refused);
    assertThat(html)
        .contains("请修改标红的内容")
        .contains("学时须为 0.5 的整数倍，不为 0，绝对值不超过 200")
        .contains("data-test=\"error-hours\"", "data-test=\"error-note\"")
        .doesNotContain("data-test=\"error-date\"")
        .contains("value=\"0.25\"");
    assertThat(html).containsPattern("class=\"field has-error\">\\s*<label for=\"add-hours\"");
    assertThat(
            body(
                staff.post(
                    "/manage/hours/" + no + "/entries",
                    "year",
                    "99999",
                    "date",
                    "2026-02-30",
                    "hours",
                    "8",
                    "note",
                    "x")))
        .contains("年度须为 2000 至 2100 之间的整数", "请填写有效的日期");
    assertThat(count(no)).isZero();
    // an odd year in the selector is a message, not an error page
    MvcTestResult oddYear = staff.get("/manage/hours?memberNo=" + no + "&year=abc");
    assertThat(oddYear).hasStatusOk();
    assertThat(body(oddYear)).contains("data-test=\"year-error\"", "年度须为 2000 至 2100 之间的整数");
  }

  @Test
  void staffReverseAnEntryWithAReasonOnce() {
    String no = own.memberNo(1);
    HourEntry e =
        ledger.add(
            LedgerTest.SZ_STAFF,
            no,
            new ManualEntryInput("2026", "2026-03-03", "4", "0", null, "外协会转入"),
            "");
    String reverse = "/manage/hours/entries/" + e.id() + "/reverse";
    MvcTestResult noReason = staff.post(reverse, "memberNo", no, "year", "2026", "reason", " ");
    assertThat(noReason).hasStatusOk();
    assertThat(body(noReason)).contains("请填写冲销原因", "data-test=\"reverse-error\"");
    assertThat(count(no)).isEqualTo(1);

    MvcTestResult done =
        follow(staff.post(reverse, "memberNo", no, "year", "2026", "reason", "重复录入"));
    assertThat(body(done))
        .contains("已冲销该条学时记录", "冲销第 " + e.id() + " 条", "重复录入", "-4.0")
        .contains("data-entry=\"" + e.id() + "\" data-reversed=\"true\"");
    assertThat(count(no)).isEqualTo(2);

    MvcTestResult again = staff.post(reverse, "memberNo", no, "year", "2026", "reason", "再来");
    assertThat(body(again)).contains("该条记录已冲销，或本身是冲销记录，不能再冲销");
    assertThat(count(no)).isEqualTo(2);
  }

  @Test
  void aForeignMemberIsRefusedAndNothingIsPosted() {
    String foreign = beijing.memberNo(1);
    assertThat(staff.get("/manage/hours?memberNo=" + foreign)).hasStatus(404);
    assertThat(
            staff.post(
                "/manage/hours/" + foreign + "/entries",
                "year",
                "2026",
                "date",
                "2026-04-08",
                "hours",
                "8",
                "note",
                "越权"))
        .hasStatus(404);
    HourEntry theirs =
        ledger.add(
            BJ_STAFF,
            foreign,
            new ManualEntryInput("2026", "2026-03-03", "4", "0", null, "北京录入"),
            "");
    assertThat(
            staff.post(
                "/manage/hours/entries/" + theirs.id() + "/reverse",
                "memberNo",
                foreign,
                "reason",
                "越权冲销"))
        .hasStatus(404);
    assertThat(count(foreign)).isEqualTo(1);
  }

  @Test
  void firmsAndMembersMayNotOpenIt() {
    WebSession firm = new WebSession(mvc);
    assertThat(firm.signIn("FIRM", own.account(), TestFirms.PASSWORD)).hasStatus3xxRedirection();
    assertThat(firm.get("/manage/hours")).hasStatus(403);
    assertThat(
            firm.post(
                "/manage/hours/" + own.memberNo(1) + "/entries",
                "year",
                "2026",
                "date",
                "2026-04-08",
                "hours",
                "8",
                "note",
                "x"))
        .hasStatus(403);
    WebSession member = new WebSession(mvc);
    assertThat(member.signIn("MEMBER", own.memberNo(1), TestFirms.PASSWORD))
        .hasStatus3xxRedirection();
    assertThat(member.get("/manage/hours?memberNo=" + own.memberNo(1))).hasStatus(403);
    assertThat(count(own.memberNo(1))).isZero();
  }
}

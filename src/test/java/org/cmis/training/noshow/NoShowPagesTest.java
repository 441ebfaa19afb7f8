package org.cmis.training.noshow;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.cmis.support.WebSession;
import org.cmis.training.noshow.PastClasses.TrainingClassRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The pages 未到人员通报 (staff), its 通报 preview and publication, and 未到人员 (firm, member). */
@IntegrationTest
class NoShowPagesTest {

  @Autowired MockMvcTester mvc;
  @Autowired PastClasses past;
  @Autowired TestFirms firms;
  @Autowired JdbcClient jdbc;

  private TestFirms.Firm firm;
  private TrainingClassRow ended;
  private WebSession staff;

  @BeforeEach
  void aNoShowAndStaff() {
    firm = firms.aFirm().withCpas(3).withMemberAccounts().create();
    ended = past.ended("SZ", 4, "页面未到测试班");
    past.register(ended, firm, 1, "CONFIRMED", "ABSENT", false);
    past.register(ended, firm, 2, "CONFIRMED", "ATTENDED", false);
    staff = new WebSession(mvc);
    assertThat(staff.signIn("STAFF", "sz-staff", "Demo@2026")).hasStatus3xxRedirection();
  }

  @Test
  void staffListTheNoShowsOfAFirmAndThePeriod() {
    MvcTestResult page = staff.get("/manage/no-shows?firmNo=" + firm.firmNo());
    assertThat(page).hasStatusOk();
    assertThat(page)
        .bodyText()
        .contains("未到人员通报", firm.memberNo(1), firm.cpa(1).name(), firm.name(), ended.name())
        .contains("data-test=\"compile\"", "共 1 条")
        .doesNotContain(firm.memberNo(2));
    String day = ended.end().toString();
    assertThat(staff.get("/manage/no-shows?from=" + day + "&to=" + day + "&classId=" + ended.id()))
        .bodyText()
        .contains(firm.memberNo(1));
    assertThat(
            staff.get(
                "/manage/no-shows?classId=" + ended.id() + "&from=" + ended.end().plusDays(1)))
        .bodyText()
        .contains("暂无未到人员")
        .doesNotContain(firm.memberNo(1));
  }

  @Test
  void badFiltersAreMarkedOnThePage() {
    MvcTestResult impossible = staff.get("/manage/no-shows?from=2026-02-30");
    assertThat(impossible).hasStatus(400);
    assertThat(impossible)
        .bodyText()
        .contains("data-test=\"error-from\"", "请输入有效日期", "value=\"2026-02-30\"");
    MvcTestResult reversed = staff.get("/manage/no-shows?from=2026-05-02&to=2026-05-01");
    assertThat(reversed).hasStatus(422);
    assertThat(reversed).bodyText().contains("data-test=\"error-to\"", "结束日期不能早于开始日期");
    assertThat(staff.get("/manage/no-shows?page=0&firmNo=" + firm.firmNo()))
        .hasStatusOk()
        .bodyText()
        .contains(firm.memberNo(1));
    assertThat(staff.get("/manage/no-shows?firmNo=11010001")).hasStatus(403);
  }

  @Test
  void staffPreviewAndPublishTheBulletin() {
    MvcTestResult preview = staff.get("/manage/no-shows/bulletin?classId=" + ended.id());
    assertThat(preview).hasStatusOk();
    assertThat(preview)
        .bodyText()
        .contains("通报预览", "关于培训班未到人员的通报", firm.memberNo(1), ended.name())
        .contains("data-test=\"publish\"")
        .doesNotContain(firm.memberNo(2));
    long before = jdbc.sql("select count(*) from notice").query(Long.class).single();
    MvcTestResult published = staff.post("/manage/no-shows/bulletin", "classId", "" + ended.id());
    assertThat(published).hasStatus3xxRedirection();
    String location = published.getResponse().getRedirectedUrl();
    assertThat(location).matches("/notices/\\d+");
    assertThat(jdbc.sql("select count(*) from notice").query(Long.class).single())
        .isEqualTo(before + 1);
    assertThat(staff.get(location)).bodyText().contains("关于培训班未到人员的通报", firm.memberNo(1));

    TrainingClassRow empty = past.ended("SZ", 6, "无人未到班");
    MvcTestResult refused = staff.get("/manage/no-shows/bulletin?classId=" + empty.id());
    assertThat(refused).hasStatus(422);
    assertThat(refused).bodyText().contains("data-test=\"error-bulletin\"", "无需通报");
    assertThat(staff.post("/manage/no-shows/bulletin", "classId", "" + empty.id())).hasStatus(422);
    assertThat(jdbc.sql("select count(*) from notice").query(Long.class).single())
        .isEqualTo(before + 1);
  }

  @Test
  void thePageSpeaksEnglishToo() {
    MvcTestResult page = staff.get("/manage/no-shows?lang=en&classId=" + ended.id());
    assertThat(page).hasStatusOk();
    assertThat(page).bodyText().contains("Compile report", "CPA number", firm.memberNo(1));
  }

  @Test
  void aFirmAndAMemberSeeTheirOwnOnly() {
    WebSession own = new WebSession(mvc);
    own.signIn("FIRM", firm.firmNo(), TestFirms.PASSWORD);
    assertThat(own.get("/no-shows"))
        .hasStatusOk()
        .bodyText()
        .contains("未到人员", firm.memberNo(1), ended.name());
    assertThat(own.get("/manage/no-shows")).hasStatus(403);
    assertThat(own.post("/manage/no-shows/bulletin", "classId", "" + ended.id())).hasStatus(403);

    TestFirms.Firm other = firms.aFirm().create();
    WebSession stranger = new WebSession(mvc);
    stranger.signIn("FIRM", other.firmNo(), TestFirms.PASSWORD);
    assertThat(stranger.get("/no-shows")).bodyText().doesNotContain(firm.memberNo(1));

    WebSession member = new WebSession(mvc);
    member.signIn("MEMBER", firm.memberNo(1), TestFirms.PASSWORD);
    assertThat(member.get("/no-shows")).bodyText().contains(firm.memberNo(1), ended.name());
    assertThat(member.get("/")).bodyText().contains("href=\"/no-shows\"");
    assertThat(own.get("/")).bodyText().contains("href=\"/no-shows\"");
    assertThat(staff.get("/")).bodyText().contains("href=\"/manage/no-shows\"");
    WebSession attended = new WebSession(mvc);
    attended.signIn("MEMBER", firm.memberNo(2), TestFirms.PASSWORD);
    assertThat(attended.get("/no-shows")).bodyText().contains("暂无未到人员");
    assertThat(staff.get("/no-shows")).hasStatus(403);
  }
}

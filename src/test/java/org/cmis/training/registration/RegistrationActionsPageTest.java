package org.cmis.training.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cmis.training.registration.SelfRegistrationPageTest.body;

import java.time.Clock;
import java.time.LocalDate;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.TestFirms;
import org.cmis.support.WebSession;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Cancellation, the declaration of non-attendance and the receipt through the pages (F4.5). */
@IntegrationTest
class RegistrationActionsPageTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestClasses classes;
  @Autowired RegistrationService service;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired TestFirms firms;

  /** The test's own firm (three CPAs who can sign in) and another firm of SZ. */
  TestFirms.Firm ownFirm;

  TestFirms.Firm otherFirm;

  /** The registrant: CPA 1 of the own firm. */
  String member;

  @BeforeEach
  void ownFirms() {
    ownFirm = firms.aFirm().withCpas(3).withMemberAccounts().create();
    otherFirm = firms.aFirm().create();
    member = ownFirm.memberNo(1);
  }

  /** Signs in demo staff, or a firm or member account of the test's own firms. */
  private WebSession as(String type, String account) {
    WebSession web = new WebSession(mvc);
    String password = type.equals("STAFF") ? "Demo@2026" : TestFirms.PASSWORD;
    assertThat(web.signIn(type, account, password)).hasStatus3xxRedirection();
    return web;
  }

  /** Registers CPA {@code serial} of the own firm by itself. */
  private long register(TrainingClass c, int serial) {
    return service.registerSelf(ownFirm.member(serial), c.id(), null, null, false).id();
  }

  /** Moves the class's cancellation deadline to yesterday; training still starts later. */
  private void deadlinePassed(TrainingClass c) {
    jdbc.sql("update training_class set cancellation_deadline = :d where id = :id")
        .param("d", LocalDate.now(clock).minusDays(1))
        .param("id", c.id())
        .update();
  }

  private String status(long registrationId) {
    return jdbc.sql("select status from registration where id = :id")
        .param("id", registrationId)
        .query(String.class)
        .single();
  }

  @Test
  void theMemberCancelsWithAReason() {
    TrainingClass c = classes.open(10, 10, false, false);
    long id = register(c, 1);
    WebSession web = as("MEMBER", member);

    assertThat(body(web.get("/registrations/" + id + "/cancel")))
        .contains("data-test=\"cancel-form\"", "取消原因", c.name());

    MvcTestResult blank = web.post("/registrations/" + id + "/cancel", "reason", "  ");
    assertThat(blank)
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/registrations/" + id + "/cancel");
    assertThat(blank).flash().containsEntry("actionError", "regpage.reason.required");
    assertThat(status(id)).isEqualTo("PENDING");
    assertThat(body(web.get("/registrations/" + id + "/cancel")))
        .contains("data-test=\"action-error\"", "请填写原因（最多 500 个字）");

    MvcTestResult done = web.post("/registrations/" + id + "/cancel", "reason", "工作冲突");
    assertThat(done).hasStatus3xxRedirection().hasRedirectedUrl("/classes/" + c.id());
    assertThat(done).flash().containsEntry("flash", "regpage.flash.cancelled");
    assertThat(status(id)).isEqualTo("CANCELLED");

    MvcTestResult again = web.post("/registrations/" + id + "/cancel", "reason", "再次");
    assertThat(again).hasStatus3xxRedirection();
    assertThat(again).flash().containsEntry("actionError", "regpage.refusal.INVALID_STATE");
  }

  @Test
  void theFirmCancelsForItsPersonAnotherFirmCannot() {
    TrainingClass c = classes.open(10, 10, false, false);
    long id = register(c, 2);

    MvcTestResult other =
        as("FIRM", otherFirm.account()).post("/registrations/" + id + "/cancel", "reason", "x");
    assertThat(other).hasStatus(404);
    assertThat(status(id)).isEqualTo("PENDING");

    MvcTestResult own =
        as("FIRM", ownFirm.account()).post("/registrations/" + id + "/cancel", "reason", "出差");
    assertThat(own).hasStatus3xxRedirection().hasRedirectedUrl("/classes/" + c.id());
    assertThat(status(id)).isEqualTo("CANCELLED");
  }

  @Test
  void afterTheDeadlineTheNonAttendanceFormIsOffered() {
    TrainingClass c = classes.open(10, 10, false, false);
    long id = register(c, 1);
    deadlinePassed(c);
    WebSession web = as("MEMBER", member);

    MvcTestResult refused = web.post("/registrations/" + id + "/cancel", "reason", "有事");
    assertThat(refused)
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/registrations/" + id + "/cancel");
    assertThat(refused).flash().containsEntry("actionError", "regpage.refusal.CANCELLATION_CLOSED");
    assertThat(status(id)).isEqualTo("PENDING");
    assertThat(body(web.get("/registrations/" + id + "/cancel")))
        .contains("已过取消截止日期，不能取消报名。如不能参加，请提交不参加说明。")
        .contains("data-test=\"non-attendance-form\"", "不参加说明")
        .doesNotContain("data-test=\"cancel-form\"");

    MvcTestResult blank = web.post("/registrations/" + id + "/non-attendance", "reason", "");
    assertThat(blank).flash().containsEntry("errorField", "nonAttendanceReason");

    MvcTestResult declared =
        web.post("/registrations/" + id + "/non-attendance", "reason", "临时出差，不能参加");
    assertThat(declared).hasStatus3xxRedirection().hasRedirectedUrl("/classes/" + c.id());
    assertThat(declared).flash().containsEntry("flash", "regpage.flash.nonAttendance");
    assertThat(
            jdbc.sql("select non_attendance_reason from registration where id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("临时出差，不能参加");
    assertThat(body(web.get("/registrations/" + id + "/cancel")))
        .contains("data-test=\"declared\"", "已提交不参加说明：临时出差，不能参加");
  }

  @Test
  void beforeTheDeadlineANonAttendanceDeclarationIsRefusedWithAMessage() {
    TrainingClass c = classes.open(10, 10, false, false);
    long id = register(c, 3);
    WebSession web = as("FIRM", ownFirm.account());

    MvcTestResult early = web.post("/registrations/" + id + "/non-attendance", "reason", "x");
    assertThat(early).hasStatus3xxRedirection();
    assertThat(early).flash().containsEntry("actionError", "registration.nonAttendance.window");
  }

  @Test
  void theReceiptIsForTheRegistrantItsFirmAndTheOrganiser() {
    TrainingClass c = classes.open(10, 10, false, false);
    long id = register(c, 1);
    String url = "/registrations/" + id + "/receipt";

    MvcTestResult mine = as("MEMBER", member).get(url);
    assertThat(mine).hasStatusOk().hasViewName("training/registration/receipt");
    assertThat(body(mine))
        .contains("继续教育培训班报名回执", c.name(), c.code(), member, "待确认", ownFirm.firmNo())
        .contains("打印回执", "data-print", "/js/registration.js", "/css/registration.css")
        .doesNotContain("??");
    assertThat(as("FIRM", ownFirm.account()).get(url)).hasStatusOk();
    assertThat(as("STAFF", "sz-staff").get(url)).hasStatusOk();
    assertThat(as("FIRM", otherFirm.account()).get(url)).hasStatus(404);
    assertThat(as("MEMBER", ownFirm.memberNo(2)).get(url)).hasStatus(404);
    assertThat(as("STAFF", "bj-staff").get(url)).hasStatus(404);
  }

  @Test
  void theRegistrationDetailLinksEachRegistrationsReceipt() {
    TrainingClass c = classes.open(10, 10, false, false);
    long id = register(c, 1);
    String link = "href=\"/registrations/" + id + "/receipt\"";

    assertThat(body(as("MEMBER", member).get("/classes/" + c.id())))
        .contains(c.name(), link, "查看报名回执");
    assertThat(body(as("FIRM", ownFirm.account()).get("/classes/" + c.id()))).contains(link);
    assertThat(body(as("STAFF", "sz-staff").get("/classes/" + c.id()))).contains(link);
  }
}

package org.cmis.training.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cmis.training.registration.SelfRegistrationPageTest.body;

import java.time.Clock;
import java.time.LocalDate;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.WebSession;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Cancellation, the declaration of non-attendance and the receipt through the pages (F4.5). */
@IntegrationTest
class RegistrationActionsPageTest {

  private static final String MEMBER = "440300170001";

  @Autowired MockMvcTester mvc;
  @Autowired TestClasses classes;
  @Autowired RegistrationService service;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private WebSession as(String type, String account) {
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn(type, account, "Demo@2026")).hasStatus3xxRedirection();
    return web;
  }

  private long register(TrainingClass c, int firm, int serial) {
    return service.registerSelf(TestClasses.member(firm, serial), c.id(), null, null, false).id();
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
    long id = register(c, 17, 1);
    WebSession web = as("MEMBER", MEMBER);

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
    long id = register(c, 17, 2);

    MvcTestResult other =
        as("FIRM", "44030016").post("/registrations/" + id + "/cancel", "reason", "x");
    assertThat(other).hasStatus(404);
    assertThat(status(id)).isEqualTo("PENDING");

    MvcTestResult own =
        as("FIRM", "44030017").post("/registrations/" + id + "/cancel", "reason", "出差");
    assertThat(own).hasStatus3xxRedirection().hasRedirectedUrl("/classes/" + c.id());
    assertThat(status(id)).isEqualTo("CANCELLED");
  }

  @Test
  void afterTheDeadlineTheNonAttendanceFormIsOffered() {
    TrainingClass c = classes.open(10, 10, false, false);
    long id = register(c, 17, 1);
    deadlinePassed(c);
    WebSession web = as("MEMBER", MEMBER);

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
    long id = register(c, 17, 3);
    WebSession web = as("FIRM", "44030017");

    MvcTestResult early = web.post("/registrations/" + id + "/non-attendance", "reason", "x");
    assertThat(early).hasStatus3xxRedirection();
    assertThat(early).flash().containsEntry("actionError", "registration.nonAttendance.window");
  }

  @Test
  void theReceiptIsForTheRegistrantItsFirmAndTheOrganiser() {
    TrainingClass c = classes.open(10, 10, false, false);
    long id = register(c, 17, 1);
    String url = "/registrations/" + id + "/receipt";

    MvcTestResult mine = as("MEMBER", MEMBER).get(url);
    assertThat(mine).hasStatusOk().hasViewName("training/registration/receipt");
    assertThat(body(mine))
        .contains("继续教育培训班报名回执", c.name(), c.code(), MEMBER, "待确认", "44030017")
        .contains("打印回执", "data-print", "/js/registration.js", "/css/registration.css")
        .doesNotContain("??");
    assertThat(as("FIRM", "44030017").get(url)).hasStatusOk();
    assertThat(as("STAFF", "sz-staff").get(url)).hasStatusOk();
    assertThat(as("FIRM", "44030016").get(url)).hasStatus(404);
    assertThat(as("MEMBER", "440300170002").get(url)).hasStatus(404);
    assertThat(as("STAFF", "bj-staff").get(url)).hasStatus(404);
  }
}

package org.cmis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import org.cmis.identity.LoginType;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository;
import org.cmis.shared.BusinessTime;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Role;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.TestClasses;
import org.cmis.support.WebSession;
import org.cmis.training.TrainingFigures;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The staff home (F6.4) on an institute of the test's own, so that no other test's classes count:
 * its open classes with their fill, the pending confirmations, the reset applications' card and the
 * registrations per day of the last 30 days, drawn as SVG bars.
 */
@IntegrationTest
class StaffDashboardTest {

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ClassService classes;
  @Autowired AccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired TrainingFigures figures;
  @Autowired Clock clock;

  @Test
  void theCardsAndTheChartCountTheInstitutesRegistrations() throws Exception {
    String code = "D" + (System.nanoTime() % 100_000_000L);
    jdbc.sql("insert into institute (code, name) values (:c, '测试工作台协会')").param("c", code).update();
    CurrentUser staff = new CurrentUser(-1, Role.STAFF, "dash", "dash", code, null, null);
    LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
    TrainingClass first =
        classes.create(staff, TestClasses.aClass(today).name("工作台甲班").places(10, 20).build());
    TrainingClass second =
        classes.create(staff, TestClasses.aClass(today).name("工作台乙班").places(5, 5).build());
    // a class that is not open (registration starts later) is not counted as open
    classes.create(
        staff,
        TestClasses.aClass(today)
            .name("工作台未开始")
            .registration(today.plusDays(2), today.plusDays(5))
            .build());

    // first: 3 pending today, 1 confirmed 3 days ago, 1 pending 40 days ago (outside the chart)
    register(first.id(), "PENDING", today, 3);
    register(first.id(), "CONFIRMED", today.minusDays(3), 1);
    register(first.id(), "PENDING", today.minusDays(40), 1);
    // second: 2 pending 29 days ago (the chart's first day)
    register(second.id(), "PENDING", today.minusDays(29), 2);
    jdbc.sql(
            "update training_class c set registered_count = (select count(*) from registration r"
                + " where r.class_id = c.id and r.status in ('PENDING', 'CONFIRMED')),"
                + " confirmed_count = (select count(*) from registration r where r.class_id = c.id"
                + " and r.status = 'CONFIRMED') where c.institute_code = :c")
        .param("c", code)
        .update();

    assertThat(figures.openClassCount(code)).isEqualTo(2);
    assertThat(figures.pendingConfirmations(code)).isEqualTo(6);
    Map<LocalDate, Long> perDay = figures.registrationsPerDay(code, today.minusDays(29), today);
    assertThat(perDay).hasSize(30);
    assertThat(perDay.get(today)).isEqualTo(3);
    assertThat(perDay.get(today.minusDays(3))).isEqualTo(1);
    assertThat(perDay.get(today.minusDays(29))).isEqualTo(2);
    assertThat(perDay.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(6);
    assertThat(figures.openClasses(code, 5))
        .extracting(
            TrainingFigures.ClassFill::name,
            TrainingFigures.ClassFill::registeredCount,
            TrainingFigures.ClassFill::pendingCount)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("工作台甲班", 5, 4L),
            org.assertj.core.groups.Tuple.tuple("工作台乙班", 2, 2L));

    String account = "dash-" + code.toLowerCase();
    accounts.insert(
        new Account(
            0,
            LoginType.STAFF,
            Role.STAFF,
            account,
            encoder.encode(TestAccounts.PASSWORD),
            "工作台员",
            code,
            null,
            null,
            account + "@example.cn",
            "",
            false,
            true));
    WebSession web = new WebSession(mvc);
    web.signIn("STAFF", account, TestAccounts.PASSWORD);
    String html = web.get("/").getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(html)
        .contains("data-test=\"open-class-count\">2<")
        .contains("data-test=\"pending-count\">6<")
        .contains("共报名 6 人次，单日最多 3 人次")
        .contains("data-day=\"" + today + "\" data-count=\"3\"")
        .contains("data-day=\"" + today.minusDays(29) + "\" data-count=\"2\"")
        .contains("待处理的密码重置申请")
        .contains("待审核的产出法学时申报")
        .contains("href=\"/manage/classes/" + first.id() + "/registrations\"")
        .contains("5 / 20")
        .doesNotContain("工作台未开始");
    assertThat(html.split("class=\"chart-bar\"", -1)).hasSize(31); // 30 bars

    // other institutes' staff do not count these classes
    WebSession sz = new WebSession(mvc);
    sz.signIn("STAFF", "sz-staff", "Demo@2026");
    assertThat(sz.get("/").getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("data-test=\"dashboard\"")
        .doesNotContain("data-class=\"" + first.id() + "\"");
    // admin sees every institute's figures; a firm and a member have no dashboard
    WebSession admin = new WebSession(mvc);
    admin.signIn("STAFF", "admin", "Demo@2026");
    assertThat(admin.get("/").getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("data-test=\"dashboard\"");
    WebSession firm = new WebSession(mvc);
    firm.signIn("FIRM", "44030001", "Demo@2026");
    assertThat(firm.get("/").getResponse().getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain("data-test=\"dashboard\"");
  }

  private void register(long classId, String status, LocalDate day, int count) {
    for (int i = 0; i < count; i++) {
      jdbc.sql(
              "insert into registration (class_id, member_no, name, status, channel, mobile, email,"
                  + " registered_at, created_by) values (:c, :m, '测试', :s, 'STAFF', '13800000000',"
                  + " 'a@example.cn', :at, 'test')")
          .param("c", classId)
          .param("m", String.format("%012d", System.nanoTime() % 1_000_000_000_000L))
          .param("s", status)
          .param(
              "at",
              ZonedDateTime.of(day, LocalTime.of(10, i), BusinessTime.ZONE).toOffsetDateTime())
          .update();
    }
  }
}

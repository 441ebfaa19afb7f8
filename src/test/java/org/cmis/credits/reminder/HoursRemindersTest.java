package org.cmis.credits.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.cmis.support.TestFirms.Firm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly hours reminders (F5.6) on the real PostgreSQL: nothing before the from-date; after it
 * one message to each short member (its shortfall and ethics shortfall, a link to 学时查询) and one
 * summary to each firm with short people; a second run in the month, or two at once, send nothing
 * more. Each test reminds of a year of its own far ahead, so that its months are its own.
 */
@IntegrationTest
class HoursRemindersTest {

  @Autowired HoursReminders reminders;
  @Autowired TestFirms firms;
  @Autowired JdbcClient jdbc;

  private void entry(String memberNo, int year, String hours, String ethics) {
    jdbc.sql(
            "insert into hour_entry (member_no, year, entry_date, hours, ethics_hours, category,"
                + " source, note, created_by) values (:no, :year, make_date(:year, 3, 1),"
                + " cast(:hours as numeric), cast(:ethics as numeric), 'EXTERNAL', 'MANUAL',"
                + " 'test', 'test')")
        .param("no", memberNo)
        .param("year", year)
        .param("hours", hours)
        .param("ethics", ethics)
        .update();
  }

  /** The bodies of the messages an account got about the period. */
  private List<String> messages(String loginType, String account, String period) {
    return jdbc.sql(
            "select m.subject || ' ' || m.body from message m join account a on a.id = m.account_id"
                + " where a.login_type = :type and a.account = :account and m.source_key = :key")
        .param("type", loginType)
        .param("account", account)
        .param("key", "hours-reminder:" + period)
        .query(String.class)
        .list();
  }

  private long messagesAbout(String period) {
    return jdbc.sql("select count(*) from message where source_key = :key")
        .param("key", "hours-reminder:" + period)
        .query(Long.class)
        .single();
  }

  @Test
  void beforeTheFromDateNothingIsSent() {
    Firm firm = firms.aFirm().withCpas(1).withMemberAccounts().create();
    HoursReminders.Run run = reminders.remind(LocalDate.of(2091, 9, 30));
    assertThat(run.claimed()).isFalse();
    assertThat(messagesAbout("2091-09")).isZero();
    assertThat(messages("MEMBER", firm.memberNo(1), "2091-09")).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from hours_reminder_run where period = '2091-09'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void afterItEachShortMemberAndEachFirmIsToldOnceAMonth() {
    int year = 2092;
    Firm firm = firms.aFirm().withCpas(3).withMemberAccounts().create();
    entry(firm.memberNo(1), year, "40.0", "4.0");
    entry(firm.memberNo(2), year, "30.5", "1.0");

    HoursReminders.Run run = reminders.remind(LocalDate.of(year, 10, 1));
    assertThat(run.claimed()).isTrue();
    assertThat(run.members()).isPositive();
    assertThat(run.firms()).isPositive();

    assertThat(messages("MEMBER", firm.memberNo(1), "2092-10")).as("compliant").isEmpty();
    List<String> second = messages("MEMBER", firm.memberNo(2), "2092-10");
    assertThat(second).hasSize(1);
    assertThat(second.get(0))
        .contains("2092年度继续教育学时提醒", firm.cpa(2).name())
        .contains("已完成继续教育 30.5 学时（应完成 40 学时），尚差 9.5 学时")
        .contains("职业道德已完成 1 学时（应完成 4 学时），尚差 3 学时")
        .contains("/hours");
    assertThat(messages("MEMBER", firm.memberNo(3), "2092-10"))
        .singleElement()
        .asString()
        .contains("尚差 40 学时", "尚差 4 学时");
    assertThat(messages("FIRM", firm.firmNo(), "2092-10"))
        .singleElement()
        .asString()
        .contains("贵所有 2 名人员2092年度继续教育学时尚未达标", "/hours/people?short=true");
    long told = messagesAbout("2092-10");
    assertThat(told).isEqualTo(run.members() + run.firms());

    HoursReminders.Run again = reminders.remind(LocalDate.of(year, 10, 20));
    assertThat(again.claimed()).as("the month is done").isFalse();
    assertThat(messagesAbout("2092-10")).isEqualTo(told);

    reminders.remind(LocalDate.of(year, 11, 1));
    assertThat(messages("MEMBER", firm.memberNo(2), "2092-11")).as("next month again").hasSize(1);
    assertThat(messages("MEMBER", firm.memberNo(1), "2092-11")).isEmpty();
    assertThat(
            jdbc.sql(
                    "select count(*) from hours_reminder_run where period in ('2092-10', '2092-11')"
                        + " and completed_at is not null")
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void twoInstancesAtOnceSendOnce() throws Exception {
    int year = 2093;
    Firm firm = firms.aFirm().withCpas(2).withMemberAccounts().create();
    LocalDate day = LocalDate.of(year, 12, 1);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<HoursReminders.Run>> runs =
          List.of(
              CompletableFuture.supplyAsync(() -> await(start, day), pool),
              CompletableFuture.supplyAsync(() -> await(start, day), pool));
      start.countDown();
      List<HoursReminders.Run> done = runs.stream().map(CompletableFuture::join).toList();
      assertThat(done).filteredOn(HoursReminders.Run::claimed).hasSize(1);
    } finally {
      pool.shutdown();
    }
    assertThat(messages("MEMBER", firm.memberNo(1), "2093-12")).hasSize(1);
    assertThat(messages("MEMBER", firm.memberNo(2), "2093-12")).hasSize(1);
    assertThat(messages("FIRM", firm.firmNo(), "2093-12")).hasSize(1);
  }

  private HoursReminders.Run await(CountDownLatch start, LocalDate day) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return reminders.remind(day);
  }
}

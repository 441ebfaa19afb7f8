package org.cmis.credits.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.cmis.credits.HourCategory;
import org.cmis.credits.HourEntry;
import org.cmis.credits.HourStatements;
import org.cmis.credits.Statement;
import org.cmis.membership.MemberDirectory;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Role;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.cmis.training.AttendanceRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger on the real PostgreSQL (F5.2): append-only by trigger, totals by trigger, posting
 * idempotent on the registration (also under racing deliveries), the ledger following a member that
 * moves firm.
 */
@IntegrationTest
class LedgerTest {

  /** Registration ids of this test's own, far above any real one (the ledger has no FK to them). */
  /** Each event a later change than every one before it. */
  private static final AtomicLong VERSION = new AtomicLong();

  private static final AtomicLong REGISTRATION =
      new AtomicLong(9_000_000_000L + System.nanoTime() % 1_000_000_000L);

  static final CurrentUser SZ_STAFF =
      new CurrentUser(-1, Role.STAFF, "sz-staff", "sz-staff", "SZ", null, null);

  @Autowired JdbcClient jdbc;
  @Autowired AttendancePosting posting;
  @Autowired Ledger ledger;
  @Autowired HourStatements statements;
  @Autowired MemberDirectory members;
  @Autowired TestFirms firms;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;

  TestFirms.Firm firm;
  String memberNo;

  @BeforeEach
  void aMember() {
    firm = firms.aFirm().withCpas(2).create();
    memberNo = firm.memberNo(1);
  }

  private static AttendanceRecorded event(
      long registrationId, String memberNo, boolean attended, String hours, String ethics) {
    return new AttendanceRecorded(
        registrationId,
        77,
        "学时账测试班",
        memberNo,
        2026,
        LocalDate.of(2026, 6, 30),
        attended,
        new BigDecimal(hours),
        new BigDecimal(ethics),
        VERSION.incrementAndGet());
  }

  private List<LedgerEntry> entries(long registrationId) {
    return jdbc
        .sql(
            "select id from hour_entry where source = 'REGISTRATION' and source_id = :id order by id")
        .param("id", registrationId)
        .query(Long.class)
        .list()
        .stream()
        .map(id -> ledger(id))
        .toList();
  }

  @Autowired LedgerRepository repository;

  private LedgerEntry ledger(long id) {
    return repository.find(id).orElseThrow();
  }

  private BigDecimal net(long registrationId) {
    return jdbc.sql(
            "select coalesce(sum(hours), 0) from hour_entry where source = 'REGISTRATION'"
                + " and source_id = :id")
        .param("id", registrationId)
        .query(BigDecimal.class)
        .single();
  }

  @Test
  void theTriggerRefusesUpdateDeleteAndTruncate() {
    long r = REGISTRATION.incrementAndGet();
    long id = posting.post(event(r, memberNo, true, "8", "2")).get(0);
    assertThatThrownBy(
            () ->
                jdbc.sql("update hour_entry set hours = 80 where id = :id")
                    .param("id", id)
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> jdbc.sql("delete from hour_entry where id = :id").param("id", id).update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("truncate hour_entry cascade").update())
        .hasMessageContaining("append-only");
    assertThat(ledger(id).entry().hours()).isEqualByComparingTo("8");
    assertThat(jdbc.sql("select count(*) from hour_entry").query(Long.class).single()).isPositive();
  }

  @Test
  void theTotalsAreAlwaysTheSumsOfTheEntries() {
    TestFirms.Firm f = firms.aFirm().withCpas(1).create();
    String no = f.memberNo(1);
    long r1 = REGISTRATION.incrementAndGet();
    long r2 = REGISTRATION.incrementAndGet();
    posting.post(event(r1, no, true, "8", "2"));
    posting.post(event(r2, no, true, "6", "0"));
    posting.post(event(r1, no, false, "8", "2"));
    posting.post(event(r1, no, true, "8", "2"));
    HourEntry manual =
        ledger.add(
            SZ_STAFF,
            no,
            new ManualEntryInput("2026", "2026-03-01", "12.5", "1.5", "EXTERNAL", "三院培训"),
            "");
    ledger.add(
        SZ_STAFF, no, new ManualEntryInput("2025", "2025-03-01", "4", "0", null, "上年转入"), "");
    ledger.reverse(SZ_STAFF, manual.id(), "录错了", "");
    ledger.add(
        SZ_STAFF, no, new ManualEntryInput("2026", "2026-04-01", "-2", "-0.5", null, "扣减"), "");

    List<Map<String, Object>> fromEntries =
        jdbc.sql(
                "select year, category, sum(hours) as hours, sum(ethics_hours) as ethics"
                    + " from hour_entry where member_no = :no group by year, category"
                    + " order by year, category")
            .param("no", no)
            .query()
            .listOfRows();
    List<Map<String, Object>> totals =
        jdbc.sql(
                "select year, category, hours, ethics_hours as ethics from hour_total"
                    + " where member_no = :no order by year, category")
            .param("no", no)
            .query()
            .listOfRows();
    assertThat(totals).hasSize(3);
    for (int i = 0; i < totals.size(); i++) {
      assertThat(totals.get(i).get("year")).isEqualTo(fromEntries.get(i).get("year"));
      assertThat(totals.get(i).get("category")).isEqualTo(fromEntries.get(i).get("category"));
      assertThat((BigDecimal) totals.get(i).get("hours"))
          .isEqualByComparingTo((BigDecimal) fromEntries.get(i).get("hours"));
      assertThat((BigDecimal) totals.get(i).get("ethics"))
          .isEqualByComparingTo((BigDecimal) fromEntries.get(i).get("ethics"));
    }
    Statement s = statements.statement(members.profile(no).orElseThrow(), 2026);
    // 8 + 6 training; external 12.5 - 12.5 - 2
    assertThat(s.byCategory().get(HourCategory.TRAINING)).isEqualByComparingTo("14");
    assertThat(s.byCategory().get(HourCategory.EXTERNAL)).isEqualByComparingTo("-2");
    assertThat(s.ethicsHours()).isEqualByComparingTo("1.5");
  }

  @Test
  void theSameEventTwicePostsOnceAndAChangeBackPostsAReversal() {
    long r = REGISTRATION.incrementAndGet();
    AttendanceRecorded attended = event(r, memberNo, true, "8", "2");
    assertThat(posting.post(attended)).hasSize(1);
    assertThat(posting.post(attended)).isEmpty();
    assertThat(entries(r)).hasSize(1);

    AttendanceRecorded absent = event(r, memberNo, false, "8", "2");
    assertThat(posting.post(absent)).hasSize(1);
    assertThat(posting.post(absent)).isEmpty();
    assertThat(posting.post(attended)).as("an older change delivered late").isEmpty();
    AttendanceRecorded again = event(r, memberNo, true, "8", "2");
    assertThat(posting.post(again)).hasSize(1);
    assertThat(posting.post(again)).isEmpty();

    List<LedgerEntry> all = entries(r);
    assertThat(all).hasSize(3);
    assertThat(all.get(0).entry().hours()).isEqualByComparingTo("8");
    assertThat(all.get(0).entry().category()).isEqualTo(HourCategory.TRAINING);
    assertThat(all.get(0).entry().note()).isEqualTo("学时账测试班");
    assertThat(all.get(0).createdBy()).isEqualTo("system:attendance");
    assertThat(all.get(0).reversed()).isTrue();
    assertThat(all.get(1).entry().hours()).isEqualByComparingTo("-8");
    assertThat(all.get(1).entry().ethicsHours()).isEqualByComparingTo("-2");
    assertThat(all.get(1).entry().reverses()).isEqualTo(all.get(0).entry().id());
    assertThat(all.get(2).entry().reverses()).isNull();
    assertThat(all.get(2).reversed()).isFalse();
    assertThat(net(r)).isEqualByComparingTo("8");
  }

  @Test
  void absentWithoutAnEntryPostsNothing() {
    long r = REGISTRATION.incrementAndGet();
    assertThat(posting.post(event(r, memberNo, false, "8", "2"))).isEmpty();
    assertThat(entries(r)).isEmpty();
  }

  /** Whether the registry still holds an incomplete publication of the registration's event. */
  private boolean pending(long registrationId) {
    return jdbc.sql(
                "select count(*) from event_publication where completion_date is null"
                    + " and serialized_event like :id")
            .param("id", "%\"registrationId\":" + registrationId + ",%")
            .query(Long.class)
            .single()
        > 0;
  }

  @Test
  void theEventPostsThroughTheRegistryAndADeliveryAgainPostsNothing() {
    long r = REGISTRATION.incrementAndGet();
    AttendanceRecorded e = event(r, memberNo, true, "4", "1");
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(t -> events.publishEvent(e));
    await().atMost(Duration.ofSeconds(30)).until(() -> !pending(r) && entries(r).size() == 1);
    // the same event again, as a publisher retrying it would send it
    tx.executeWithoutResult(t -> events.publishEvent(e));
    await().atMost(Duration.ofSeconds(30)).until(() -> !pending(r));
    assertThat(entries(r)).hasSize(1);
    tx.executeWithoutResult(t -> events.publishEvent(event(r, memberNo, false, "4", "1")));
    await().atMost(Duration.ofSeconds(30)).until(() -> !pending(r) && entries(r).size() == 2);
    assertThat(net(r)).isEqualByComparingTo("0");
  }

  @Test
  void racingDeliveriesNeverPostTwice() throws Exception {
    for (int round = 0; round < 3; round++) {
      long r = REGISTRATION.incrementAndGet();
      int threads = 16;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        boolean attended = i % 3 != 2;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  return posting.post(event(r, memberNo, attended, "8", "2"));
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      List<LedgerEntry> all = entries(r);
      long live = all.stream().filter(e -> !e.isReversal() && !e.reversed()).count();
      assertThat(live).isIn(0L, 1L);
      assertThat(net(r)).isIn(new BigDecimal("0.0"), new BigDecimal("8.0"));
      // every reversal takes back a distinct original, and no original is live twice
      long originals = all.stream().filter(e -> !e.isReversal()).count();
      long reversals = all.stream().filter(LedgerEntry::isReversal).count();
      assertThat(originals - reversals).isEqualTo(live);
      // a last delivery settles it either way
      posting.post(event(r, memberNo, true, "8", "2"));
      assertThat(net(r)).isEqualByComparingTo("8");
    }
  }

  @Test
  void theLedgerFollowsAMemberThatMovesFirm() {
    long r = REGISTRATION.incrementAndGet();
    String no = firm.memberNo(2);
    posting.post(event(r, no, true, "8", "2"));
    TestFirms.Firm other = firms.aFirm().create();
    jdbc.sql(
            "update member set firm_id = (select id from firm where firm_no = :to)"
                + " where member_no = :no")
        .param("to", other.firmNo())
        .param("no", no)
        .update();
    Statement s = statements.statement(members.profile(no).orElseThrow(), 2026);
    assertThat(s.firmNo()).isEqualTo(other.firmNo());
    assertThat(s.byCategory().get(HourCategory.TRAINING)).isEqualByComparingTo("8");
    assertThat(s.ethicsHours()).isEqualByComparingTo("2");
    assertThat(s.entries()).hasSize(1);
    // and the staff of its institute still reverse it
    ledger.reverse(SZ_STAFF, s.entries().get(0).id(), "更正", "");
    assertThat(statements.statement(members.profile(no).orElseThrow(), 2026).completedHours())
        .isEqualByComparingTo("0");
  }
}

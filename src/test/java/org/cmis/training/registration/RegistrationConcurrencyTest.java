package org.cmis.training.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hammers the registration invariants on the real PostgreSQL (F4.3, F4.6): no overbooking, no
 * over-confirmation, one live registration per member and class, counters equal to the rows.
 */
@IntegrationTest
class RegistrationConcurrencyTest {

  @Autowired RegistrationService service;
  @Autowired TestClasses classes;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;

  /**
   * Runs the tasks from many threads released at the same moment; answers their outcomes. A task
   * answered BUSY (nothing was written: the class kept moving under it, or a lock wait ran out on a
   * loaded machine) is sent again, as API.md tells a client to, so every outcome is a final one.
   */
  private static final int BUSY_ATTEMPTS = 10;

  private <T> List<Object> race(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(64, tasks.size()));
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> futures = new ArrayList<>();
    try {
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int attempt = 1; ; attempt++) {
                    try {
                      return (Object) task.call();
                    } catch (CmisException e) {
                      if (e.code() != ErrorCode.BUSY || attempt == BUSY_ATTEMPTS) {
                        return e.code();
                      }
                      Thread.sleep(20L * attempt);
                    }
                  }
                }));
      }
      start.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> f : futures) {
        outcomes.add(f.get());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private void assertInvariants(long classId) {
    Map<String, Object> c =
        jdbc.sql(
                "select capacity, max_registrations, registered_count, confirmed_count,"
                    + " waitlisted_count from training_class where id = :id")
            .param("id", classId)
            .query()
            .singleRow();
    long active = count(classId, "status in ('PENDING', 'CONFIRMED')");
    long confirmed = count(classId, "status = 'CONFIRMED'");
    long waitlisted = count(classId, "status = 'WAITLISTED'");
    assertThat(active).isEqualTo(((Number) c.get("registered_count")).longValue());
    assertThat(confirmed).isEqualTo(((Number) c.get("confirmed_count")).longValue());
    assertThat(waitlisted).isEqualTo(((Number) c.get("waitlisted_count")).longValue());
    assertThat(active).isLessThanOrEqualTo(((Number) c.get("max_registrations")).longValue());
    assertThat(confirmed).isLessThanOrEqualTo(((Number) c.get("capacity")).longValue());
    long duplicates =
        jdbc.sql(
                "select count(*) from (select member_no from registration where class_id = :id"
                    + " and status in ('PENDING', 'CONFIRMED', 'WAITLISTED')"
                    + " group by member_no having count(*) > 1) d")
            .param("id", classId)
            .query(Long.class)
            .single();
    assertThat(duplicates).isZero();
  }

  private long count(long classId, String condition) {
    return jdbc.sql("select count(*) from registration where class_id = :id and " + condition)
        .param("id", classId)
        .query(Long.class)
        .single();
  }

  @Test
  void fourHundredMembersRaceForOneHundredPlaces() throws Exception {
    TrainingClass c = classes.open(100, 100, false, false);
    List<Callable<Registration>> tasks = new ArrayList<>();
    for (int firm = 1; firm <= 8; firm++) {
      for (int serial = 1; serial <= 50; serial++) {
        CurrentUser member = TestClasses.member(firm, serial);
        tasks.add(() -> service.registerSelf(member, c.id(), null, null, false));
      }
    }
    List<Object> outcomes = race(tasks);
    assertThat(outcomes.stream().filter(Registration.class::isInstance)).hasSize(100);
    assertThat(outcomes.stream().filter(o -> !(o instanceof Registration)))
        .allMatch(o -> o == org.cmis.shared.ErrorCode.CLASS_FULL);
    assertThat(count(c.id(), "true")).isEqualTo(100);
    assertInvariants(c.id());
  }

  @Test
  void twentyClicksOfOneMemberMakeOneRegistration() throws Exception {
    TrainingClass c = classes.open(50, 50, false, false);
    CurrentUser member = TestClasses.member(9, 1);
    List<Callable<Registration>> tasks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tasks.add(() -> service.registerSelf(member, c.id(), null, null, false));
    }
    List<Object> outcomes = race(tasks);
    assertThat(outcomes.stream().filter(Registration.class::isInstance)).hasSize(1);
    assertThat(outcomes.stream().filter(o -> o == org.cmis.shared.ErrorCode.ALREADY_REGISTERED))
        .hasSize(19);
    assertThat(count(c.id(), "member_no = '" + member.memberNo() + "'")).isEqualTo(1);
    assertInvariants(c.id());
  }

  @Test
  void oneHundredRacingConfirmationsForSixtySeats() throws Exception {
    TrainingClass c = classes.open(60, 100, false, false);
    List<Long> ids = new ArrayList<>();
    for (int serial = 1; serial <= 50; serial++) {
      ids.add(service.registerSelf(TestClasses.member(10, serial), c.id(), null, null, false).id());
    }
    for (int serial = 1; serial <= 50; serial++) {
      ids.add(service.registerSelf(TestClasses.member(11, serial), c.id(), null, null, false).id());
    }
    List<Callable<Registration>> tasks = new ArrayList<>();
    for (long id : ids) {
      tasks.add(() -> service.confirm(TestClasses.SZ_STAFF, id));
    }
    List<Object> outcomes = race(tasks);
    assertThat(outcomes.stream().filter(Registration.class::isInstance)).hasSize(60);
    assertThat(outcomes.stream().filter(o -> o == org.cmis.shared.ErrorCode.CAPACITY_REACHED))
        .hasSize(40);
    assertThat(count(c.id(), "status = 'CONFIRMED'")).isEqualTo(60);
    assertInvariants(c.id());
  }

  @Test
  void twoFirmsBatchesRaceForTheLastPlaces() throws Exception {
    TrainingClass c = classes.open(30, 30, false, true);
    List<RegistrationService.Applicant> first = new ArrayList<>();
    List<RegistrationService.Applicant> second = new ArrayList<>();
    for (int serial = 1; serial <= 25; serial++) {
      first.add(
          new RegistrationService.Applicant("4403%04d%04d".formatted(12, serial), null, null));
      second.add(
          new RegistrationService.Applicant("4403%04d%04d".formatted(13, serial), null, null));
    }
    List<Callable<List<RegistrationService.Result>>> tasks =
        List.of(
            () -> service.registerPeople(TestClasses.firm(12), c.id(), first, true),
            () -> service.registerPeople(TestClasses.firm(13), c.id(), second, true));
    List<Object> outcomes = race(tasks);
    long registered = 0;
    long waitlisted = 0;
    for (Object o : outcomes) {
      @SuppressWarnings("unchecked")
      List<RegistrationService.Result> results = (List<RegistrationService.Result>) o;
      registered +=
          results.stream()
              .filter(r -> r.outcome() == RegistrationService.Outcome.REGISTERED)
              .count();
      waitlisted +=
          results.stream()
              .filter(r -> r.outcome() == RegistrationService.Outcome.WAITLISTED)
              .count();
    }
    assertThat(registered).isEqualTo(30);
    assertThat(waitlisted).isEqualTo(20);
    assertInvariants(c.id());
  }

  @Test
  void cancellationsRacingRegistrationsPromoteTheWaitlistWithoutOverbooking() throws Exception {
    TrainingClass c = classes.open(20, 20, true, true);
    List<Registration> holders = new ArrayList<>();
    for (int serial = 1; serial <= 20; serial++) {
      holders.add(service.registerSelf(TestClasses.member(14, serial), c.id(), null, null, false));
    }
    List<Callable<Object>> tasks = new ArrayList<>();
    for (int serial = 21; serial <= 50; serial++) {
      CurrentUser m = TestClasses.member(14, serial);
      tasks.add(() -> service.registerSelf(m, c.id(), null, null, true));
    }
    for (int i = 0; i < 10; i++) {
      Registration r = holders.get(i);
      CurrentUser m = TestClasses.member(14, i + 1);
      tasks.add(() -> service.cancel(m, r.id(), "有事"));
    }
    List<Object> outcomes = race(tasks);
    assertThat(outcomes.subList(0, 30)).allMatch(Registration.class::isInstance);
    assertThat(outcomes.subList(30, 40)).allMatch(o -> !(o instanceof ErrorCode));
    assertThat(count(c.id(), "status = 'CONFIRMED'")).isEqualTo(20);
    assertThat(count(c.id(), "status = 'WAITLISTED'")).isEqualTo(20);
    assertInvariants(c.id());
  }

  private Map<String, Object> nonAttendance(long registrationId) {
    return jdbc.sql(
            "select status, non_attendance_reason, non_attendance_at from registration"
                + " where id = :id")
        .param("id", registrationId)
        .query()
        .singleRow();
  }

  /** A registration after the cancellation deadline, before the training starts. */
  private long lateRegistration(TrainingClass c, int firm, int serial) {
    long id =
        service.registerSelf(TestClasses.member(firm, serial), c.id(), null, null, false).id();
    jdbc.sql("update training_class set cancellation_deadline = :d where id = :id")
        .param("d", LocalDate.now(clock).minusDays(1))
        .param("id", c.id())
        .update();
    return id;
  }

  @Test
  void aNonAttendanceDeclarationOfAnEndedRegistrationIsRefusedAndWritesNothing() {
    TrainingClass c = classes.open(10, 10, false, false);
    long id = lateRegistration(c, 20, 1);
    service.reject(TestClasses.SZ_STAFF, id, "名额调整");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                CmisException.class,
                () -> service.declareNonAttendance(TestClasses.member(20, 1), id, "出差")))
        .extracting(CmisException::code)
        .isEqualTo(ErrorCode.INVALID_STATE);
    Map<String, Object> row = nonAttendance(id);
    assertThat(row.get("status")).isEqualTo("REJECTED");
    assertThat(row.get("non_attendance_reason")).isNull();
    assertThat(row.get("non_attendance_at")).isNull();
  }

  @Test
  void aRejectionThatWinsTheClassLockLeavesNoNonAttendanceNoteOnTheEndedRegistration()
      throws Exception {
    TrainingClass c = classes.open(10, 10, false, false);
    long id = lateRegistration(c, 20, 2);
    TransactionTemplate tx = new TransactionTemplate(transactions);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      // the rejection holds the class's lock while the declaration reads the registration
      Future<Registration> rejection =
          pool.submit(
              () ->
                  tx.execute(
                      status -> {
                        jdbc.sql("select id from training_class where id = :id for no key update")
                            .param("id", c.id())
                            .query(Long.class)
                            .single();
                        locked.countDown();
                        try {
                          release.await();
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                          throw new IllegalStateException(e);
                        }
                        return service.reject(TestClasses.SZ_STAFF, id, "名额调整");
                      }));
      locked.await();
      Future<Object> declaration =
          pool.submit(
              () -> {
                try {
                  return (Object) service.declareNonAttendance(TestClasses.member(20, 2), id, "出差");
                } catch (CmisException e) {
                  return e.code();
                }
              });
      // the declaration has read the registration as pending and now waits for the lock
      await()
          .until(
              () ->
                  jdbc.sql(
                              "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                  + " and datname = current_database()")
                          .query(Long.class)
                          .single()
                      > 0);
      release.countDown();
      assertThat(rejection.get().status()).isEqualTo(org.cmis.training.RegistrationStatus.REJECTED);
      assertThat(declaration.get()).isEqualTo(ErrorCode.INVALID_STATE);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    Map<String, Object> row = nonAttendance(id);
    assertThat(row.get("status")).isEqualTo("REJECTED");
    assertThat(row.get("non_attendance_reason")).isNull();
    assertThat(row.get("non_attendance_at")).isNull();
    assertInvariants(c.id());
  }
}

package org.cmis.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff marking and the member's self check-in of one registration racing from 16 threads, through
 * to the hours ledger (issue 11): whatever the order of the changes and of their deliveries to
 * {@code credits}, the ledger ends with exactly one entry, or one entry and one reversal, and its
 * net hours are the class's hours exactly when the registration ends ATTENDED.
 */
@IntegrationTest
class AttendanceLedgerRaceTest {

  private static final int THREADS = 16;

  @Autowired StartedClasses started;
  @Autowired Attendance attendance;
  @Autowired CheckIns checkIns;
  @Autowired CheckInSessions sessions;
  @Autowired JdbcClient jdbc;

  @Test
  void markingAttendedAndCheckingInPostOneEntry() throws Exception {
    Race race = race();
    race.run(thread -> thread % 2 == 0 ? race.checkIn() : race.mark(true));

    race.awaitLedger();
    assertThat(started.attendance(race.registration)).isEqualTo("ATTENDED");
    assertThat(race.entries()).containsExactly(new BigDecimal("8.0"));
  }

  @Test
  void markingAbsentAndCheckingInPostOneEntryOrOneEntryAndItsReversal() throws Exception {
    Race race = race();
    race.run(thread -> thread % 2 == 0 ? race.checkIn() : race.mark(false));

    race.awaitLedger();
    String stored = started.attendance(race.registration);
    List<BigDecimal> entries = race.entries();
    if (stored.equals("ATTENDED")) {
      assertThat(entries).containsExactly(new BigDecimal("8.0"));
    } else {
      assertThat(stored).isEqualTo("ABSENT");
      assertThat(entries).isIn(List.of(), List.of(new BigDecimal("8.0"), new BigDecimal("-8.0")));
    }
  }

  /** A one-day class started today, one confirmed CPA, an open check-in session of the day. */
  private Race race() {
    StartedClasses.Setup s = started.started(1, 1);
    long session = sessions.open(TestClasses.SZ_STAFF, s.c().id(), null, null, null);
    String code =
        jdbc.sql("select code from check_in_session where id = :id")
            .param("id", session)
            .query(String.class)
            .single();
    return new Race(s.registrationIds().get(0), s.firm().member(1), code);
  }

  private interface Step {
    Object take(int thread);
  }

  private final class Race {
    final long registration;
    final CurrentUser member;
    final String code;

    Race(long registration, CurrentUser member, String code) {
      this.registration = registration;
      this.member = member;
      this.code = code;
    }

    Object checkIn() {
      return checkIns.withCode(member, code);
    }

    Object mark(boolean attended) {
      return attendance.mark(TestClasses.SZ_STAFF, registration, attended);
    }

    void run(Step step) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<Object> task =
            () -> {
              start.await();
              try {
                return step.take(thread);
              } catch (CmisException busy) {
                return busy.code();
              }
            };
        done.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Object> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }

    /** Waits until every delivery of this registration's AttendanceRecorded has completed. */
    void awaitLedger() {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  jdbc.sql(
                              "select count(*) from event_publication where completion_date is null"
                                  + " and event_type like '%AttendanceRecorded'"
                                  + " and serialized_event like :id")
                          .param("id", "%\"registrationId\":" + registration + ",%")
                          .query(Integer.class)
                          .single()
                      == 0);
    }

    /** The hours of the registration's ledger entries, in the order they were posted. */
    List<BigDecimal> entries() {
      return jdbc.sql(
              "select hours from hour_entry where source = 'REGISTRATION' and source_id = :id"
                  + " order by id")
          .param("id", registration)
          .query(BigDecimal.class)
          .list();
    }
  }
}

package org.cmis.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cmis.shared.CurrentUser;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.training.AttendanceRecorded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff marking and the member's self check-in of one registration racing from 16 threads: the
 * registration ends with one value, and the events are exactly its changes — each one the opposite
 * of the one before (none for a repeated value), the first one a change from unmarked, the last one
 * the stored value.
 */
@IntegrationTest
class AttendanceConcurrencyTest {

  private static final int THREADS = 16;
  private static final int ROUNDS = 6;

  @Autowired StartedClasses started;
  @Autowired Attendance attendance;
  @Autowired CheckIns checkIns;
  @Autowired CheckInSessions sessions;
  @Autowired RecordedEvents events;
  @Autowired JdbcClient jdbc;

  @Test
  void markingAndCheckingInTheSameRegistrationPublishOneEventPerChange() throws Exception {
    StartedClasses.Setup s = started.started(1, 1);
    long registration = s.registrationIds().get(0);
    long session = sessions.open(TestClasses.SZ_STAFF, s.c().id(), null, null, null);
    String code =
        jdbc.sql("select code from check_in_session where id = :id")
            .param("id", session)
            .query(String.class)
            .single();
    CurrentUser member = s.firm().member(1);

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int round = 0; round < ROUNDS; round++) {
                  if (thread % 4 == 0) {
                    checkIns.withCode(member, code);
                  } else {
                    attendance.mark(TestClasses.SZ_STAFF, registration, (thread + round) % 2 == 0);
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    List<AttendanceRecorded> recorded = events.of(registration);
    assertThat(recorded).as("the staff threads flip the value many times").hasSizeGreaterThan(1);
    for (int i = 1; i < recorded.size(); i++) {
      assertThat(recorded.get(i).attended())
          .as("event %d changes the value of event %d", i, i - 1)
          .isNotEqualTo(recorded.get(i - 1).attended());
    }
    String stored = started.attendance(registration);
    assertThat(stored).isIn("ATTENDED", "ABSENT");
    assertThat(recorded.get(recorded.size() - 1).attended()).isEqualTo(stored.equals("ATTENDED"));
    assertThat(
            jdbc.sql("select count(*) from check_in where registration_id = :id")
                .param("id", registration)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // the audit log holds one entry per change too
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where entity_type = 'Registration'"
                        + " and entity_id = :id and action in"
                        + " ('REGISTRATION_ATTENDED', 'REGISTRATION_ABSENT')")
                .param("id", Long.toString(registration))
                .query(Integer.class)
                .single())
        .isEqualTo(recorded.size());
  }
}

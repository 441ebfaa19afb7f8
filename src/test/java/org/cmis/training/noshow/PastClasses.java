package org.cmis.training.noshow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.cmis.support.TestFirms;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Classes dated in the past and registrations with a given state, attendance and declaration,
 * written with SQL for the no-show tests (the services refuse to create a class in the past, and
 * attendance is another feature's). Each class's counters are kept equal to its rows.
 */
@Component
class PastClasses {

  private static final AtomicInteger serial = new AtomicInteger();

  private final JdbcClient jdbc;
  private final Clock clock;

  PastClasses(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * A published class of the institute whose training ended {@code daysAgo} days ago (0: today).
   */
  TrainingClassRow ended(String institute, int daysAgo, String name) {
    LocalDate end = today().minusDays(daysAgo);
    LocalDate start = end.minusDays(1);
    String code = "NS-" + System.nanoTime() % 1_000_000_000L + "-" + serial.incrementAndGet();
    long id =
        jdbc.sql(
                "insert into training_class (code, name, year, institute_code, audiences, hours,"
                    + " ethics_hours, registration_start, registration_end, training_start,"
                    + " training_end, cancellation_deadline, capacity, max_registrations,"
                    + " published) values (:code, :name, :year, :inst, '{PRACTISING_CPA}', 8, 2,"
                    + " :rs, :re, :ts, :te, :cd, 100, 100, true) returning id")
            .param("code", code)
            .param("name", name)
            .param("year", end.getYear())
            .param("inst", institute)
            .param("rs", start.minusDays(20))
            .param("re", start.minusDays(10))
            .param("ts", start)
            .param("te", end)
            .param("cd", start.minusDays(1))
            .query(Long.class)
            .single();
    return new TrainingClassRow(id, code, name, start, end);
  }

  /** A class row as the tests need it. */
  record TrainingClassRow(long id, String code, String name, LocalDate start, LocalDate end) {}

  /** A registration of a person of a test firm, with the given status, attendance, declaration. */
  long register(
      TrainingClassRow c,
      TestFirms.Firm firm,
      int cpa,
      String status,
      @Nullable String attendance,
      boolean declared) {
    TestFirms.Person p = firm.cpa(cpa);
    OffsetDateTime at =
        c.start().minusDays(15).atTime(10, 0).atZone(clock.getZone()).toOffsetDateTime();
    long id =
        jdbc.sql(
                "insert into registration (class_id, member_no, name, firm_no, status, channel,"
                    + " mobile, email, registered_at, decided_at, attendance,"
                    + " non_attendance_reason, non_attendance_at, created_by) values (:c, :m, :n,"
                    + " :f, :s, 'FIRM', :mobile, :email, :at, :at, :att, :reason, :rat, :f)"
                    + " returning id")
            .param("c", c.id())
            .param("m", p.memberNo())
            .param("n", p.name())
            .param("f", firm.firmNo())
            .param("s", status)
            .param("mobile", p.mobile())
            .param("email", p.email())
            .param("at", at)
            .param("att", attendance)
            .param("reason", declared ? "出差无法参加" : null)
            .param("rat", declared ? at.plusDays(1) : null)
            .query(Long.class)
            .single();
    jdbc.sql(
            "update training_class c set registered_count = (select count(*) from registration r"
                + " where r.class_id = c.id and r.status in ('PENDING', 'CONFIRMED')),"
                + " confirmed_count = (select count(*) from registration r where r.class_id = c.id"
                + " and r.status = 'CONFIRMED'), waitlisted_count = (select count(*) from"
                + " registration r where r.class_id = c.id and r.status = 'WAITLISTED')"
                + " where c.id = :c")
        .param("c", c.id())
        .update();
    return id;
  }
}

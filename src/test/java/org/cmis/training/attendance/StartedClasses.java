package org.cmis.training.attendance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cmis.support.TestClasses;
import org.cmis.support.TestFirms;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.cmis.training.registration.RegistrationService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For attendance tests: a class of SZ (8 hours, 2 of ethics) whose people of a test's own firm are
 * CONFIRMED, then — the class rules allowing no registration for a class that has started — its
 * dates moved by SQL so that training runs from today for the given number of days (or starts in a
 * week, for TRAINING_NOT_STARTED). TestFirms is looked up when used: module tests that scan
 * training's packages without the support beans still start.
 */
@Component
class StartedClasses {

  private final ClassService classes;
  private final RegistrationService registrations;
  private final ObjectProvider<TestFirms> firms;
  private final JdbcClient jdbc;
  private final Clock clock;

  StartedClasses(
      ClassService classes,
      RegistrationService registrations,
      ObjectProvider<TestFirms> firms,
      JdbcClient jdbc,
      Clock clock) {
    this.classes = classes;
    this.registrations = registrations;
    this.firms = firms;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A class with its firm's CPAs confirmed and their registration ids in serial order. */
  record Setup(TrainingClass c, TestFirms.Firm firm, List<Long> registrationIds) {}

  /** Training from today for {@code days} days, {@code people} CPAs confirmed (with accounts). */
  Setup started(int days, int people) {
    Setup s = confirmed(people);
    LocalDate today = LocalDate.now(clock);
    move(s.c().id(), today, today.plusDays(days - 1L));
    return new Setup(classes.get(TestClasses.SZ_STAFF, s.c().id()), s.firm(), s.registrationIds());
  }

  /** Training in ten days: not started. */
  Setup notStarted(int people) {
    return confirmed(people);
  }

  private Setup confirmed(int people) {
    TestFirms.Firm firm = firms.getObject().aFirm().withCpas(people).withMemberAccounts().create();
    LocalDate today = LocalDate.now(clock);
    TrainingClass c =
        classes.create(
            TestClasses.SZ_STAFF,
            TestClasses.aClass(today).places(people, people).auto(true).build());
    List<RegistrationService.Result> results =
        registrations.registerPeople(
            firm.principal(),
            c.id(),
            firm.memberNos().stream()
                .map(no -> new RegistrationService.Applicant(no, null, null))
                .toList(),
            false);
    List<Long> ids = results.stream().map(r -> (long) r.registrationId()).toList();
    return new Setup(c, firm, ids);
  }

  /** Moves a class's training to the given days (registration and deadline before them). */
  void move(long classId, LocalDate start, LocalDate end) {
    jdbc.sql(
            "update training_class set registration_start = :rs, registration_end = :re,"
                + " cancellation_deadline = :cd, training_start = :ts, training_end = :te"
                + " where id = :id")
        .param("rs", start.minusDays(10))
        .param("re", start.minusDays(1))
        .param("cd", start.minusDays(2))
        .param("ts", start)
        .param("te", end)
        .param("id", classId)
        .update();
  }

  /** The stored attendance of a registration. */
  String attendance(long registrationId) {
    return jdbc.sql("select coalesce(attendance, '') from registration where id = :id")
        .param("id", registrationId)
        .query(String.class)
        .single();
  }
}

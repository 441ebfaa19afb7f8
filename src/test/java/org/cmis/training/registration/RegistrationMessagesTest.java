package org.cmis.training.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.training.ClassChanged;
import org.cmis.training.PeopleRegistered;
import org.cmis.training.Registrant;
import org.cmis.training.RegistrationConfirmed;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.ClassInput;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Registrants and their firms are told in the message centre, once per event (F4.9). */
@IntegrationTest
@RecordApplicationEvents
class RegistrationMessagesTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final int FIRM = 17;
  private static final String FIRM_NO = "44030017";

  @Autowired TestClasses testClasses;
  @Autowired ClassService classes;
  @Autowired RegistrationService registrations;
  @Autowired RegistrationMessages messages;
  @Autowired TrainingReminders reminders;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private long memberMessages(String memberNo, String key) {
    return jdbc.sql(
            "select count(*) from message m join account a on a.id = m.account_id"
                + " where a.login_type = 'MEMBER' and a.member_no = :no and m.source_key like :key")
        .param("no", memberNo)
        .param("key", key)
        .query(Long.class)
        .single();
  }

  private long firmMessages(String key) {
    return jdbc.sql(
            "select count(*) from message m join account a on a.id = m.account_id"
                + " where a.login_type = 'FIRM' and a.firm_no = :no and m.source_key like :key")
        .param("no", FIRM_NO)
        .param("key", key)
        .query(Long.class)
        .single();
  }

  private List<String> bodies(String key) {
    return jdbc.sql("select subject || ' ' || body from message where source_key like :key")
        .param("key", key)
        .query(String.class)
        .list();
  }

  private Registration register(TrainingClass c, int serial) {
    return registrations.registerSelf(TestClasses.member(FIRM, serial), c.id(), null, null, false);
  }

  private static String memberNo(Registration r) {
    return r.memberNo();
  }

  @Test
  void aRegistrationTellsTheMemberAndTheFirmOnceEach() {
    TrainingClass c = testClasses.open(10, 20, false, false);
    Registration r = register(c, 41);
    String key = "registration:" + r.id() + ":PENDING";
    await().atMost(WAIT).until(() -> memberMessages(memberNo(r), key) == 1);
    await().atMost(WAIT).until(() -> firmMessages(key) == 1);
    assertThat(bodies(key))
        .hasSize(2)
        .allSatisfy(text -> assertThat(text).contains(c.name()).contains("报名成功").contains("待确认"));
  }

  @Test
  void aConfirmationTellsTheMemberAndTheFirm() {
    TrainingClass c = testClasses.open(10, 20, false, false);
    Registration r = register(c, 42);
    registrations.confirm(TestClasses.SZ_STAFF, r.id());
    String key = "registration:" + r.id() + ":CONFIRMED";
    await().atMost(WAIT).until(() -> memberMessages(memberNo(r), key) == 1);
    await().atMost(WAIT).until(() -> firmMessages(key) == 1);
    assertThat(bodies(key)).allSatisfy(text -> assertThat(text).contains("报名已确认"));
  }

  @Test
  void aClassCancelTellsEveryRegistrantOnceAndTheFirmOnceWithTheirNames() {
    TrainingClass c = testClasses.open(10, 20, false, false);
    Registration first = register(c, 43);
    Registration second = register(c, 44);
    classes.cancel(TestClasses.SZ_STAFF, c.id(), "场地调整，本期取消");
    String key = "class:" + c.id() + ":cancelled";
    await().atMost(WAIT).until(() -> memberMessages(first.memberNo(), key) == 1);
    await().atMost(WAIT).until(() -> memberMessages(second.memberNo(), key) == 1);
    await().atMost(WAIT).until(() -> firmMessages(key) == 1);
    assertThat(bodies(key))
        .hasSize(3)
        .allSatisfy(text -> assertThat(text).contains(c.name()).contains("场地调整，本期取消"));
    assertThat(
            jdbc.sql(
                    "select body from message m join account a on a.id = m.account_id"
                        + " where a.login_type = 'FIRM' and m.source_key = :key")
                .param("key", key)
                .query(String.class)
                .single())
        .contains(first.name())
        .contains(second.name());
    // The registrations' own cancellations are part of the class cancel: no second message.
    await()
        .during(Duration.ofSeconds(1))
        .atMost(WAIT)
        .until(
            () ->
                memberMessages(first.memberNo(), "registration:" + first.id() + ":CANCELLED") == 0);
  }

  @Test
  void theSameEventHandledTwiceStoresOneMessage() {
    TrainingClass c = testClasses.open(10, 20, false, false);
    Registration r = register(c, 45);
    String key = "registration:" + r.id() + ":PENDING";
    await().atMost(WAIT).until(() -> memberMessages(memberNo(r), key) == 1);
    PeopleRegistered again =
        new PeopleRegistered(
            c.id(),
            c.name(),
            List.of(
                new Registrant(
                    r.id(), r.memberNo(), r.name(), r.firmNo(), RegistrationStatus.PENDING)));
    messages.on(again);
    messages.on(again);
    assertThat(memberMessages(memberNo(r), key)).isEqualTo(1);
    assertThat(firmMessages(key)).isEqualTo(1);

    // A class change: one message per registrant and version of the class.
    ClassInput newPlace =
        new ClassInput(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "深圳市福田区新地点",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    classes.update(TestClasses.SZ_STAFF, c.id(), newPlace);
    String changed = "class:" + c.id() + ":changed:%";
    await().atMost(WAIT).until(() -> memberMessages(memberNo(r), changed) == 1);
    String version =
        jdbc.sql("select updated_at from training_class where id = :c")
            .param("c", c.id())
            .query(OffsetDateTime.class)
            .single()
            .toInstant()
            .toString();
    ClassChanged change =
        new ClassChanged(
            c.id(),
            c.name(),
            version,
            List.of(
                new Registrant(
                    r.id(), r.memberNo(), r.name(), r.firmNo(), RegistrationStatus.PENDING)));
    messages.on(change);
    messages.on(change);
    assertThat(memberMessages(memberNo(r), changed)).isEqualTo(1);
    await().atMost(WAIT).until(() -> firmMessages(changed) == 1);
  }

  @Test
  void aFirmsPeopleAndABulkConfirmationArePublishedAsOneEventEach(ApplicationEvents published) {
    TrainingClass c = testClasses.open(10, 20, false, false);
    List<Long> ids =
        registrations
            .registerPeople(
                TestClasses.firm(FIRM),
                c.id(),
                List.of(
                    new RegistrationService.Applicant("440300170011", null, null),
                    new RegistrationService.Applicant("440300170012", null, null),
                    new RegistrationService.Applicant("440300170013", null, null)),
                false)
            .stream()
            .map(RegistrationService.Result::registrationId)
            .toList();
    assertThat(registrations.confirmMany(TestClasses.SZ_STAFF, c.id(), ids, false))
        .hasSize(3)
        .allMatch(r -> r.outcome() == RegistrationService.ConfirmOutcome.CONFIRMED);
    // One event (one event publication for the one listener) per request, naming everybody.
    assertThat(published.stream(PeopleRegistered.class).filter(e -> e.classId() == c.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.people()).hasSize(3));
    assertThat(published.stream(RegistrationConfirmed.class).filter(e -> e.classId() == c.id()))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.people())
                    .extracting(Registrant::registrationId)
                    .containsExactlyElementsOf(ids));
    for (long id : ids) {
      String key = "registration:" + id + ":CONFIRMED";
      await().atMost(WAIT).until(() -> bodies(key).size() == 2);
    }
  }

  @Test
  void theReminderTellsEveryConfirmedRegistrantOfTomorrowsClassesOnce() {
    LocalDate today = LocalDate.now(clock);
    TrainingClass c =
        classes.create(
            TestClasses.SZ_STAFF,
            TestClasses.input(
                "明天开始的培训班" + System.nanoTime(),
                today.minusDays(1),
                today,
                today.plusDays(1),
                today.plusDays(2),
                2,
                3,
                true,
                false,
                true));
    Registration a = register(c, 46);
    Registration b = register(c, 47);
    Registration pending = register(c, 48);
    assertThat(List.of(a.status(), b.status(), pending.status()))
        .containsExactly(
            RegistrationStatus.CONFIRMED, RegistrationStatus.CONFIRMED, RegistrationStatus.PENDING);

    reminders.remindTomorrow();
    reminders.remindTomorrow();

    assertThat(memberMessages(a.memberNo(), "reminder:registration:" + a.id())).isEqualTo(1);
    assertThat(memberMessages(b.memberNo(), "reminder:registration:" + b.id())).isEqualTo(1);
    assertThat(memberMessages(pending.memberNo(), "reminder:registration:" + pending.id()))
        .isZero();
    assertThat(firmMessages("reminder:class:" + c.id())).isEqualTo(1);
    assertThat(bodies("reminder:class:" + c.id()))
        .singleElement()
        .satisfies(
            text ->
                assertThat(text)
                    .contains(c.name())
                    .contains(a.name())
                    .contains(b.name())
                    .contains(today.plusDays(1).toString()));
    // A second instance's run, or a retry, stores nothing more.
    assertThat(reminders.remind(today.plusDays(1))).isZero();
  }
}

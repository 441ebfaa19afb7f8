package org.cmis.training.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmis.training.ClassCancelled;
import org.cmis.training.ClassChanged;
import org.cmis.training.PeopleRegistered;
import org.cmis.training.Registrant;
import org.cmis.training.RegistrationCancelled;
import org.cmis.training.RegistrationConfirmed;
import org.cmis.training.RegistrationRejected;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.WaitlistPromoted;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells registrants and their firms what happened to their registrations and classes (F4.9), after
 * the change commits, through the event publication registry (a failure is retried, blocks
 * nothing). Every message has a source key ({@code registration:<id>:<status>}, {@code
 * class:<id>:cancelled}, {@code class:<id>:changed:<version>}), so an event handled twice tells
 * once.
 */
@Component
class RegistrationMessages {

  private final Telling telling;
  private final RegistrationRepository registrations;

  RegistrationMessages(Telling telling, RegistrationRepository registrations) {
    this.telling = telling;
    this.registrations = registrations;
  }

  @ApplicationModuleListener
  void on(PeopleRegistered e) {
    tell(e.classId(), e.className(), e.people(), null, null);
  }

  @ApplicationModuleListener
  void on(RegistrationConfirmed e) {
    tell(e.classId(), e.className(), e.people(), null, "confirmed");
  }

  @ApplicationModuleListener
  void on(WaitlistPromoted e) {
    tell(e.classId(), e.className(), e.people(), null, "promoted");
  }

  @ApplicationModuleListener
  void on(RegistrationRejected e) {
    tell(e.classId(), e.className(), List.of(e.registrant()), e.reason(), "rejected");
  }

  @ApplicationModuleListener
  void on(RegistrationCancelled e) {
    tell(e.classId(), e.className(), List.of(e.registrant()), e.reason(), "cancelled");
  }

  /** Every registrant the cancel ended is told once, and each firm once naming its people. */
  @ApplicationModuleListener
  void on(ClassCancelled e) {
    tellClass(
        "cancelled",
        "class:" + e.classId() + ":cancelled",
        e.classId(),
        e.className(),
        e.people(),
        e.reason());
  }

  /** One message per registrant and version of the class; a firm's names its people. */
  @ApplicationModuleListener
  void on(ClassChanged e) {
    String key = "class:" + e.classId() + ":changed:" + e.version();
    tellClass("changed", key, e.classId(), e.className(), e.people(), "");
  }

  /**
   * Each person and its firm, in the words of the given kind of change (null: new registrations,
   * "registered" or "waitlisted" by their state).
   */
  private void tell(
      long classId,
      String className,
      List<Registrant> people,
      @Nullable String reason,
      @Nullable String change) {
    Map<Long, String> emails = registrations.emails(ids(people));
    for (Registrant p : people) {
      String kind =
          change != null
              ? change
              : p.status() == RegistrationStatus.WAITLISTED ? "waitlisted" : "registered";
      String key = "registration:" + p.registrationId() + ":" + p.status().name();
      String subject = telling.text("notify.registration." + kind + ".subject", className);
      String body =
          telling.text(
              "notify.registration." + kind + ".body",
              className,
              p.name(),
              p.memberNo(),
              telling.text("notify.status." + p.status().name()),
              telling.orNone(reason));
      telling.tell(
          telling.member(p.memberNo(), emails.get(p.registrationId())),
          key,
          subject,
          body,
          Telling.classPage(classId));
      if (p.firmNo() != null) {
        telling.tell(
            telling.firm(p.firmNo()), key, subject, body, Telling.receiptPage(p.registrationId()));
      }
    }
  }

  private void tellClass(
      String kind,
      String key,
      long classId,
      String className,
      List<Registrant> people,
      String reason) {
    String link = Telling.classPage(classId);
    String subject = telling.text("notify.class." + kind + ".subject", className);
    String why = telling.orNone(reason);
    Map<Long, String> emails = registrations.emails(ids(people));
    Map<String, List<String>> byFirm = new LinkedHashMap<>();
    for (Registrant p : people) {
      String body = telling.text("notify.class." + kind + ".member.body", className, p.name(), why);
      telling.tell(
          telling.member(p.memberNo(), emails.get(p.registrationId())), key, subject, body, link);
      if (p.firmNo() != null) {
        byFirm
            .computeIfAbsent(p.firmNo(), f -> new ArrayList<>())
            .add(telling.person(p.name(), p.memberNo()));
      }
    }
    byFirm.forEach(
        (firmNo, names) ->
            telling.tell(
                telling.firm(firmNo),
                key,
                subject,
                telling.text(
                    "notify.class." + kind + ".firm.body", className, telling.join(names), why),
                link));
  }

  private static List<Long> ids(List<Registrant> people) {
    return people.stream().map(Registrant::registrationId).toList();
  }
}

package org.cmis.training.registration;

import java.util.ArrayList;
import java.util.List;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.AuditEvents;
import org.cmis.shared.CurrentUser;
import org.cmis.training.PeopleRegistered;
import org.cmis.training.Registrant;
import org.cmis.training.RegistrationCancelled;
import org.cmis.training.RegistrationConfirmed;
import org.cmis.training.RegistrationRejected;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.WaitlistPromoted;
import org.cmis.training.catalog.TrainingClass;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The registration changes of one operation on one class, told and audited together at its end: one
 * event per kind of change for all its people (a firm's 500 people, a bulk confirmation cost one
 * event publication and one audit insert, not 500 of each) and one audit entry per registration.
 * Not thread-safe: one per operation.
 */
final class Changes {

  private final ApplicationEventPublisher events;
  private final CurrentUser actor;
  private final TrainingClass c;
  private final List<Registrant> registered = new ArrayList<>();
  private final List<Registrant> confirmed = new ArrayList<>();
  private final List<Registrant> promoted = new ArrayList<>();
  private final List<Object> single = new ArrayList<>();
  private final List<AuditEvent> audited = new ArrayList<>();

  Changes(ApplicationEventPublisher events, CurrentUser actor, TrainingClass c) {
    this.events = events;
    this.actor = actor;
    this.c = c;
  }

  /** A new registration was written in the given state. */
  void registered(
      long id, String memberNo, String name, @Nullable String firmNo, RegistrationStatus status) {
    registered.add(new Registrant(id, memberNo, name, firmNo, status));
    audit(id, null, status, null);
  }

  /** A transition was applied; its people are told what it means. */
  void applied(Registration.Transition t) {
    Registrant r = t.registrant();
    RegistrationStatus from = t.from();
    switch (t.to()) {
      case CONFIRMED, PENDING -> {
        if (from == RegistrationStatus.WAITLISTED) {
          promoted.add(r);
        } else {
          confirmed.add(r);
        }
      }
      case REJECTED -> single.add(new RegistrationRejected(c.id(), c.name(), r, reasonOf(t)));
      case CANCELLED -> single.add(new RegistrationCancelled(c.id(), c.name(), r, reasonOf(t)));
      case WAITLISTED -> throw new IllegalArgumentException("no transition leads to WAITLISTED");
    }
    audit(r.registrationId(), from, t.to(), t.reason());
  }

  /** A transition applied as part of a class cancel: audited here, told by the class's event. */
  void appliedQuietly(Registration.Transition t) {
    audit(t.before().id(), t.from(), t.to(), t.reason());
  }

  /** Publishes what was collected: the events (for listeners after commit) and the audit. */
  void publish() {
    if (!registered.isEmpty()) {
      events.publishEvent(new PeopleRegistered(c.id(), c.name(), List.copyOf(registered)));
    }
    if (!confirmed.isEmpty()) {
      events.publishEvent(new RegistrationConfirmed(c.id(), c.name(), List.copyOf(confirmed)));
    }
    if (!promoted.isEmpty()) {
      events.publishEvent(new WaitlistPromoted(c.id(), c.name(), List.copyOf(promoted)));
    }
    single.forEach(events::publishEvent);
    if (audited.size() == 1) {
      events.publishEvent(audited.get(0));
    } else if (!audited.isEmpty()) {
      events.publishEvent(new AuditEvents(List.copyOf(audited)));
    }
    registered.clear();
    confirmed.clear();
    promoted.clear();
    single.clear();
    audited.clear();
  }

  private static String reasonOf(Registration.Transition t) {
    return t.reason() == null ? "" : t.reason();
  }

  private void audit(
      long id,
      @Nullable RegistrationStatus previous,
      RegistrationStatus status,
      @Nullable String reason) {
    audited.add(
        new AuditEvent(
            actor.account(),
            "REGISTRATION_" + status.name(),
            "Registration",
            Long.toString(id),
            "",
            previous == null ? null : java.util.Map.of("status", previous.name()),
            reason == null || reason.isEmpty()
                ? java.util.Map.of("status", status.name())
                : java.util.Map.of("status", status.name(), "reason", reason)));
  }
}

package org.cmis.training.registration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.cmis.shared.CurrentUser;
import org.cmis.training.Reason;
import org.cmis.training.Registrant;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.ClassRegistrations;
import org.cmis.training.catalog.TrainingClass;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a class's cancellation or change does to its registrations (the catalog's {@link
 * ClassRegistrations}), in the catalog's transaction under the class row lock it holds.
 */
@Component
class ClassCancellation implements ClassRegistrations {

  private final RegistrationRepository registrations;
  private final Waitlist waitlist;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ClassCancellation(
      RegistrationRepository registrations,
      Waitlist waitlist,
      ApplicationEventPublisher events,
      Clock clock) {
    this.registrations = registrations;
    this.waitlist = waitlist;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Every live registration is cancelled with the class's reason and audited; their people are told
   * by the class's own event (one message each), so no registration event is published here.
   */
  @Override
  public List<Registrant> cancelAll(CurrentUser staff, TrainingClass c, Reason reason) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Changes changes = new Changes(events, staff, c);
    List<Registrant> cancelled = new ArrayList<>();
    for (Registration r : registrations.inClass(c.id(), RegistrationStatus.LIVE)) {
      Registration.Transition t = r.cancelWithClass(reason);
      if (registrations.apply(t, now)) {
        changes.appliedQuietly(t);
        cancelled.add(t.registrant());
      }
    }
    changes.publish();
    return List.copyOf(cancelled);
  }

  @Override
  public void fill(CurrentUser staff, TrainingClass updated) {
    Changes changes = new Changes(events, staff, updated);
    waitlist.fill(
        updated,
        updated.registeredCount(),
        updated.confirmedCount(),
        updated.waitlistedCount(),
        changes);
    changes.publish();
  }

  @Override
  public List<Registrant> live(long classId) {
    return registrations.inClass(classId, RegistrationStatus.LIVE).stream()
        .map(Registration::registrant)
        .toList();
  }
}

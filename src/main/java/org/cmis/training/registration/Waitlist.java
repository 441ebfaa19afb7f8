package org.cmis.training.registration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.ClassRepository;
import org.cmis.training.catalog.TrainingClass;
import org.springframework.stereotype.Component;

/**
 * Gives freed places to those waiting (F4.6), in the transaction that freed them and under its
 * class row lock: in AUTO mode the earliest pending are confirmed up to capacity first, then the
 * earliest waitlisted move up while there is room.
 */
@Component
class Waitlist {

  private final ClassRepository classes;
  private final RegistrationRepository registrations;
  private final Clock clock;

  Waitlist(ClassRepository classes, RegistrationRepository registrations, Clock clock) {
    this.classes = classes;
    this.registrations = registrations;
    this.clock = clock;
  }

  /**
   * Fills the locked class {@code c} from the given (already adjusted) counts, adds what moved to
   * {@code changes} and writes the class's counters from its stored ones.
   */
  void fill(TrainingClass c, int registered, int confirmed, int waitlisted, Changes changes) {
    boolean auto = c.confirmationMode() == TrainingClass.ConfirmationMode.AUTO;
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (auto) {
      for (Registration p : registrations.inClass(c.id(), List.of(RegistrationStatus.PENDING))) {
        if (confirmed >= c.capacity()) {
          break;
        }
        Registration.Transition t = p.confirm();
        if (registrations.apply(t, now)) {
          confirmed++;
          changes.applied(t);
        }
      }
    }
    if (waitlisted > 0) {
      for (Registration w : registrations.inClass(c.id(), List.of(RegistrationStatus.WAITLISTED))) {
        if (registered >= c.maxRegistrations()) {
          break;
        }
        Registration.Transition t = w.promote(auto && confirmed < c.capacity());
        if (registrations.apply(t, now)) {
          registered += t.registered();
          confirmed += t.confirmed();
          waitlisted += t.waitlisted();
          changes.applied(t);
        }
      }
    }
    classes.addCounts(
        c.id(),
        registered - c.registeredCount(),
        confirmed - c.confirmedCount(),
        waitlisted - c.waitlistedCount());
  }
}

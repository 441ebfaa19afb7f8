package org.cmis.training.registration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.ClassRepository;
import org.cmis.training.catalog.TrainingClass;
import org.cmis.training.registration.RegistrationService.ConfirmOutcome;
import org.cmis.training.registration.RegistrationService.ConfirmResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Staff of the organiser confirm pending registrations (F4.4), under the class row lock taken
 * first, up to the class's capacity; one event for all those confirmed together.
 */
@Component
class Confirmation {

  private final ClassRepository classes;
  private final RegistrationRepository registrations;
  private final RegistrationAccess access;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Confirmation(
      ClassRepository classes,
      RegistrationRepository registrations,
      RegistrationAccess access,
      ApplicationEventPublisher events,
      Clock clock) {
    this.classes = classes;
    this.registrations = registrations;
    this.access = access;
    this.events = events;
    this.clock = clock;
  }

  /** One registration; its refusals are errors. Runs in the caller's transaction. */
  Registration confirm(CurrentUser staff, long registrationId) {
    Registration r = access.visibleRegistration(staff, registrationId);
    TrainingClass c = access.lockAsOrganiser(staff, r.classId());
    Changes changes = new Changes(events, staff, c);
    ConfirmOutcome outcome = confirmLocked(c, registrationId, c.confirmedCount(), changes);
    if (outcome == ConfirmOutcome.INVALID_STATE) {
      throw new CmisException(ErrorCode.INVALID_STATE, "error.INVALID_STATE");
    }
    if (outcome == ConfirmOutcome.CAPACITY_REACHED) {
      throw new CmisException(ErrorCode.CAPACITY_REACHED, "error.CAPACITY_REACHED");
    }
    changes.publish();
    classes.addCounts(c.id(), 0, 1, 0);
    return registrations.find(registrationId).orElseThrow();
  }

  /**
   * The given registrations in order, or the pending ones in registration order up to capacity; one
   * outcome each. Runs in the caller's transaction.
   */
  List<ConfirmResult> confirmMany(
      CurrentUser staff, long classId, @Nullable List<Long> ids, boolean upToCapacity) {
    TrainingClass c = access.lockAsOrganiser(staff, classId);
    List<Long> order =
        upToCapacity
            ? registrations.inClass(classId, List.of(RegistrationStatus.PENDING)).stream()
                .map(Registration::id)
                .limit(Math.max(0, c.capacity() - c.confirmedCount()))
                .toList()
            : ids == null ? List.of() : ids;
    int confirmed = c.confirmedCount();
    Changes changes = new Changes(events, staff, c);
    List<ConfirmResult> results = new ArrayList<>();
    for (long id : order) {
      ConfirmOutcome outcome = confirmLocked(c, id, confirmed, changes);
      if (outcome == ConfirmOutcome.CONFIRMED) {
        confirmed++;
      }
      results.add(new ConfirmResult(id, outcome));
    }
    changes.publish();
    classes.addCounts(classId, 0, confirmed - c.confirmedCount(), 0);
    return results;
  }

  private ConfirmOutcome confirmLocked(TrainingClass c, long id, int confirmed, Changes changes) {
    Optional<Registration> r = registrations.find(id).filter(x -> x.classId() == c.id());
    if (r.isEmpty() || !r.get().confirmable()) {
      return ConfirmOutcome.INVALID_STATE;
    }
    if (confirmed >= c.capacity()) {
      return ConfirmOutcome.CAPACITY_REACHED;
    }
    Registration.Transition t = r.get().confirm();
    if (!registrations.apply(t, OffsetDateTime.now(clock))) {
      return ConfirmOutcome.INVALID_STATE;
    }
    changes.applied(t);
    return ConfirmOutcome.CONFIRMED;
  }
}

package org.cmis.training.registration;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.training.Reason;
import org.cmis.training.catalog.ClassRepository;
import org.cmis.training.catalog.TrainingClass;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A registration ends before the class: returned by the organiser's staff (F4.4) or cancelled by
 * its member or firm until the cancellation deadline (F4.5); the place it frees goes to those
 * waiting at once. After the deadline a registrant may only declare that it will not attend. Each
 * takes the class row lock first (ADR 0009) and runs in the caller's transaction.
 */
@Component
class Cancellation {

  private final ClassRepository classes;
  private final RegistrationRepository registrations;
  private final RegistrationAccess access;
  private final Waitlist waitlist;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Cancellation(
      ClassRepository classes,
      RegistrationRepository registrations,
      RegistrationAccess access,
      Waitlist waitlist,
      ApplicationEventPublisher events,
      Clock clock) {
    this.classes = classes;
    this.registrations = registrations;
    this.access = access;
    this.waitlist = waitlist;
    this.events = events;
    this.clock = clock;
  }

  Registration reject(CurrentUser staff, long registrationId, Reason why) {
    Registration r = access.visibleRegistration(staff, registrationId);
    TrainingClass c = access.lockAsOrganiser(staff, r.classId());
    Registration before = registrations.find(registrationId).orElseThrow();
    return end(staff, c, before.reject(why));
  }

  Registration cancel(CurrentUser caller, long registrationId, Reason why) {
    Registration r = access.visibleRegistration(caller, registrationId);
    RegistrationAccess.requireRegistrant(caller);
    RegistrationAccess.requireCurrentFirm(caller, r);
    TrainingClass c = classes.lock(r.classId()).orElseThrow();
    Registration before = registrations.find(registrationId).orElseThrow();
    return end(caller, c, before.cancel(why, access.today(), c.cancellationDeadline()));
  }

  Registration declareNonAttendance(CurrentUser caller, long registrationId, Reason why) {
    Registration seen = access.visibleRegistration(caller, registrationId);
    RegistrationAccess.requireRegistrant(caller);
    RegistrationAccess.requireCurrentFirm(caller, seen);
    TrainingClass c = classes.lock(seen.classId()).orElseThrow();
    // read again under the class's lock: a cancellation may have ended it since
    Registration r = registrations.find(registrationId).orElseThrow();
    String reason =
        r.declareNonAttendance(why, access.today(), c.cancellationDeadline(), c.trainingStart());
    if (!registrations.declareNonAttendance(registrationId, reason, OffsetDateTime.now(clock))) {
      throw new CmisException(ErrorCode.INVALID_STATE, "error.INVALID_STATE");
    }
    events.publishEvent(
        new AuditEvent(
            caller.account(),
            "REGISTRATION_NON_ATTENDANCE",
            "Registration",
            Long.toString(registrationId),
            "",
            null,
            java.util.Map.of("nonAttendanceReason", reason)));
    return registrations.find(registrationId).orElseThrow();
  }

  /** Applies the ending, gives the freed place away, tells and audits it all at once. */
  private Registration end(CurrentUser caller, TrainingClass c, Registration.Transition t) {
    if (!registrations.apply(t, OffsetDateTime.now(clock))) {
      throw new CmisException(ErrorCode.INVALID_STATE, "error.INVALID_STATE");
    }
    Changes changes = new Changes(events, caller, c);
    changes.applied(t);
    waitlist.fill(
        c,
        c.registeredCount() + t.registered(),
        c.confirmedCount() + t.confirmed(),
        c.waitlistedCount() + t.waitlisted(),
        changes);
    changes.publish();
    return registrations.find(t.before().id()).orElseThrow();
  }
}

package org.cmis.training.registration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cmis.shared.CurrentUser;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.ClassRepository;
import org.cmis.training.catalog.TrainingClass;
import org.cmis.training.registration.RegistrationService.Outcome;
import org.cmis.training.registration.RegistrationService.Result;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a list of people and gives them places (F4.2, F4.3): the registrations are inserted in one
 * statement before the class lock is taken (ADR 0009); under the lock the places are given in the
 * order sent, and those without a place are waitlisted or removed again, all in the caller's
 * transaction, with one event and one audit insert for everybody.
 */
@Component
class BulkPlacement {

  private final ClassRepository classes;
  private final RegistrationRepository registrations;
  private final RegistrationAccess access;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  BulkPlacement(
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

  /** Answers member number → result for every candidate. */
  Map<String, Result> place(
      CurrentUser caller,
      long classId,
      List<RegistrationRepository.NewRegistration> candidates,
      boolean waitlist,
      Registration.Channel channel) {
    if (candidates.isEmpty()) {
      return Map.of();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    classes.boundLockWaits();
    Map<String, Long> ids =
        registrations.insertPendingUnlessLive(classId, candidates, channel, now, caller.account());
    TrainingClass c = classes.lock(classId).orElseThrow();
    access.refuseClassLevel(caller, c);
    int registered = c.registeredCount();
    int confirmed = c.confirmedCount();
    int waitlisted = c.waitlistedCount();
    Map<RegistrationStatus, List<Long>> settled = new EnumMap<>(RegistrationStatus.class);
    List<Long> full = new ArrayList<>();
    Changes changes = new Changes(events, caller, c);
    Map<String, Result> placed = new HashMap<>();
    for (RegistrationRepository.NewRegistration n : candidates) {
      Long id = ids.get(n.memberNo());
      if (id == null) {
        placed.put(n.memberNo(), new Result(n.memberNo(), Outcome.ALREADY_REGISTERED, null, null));
        continue;
      }
      RegistrationStatus status;
      if (registered < c.maxRegistrations()) {
        status = Registration.placed(c, confirmed);
        registered++;
        confirmed += status == RegistrationStatus.CONFIRMED ? 1 : 0;
      } else if (waitlist && c.waitlistEnabled()) {
        status = RegistrationStatus.WAITLISTED;
        waitlisted++;
      } else {
        full.add(id);
        placed.put(n.memberNo(), new Result(n.memberNo(), Outcome.CLASS_FULL, null, null));
        continue;
      }
      settled.computeIfAbsent(status, k -> new ArrayList<>()).add(id);
      Outcome outcome =
          status == RegistrationStatus.WAITLISTED ? Outcome.WAITLISTED : Outcome.REGISTERED;
      placed.put(n.memberNo(), new Result(n.memberNo(), outcome, id, status));
      changes.registered(id, n.memberNo(), n.name(), n.firmNo(), status);
    }
    for (RegistrationStatus status :
        List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)) {
      registrations.settle(settled.getOrDefault(status, List.of()), status, now);
    }
    registrations.discard(full);
    changes.publish();
    classes.addCounts(
        classId,
        registered - c.registeredCount(),
        confirmed - c.confirmedCount(),
        waitlisted - c.waitlistedCount());
    return placed;
  }
}

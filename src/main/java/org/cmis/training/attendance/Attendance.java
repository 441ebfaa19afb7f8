package org.cmis.training.attendance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.AuditEvents;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.Role;
import org.cmis.training.AttendanceRecorded;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.ClassRepository;
import org.cmis.training.catalog.TrainingClass;
import org.cmis.training.registration.Registration;
import org.cmis.training.registration.RegistrationRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records attendance (F5.1): staff of the organiser mark CONFIRMED registrations attended or
 * absent, one or many, and a member's self check-in marks its registration attended once every
 * training day is checked in. {@link Registration#markAttendance} decides; {@link
 * AttendanceRepository#apply} writes every registration of a request in one conditional update; one
 * {@link AttendanceRecorded} (and one audit entry) is published per row that actually changed, in
 * the same transaction, so the same value twice publishes nothing and racing writers publish
 * exactly one event per change.
 */
@Service
public class Attendance {

  /** At most this many registrations in one bulk request. */
  public static final int MAX_IDS = 2000;

  private final ClassRepository classes;
  private final RegistrationRepository registrations;
  private final AttendanceRepository attendance;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Attendance(
      ClassRepository classes,
      RegistrationRepository registrations,
      AttendanceRepository attendance,
      ApplicationEventPublisher events,
      Clock clock) {
    this.classes = classes;
    this.registrations = registrations;
    this.attendance = attendance;
    this.events = events;
    this.clock = clock;
  }

  /** What a bulk mark did to one registration. */
  public enum Outcome {
    CHANGED,
    UNCHANGED,
    INVALID_STATE,
    NOT_FOUND
  }

  /** One registration's outcome of a bulk mark, in the order sent. */
  public record Result(long registrationId, Outcome outcome) {}

  /**
   * Staff of the organiser mark one registration: 404 when it is not theirs to see, 403 for anyone
   * but staff, 409 INVALID_STATE unless CONFIRMED, TRAINING_NOT_STARTED before the first day.
   * Answers the registration as it is now.
   */
  @Transactional
  public Registration mark(CurrentUser staff, long registrationId, boolean attended) {
    requireStaff(staff);
    Registration r = registrations.find(registrationId).orElseThrow(Attendance::notFound);
    TrainingClass c = organised(staff, r.classId());
    r.markAttendance(attended, today(), c.trainingStart());
    classes.boundLockWaits();
    if (apply(staff.account(), c, List.of(registrationId), attended) == 0) {
      Registration now = registrations.find(registrationId).orElseThrow(Attendance::notFound);
      if (now.status() != RegistrationStatus.CONFIRMED) {
        throw invalidState(); // cancelled meanwhile
      }
    }
    return registrations.find(registrationId).orElseThrow(Attendance::notFound);
  }

  /**
   * Staff of the organiser mark many registrations of a class alike (the bulk page, the bulk API):
   * the class-level refusals apply to the whole request; each registration then gets its outcome.
   */
  @Transactional
  public List<Result> markMany(CurrentUser staff, long classId, List<Long> ids, boolean attended) {
    requireStaff(staff);
    TrainingClass c = organised(staff, classId);
    if (today().isBefore(c.trainingStart())) {
      throw new CmisException(ErrorCode.TRAINING_NOT_STARTED, "error.TRAINING_NOT_STARTED");
    }
    List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids));
    classes.boundLockWaits();
    Set<Long> changed = applied(staff.account(), c, distinct, attended);
    Map<Long, RegistrationStatus> statuses = attendance.statuses(classId, distinct);
    List<Result> results = new ArrayList<>();
    for (long id : ids) {
      RegistrationStatus status = statuses.get(id);
      Outcome outcome =
          changed.contains(id)
              ? Outcome.CHANGED
              : status == null
                  ? Outcome.NOT_FOUND
                  : status == RegistrationStatus.CONFIRMED
                      ? Outcome.UNCHANGED
                      : Outcome.INVALID_STATE;
      results.add(new Result(id, outcome));
    }
    return results;
  }

  /**
   * A member's self check-in covered every training day: its registration becomes ATTENDED through
   * the same update and event as a staff mark. Runs in the caller's transaction; answers whether
   * the attendance changed (false when it already was ATTENDED or the registration is no longer
   * CONFIRMED).
   */
  boolean checkedInEveryDay(String memberNo, TrainingClass c, long registrationId) {
    return apply(memberNo, c, List.of(registrationId), true) == 1;
  }

  /** The class's staff may mark: staff of its institute (another institute's: 404). */
  TrainingClass organised(CurrentUser staff, long classId) {
    requireStaff(staff);
    TrainingClass c = classes.find(classId).orElseThrow(Attendance::notFound);
    if (!c.instituteCode().equals(staff.instituteCode())) {
      throw notFound();
    }
    return c;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  private int apply(String actor, TrainingClass c, List<Long> ids, boolean attended) {
    return applied(actor, c, ids, attended).size();
  }

  private Set<Long> applied(String actor, TrainingClass c, List<Long> ids, boolean attended) {
    List<AttendanceRepository.Changed> changed = attendance.apply(c.id(), ids, attended, c.hours());
    List<AuditEvent> audit = new ArrayList<>();
    String value = attended ? Registration.ATTENDED : Registration.ABSENT;
    for (AttendanceRepository.Changed row : changed) {
      events.publishEvent(
          new AttendanceRecorded(
              row.id(),
              c.id(),
              c.name(),
              row.memberNo(),
              c.year(),
              c.trainingEnd(),
              attended,
              c.hours(),
              c.ethicsHours(),
              row.version()));
      audit.add(
          new AuditEvent(
              actor,
              "REGISTRATION_" + value,
              "Registration",
              Long.toString(row.id()),
              "",
              null,
              java.util.Map.of("attendance", value)));
    }
    if (audit.size() == 1) {
      events.publishEvent(audit.get(0));
    } else if (!audit.isEmpty()) {
      events.publishEvent(new AuditEvents(List.copyOf(audit)));
    }
    return changed.stream().map(AttendanceRepository.Changed::id).collect(Collectors.toSet());
  }

  private static void requireStaff(CurrentUser caller) {
    if (!caller.is(Role.STAFF)) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
  }

  static CmisException notFound() {
    return new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND");
  }

  static CmisException invalidState() {
    return new CmisException(ErrorCode.INVALID_STATE, "attendance.error.notConfirmed");
  }
}

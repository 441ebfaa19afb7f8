package org.cmis.training.attendance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.Role;
import org.cmis.training.catalog.ClassRepository;
import org.cmis.training.catalog.TrainingClass;
import org.cmis.training.registration.Registration;
import org.cmis.training.registration.RegistrationRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member checks itself in (自助签到, F5.1) with a session's 6-digit code or its QR link: on time or
 * late, once per training day. The code is looked up among the open sessions of the classes the
 * member is CONFIRMED in; a code that is not one of them is a wrong try counted in PostgreSQL
 * against each of those sessions (at most {@link #MAX_WRONG} per member and session, then 429), and
 * the answer tells why: a closed session of its own class (CHECK_IN_CLOSED), no session of its own
 * open (CHECK_IN_CLOSED), or a wrong code (422 on {@code code}) — which a code of another class's
 * session is too, so that the answers never tell which codes are open elsewhere. When every
 * training day of the registration is checked in, it becomes ATTENDED through {@link Attendance}
 * (one event). The check-in transaction locks the registration row first, so two check-ins of one
 * registration see each other's days.
 */
@Service
public class CheckIns {

  /** Wrong codes allowed per member and session. */
  public static final int MAX_WRONG = 10;

  private final CheckInRepository repository;
  private final ClassRepository classes;
  private final RegistrationRepository registrations;
  private final Attendance attendance;
  private final Clock clock;

  CheckIns(
      CheckInRepository repository,
      ClassRepository classes,
      RegistrationRepository registrations,
      Attendance attendance,
      Clock clock) {
    this.repository = repository;
    this.classes = classes;
    this.registrations = registrations;
    this.attendance = attendance;
    this.clock = clock;
  }

  /**
   * A member's check-in (the API's answer): the registration, its class, the training day, whether
   * it was late, whether the registration is now ATTENDED, and whether this request wrote it (a
   * repeat answers the day's first check-in).
   */
  public record Result(
      long registrationId,
      long classId,
      LocalDate day,
      boolean late,
      boolean attended,
      boolean created) {}

  /**
   * With the code typed (the wrong tries it counts stay counted although the answer is an error).
   */
  @Transactional(noRollbackFor = CmisException.class)
  public Result withCode(CurrentUser member, @Nullable String code) {
    requireMember(member);
    String typed = code == null ? "" : code.strip();
    if (!typed.matches("[0-9]{6}")) {
      throw CmisException.validation(List.of(new FieldError("code", "checkin.error.codeFormat")));
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String memberNo = memberNo(member);
    List<CheckInSession> open = repository.openForMember(memberNo, now);
    Optional<CheckInSession> match = open.stream().filter(s -> s.code().equals(typed)).findFirst();
    if (match.isPresent()) {
      if (repository.failures(match.get().id(), memberNo) >= MAX_WRONG) {
        throw tooMany();
      }
      return checkIn(memberNo, match.get(), now);
    }
    if (!open.isEmpty()
        && repository.countFailure(open.stream().map(CheckInSession::id).toList(), memberNo, now)
            > MAX_WRONG) {
      throw tooMany();
    }
    // A code of another class's open session is answered as a wrong one: telling it apart would let
    // anyone find out, unthrottled, which codes are open.
    for (CheckInSession s : repository.withCode(typed, now)) {
      boolean mine = repository.confirmedIn(s.classId(), memberNo);
      if (!s.openAt(now) && mine) {
        throw new CmisException(ErrorCode.CHECK_IN_CLOSED, "checkin.error.closed");
      }
    }
    if (open.isEmpty()) {
      throw new CmisException(ErrorCode.CHECK_IN_CLOSED, "checkin.error.noneOpen");
    }
    throw CmisException.validation(List.of(new FieldError("code", "checkin.error.wrongCode")));
  }

  /** With the session's QR link (its token): no code to guess, so nothing is counted. */
  @Transactional
  public Result withToken(CurrentUser member, String token) {
    requireMember(member);
    CheckInSession s = session(token);
    String memberNo = memberNo(member);
    if (!repository.confirmedIn(s.classId(), memberNo)) {
      throw new CmisException(ErrorCode.NOT_ELIGIBLE, "checkin.error.notConfirmed");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!s.openAt(now)) {
      throw new CmisException(ErrorCode.CHECK_IN_CLOSED, "checkin.error.closed");
    }
    return checkIn(memberNo, s, now);
  }

  /** The session of a QR link, else NOT_FOUND. */
  CheckInSession session(String token) {
    if (token.length() > 64) {
      throw Attendance.notFound();
    }
    return repository.byToken(token).orElseThrow(Attendance::notFound);
  }

  /** The class of a session. */
  TrainingClass classOf(CheckInSession s) {
    return classOf(s.classId());
  }

  TrainingClass classOf(long classId) {
    return classes.find(classId).orElseThrow(Attendance::notFound);
  }

  private Result checkIn(String memberNo, CheckInSession s, OffsetDateTime now) {
    TrainingClass c = classOf(s);
    classes.boundLockWaits();
    long registrationId =
        repository
            .lockConfirmed(c.id(), memberNo)
            .orElseThrow(
                () -> new CmisException(ErrorCode.NOT_ELIGIBLE, "checkin.error.notConfirmed"));
    Optional<CheckInRepository.CheckIn> written =
        repository.insertUnlessDone(s.id(), registrationId, s.day(), now, s.lateAt(now));
    CheckInRepository.CheckIn day =
        written.or(() -> repository.checkInOf(registrationId, s.day())).orElseThrow();
    if (written.isPresent()) {
      long days = ChronoUnit.DAYS.between(c.trainingStart(), c.trainingEnd()) + 1;
      if (repository.daysCheckedIn(registrationId, c.trainingStart(), c.trainingEnd()) >= days) {
        attendance.checkedInEveryDay(memberNo, c, registrationId);
      }
    }
    Registration r = registrations.find(registrationId).orElseThrow();
    return new Result(
        registrationId,
        c.id(),
        day.day(),
        day.late(),
        Registration.ATTENDED.equals(r.attendance()),
        written.isPresent());
  }

  private static void requireMember(CurrentUser caller) {
    if (!caller.is(Role.MEMBER) || caller.memberNo() == null) {
      throw new CmisException(ErrorCode.FORBIDDEN, "checkin.error.membersOnly");
    }
  }

  private static String memberNo(CurrentUser member) {
    String no = member.memberNo();
    if (no == null) {
      throw new CmisException(ErrorCode.FORBIDDEN, "checkin.error.membersOnly");
    }
    return no;
  }

  private static CmisException tooMany() {
    return new CmisException(ErrorCode.TOO_MANY_ATTEMPTS, "checkin.error.tooMany");
  }
}

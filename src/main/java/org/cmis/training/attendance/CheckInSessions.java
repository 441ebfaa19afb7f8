package org.cmis.training.attendance;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.training.catalog.TrainingClass;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff of the organiser open and close check-in sessions (签到场次, F5.1), one training day each: a
 * 6-digit code from {@link SecureRandom} not used by any session open now (checked under an
 * advisory lock, so two openings never share one), a random link token of 32 characters for the QR
 * code, open from now for the chosen minutes, late after {@code cmis.attendance.late-after-minutes}
 * (15) unless the session says otherwise. A new session of a day closes the day's open one.
 */
@Service
public class CheckInSessions {

  /** The longest session, in minutes (a whole day's training). */
  public static final int MAX_MINUTES = 720;

  /** A session's default length, in minutes. */
  public static final int DEFAULT_MINUTES = 120;

  private static final SecureRandom random = new SecureRandom();

  private final CheckInRepository repository;
  private final Attendance attendance;
  private final Clock clock;
  private final int lateAfterDefault;

  CheckInSessions(
      CheckInRepository repository,
      Attendance attendance,
      Clock clock,
      @Value("${cmis.attendance.late-after-minutes:15}") int lateAfterDefault) {
    this.repository = repository;
    this.attendance = attendance;
    this.clock = clock;
    this.lateAfterDefault = lateAfterDefault;
  }

  /** Minutes after the opening from which a check-in is late, unless a session says otherwise. */
  public int lateAfterDefault() {
    return lateAfterDefault;
  }

  /**
   * Opens a session for a training day of the class (today when not given): 403/404 as for
   * attendance, TRAINING_NOT_STARTED before the first day, INVALID_STATE for a cancelled class, 422
   * for a day outside the training or minutes out of range.
   */
  @Transactional
  public long open(
      CurrentUser staff,
      long classId,
      @Nullable LocalDate day,
      @Nullable Integer minutes,
      @Nullable Integer lateAfterMinutes) {
    TrainingClass c = attendance.organised(staff, classId);
    if (c.cancelled()) {
      throw new CmisException(ErrorCode.INVALID_STATE, "error.INVALID_STATE");
    }
    LocalDate today = attendance.today();
    if (today.isBefore(c.trainingStart())) {
      throw new CmisException(ErrorCode.TRAINING_NOT_STARTED, "error.TRAINING_NOT_STARTED");
    }
    LocalDate d = day != null ? day : today;
    int length = minutes == null ? DEFAULT_MINUTES : minutes;
    int late = lateAfterMinutes == null ? Math.min(lateAfterDefault, length) : lateAfterMinutes;
    List<FieldError> errors = new ArrayList<>();
    if (d.isBefore(c.trainingStart()) || d.isAfter(c.trainingEnd())) {
      errors.add(new FieldError("day", "checkin.error.day"));
    }
    if (length < 1 || length > MAX_MINUTES) {
      errors.add(new FieldError("minutes", "checkin.error.minutes"));
    }
    if (late < 0 || late > length) {
      errors.add(new FieldError("lateAfterMinutes", "checkin.error.lateAfter"));
    }
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    repository.lockOpenings();
    repository.closeOpen(classId, d, now);
    String code = freeCode(now);
    return repository.insert(
        classId, d, code, token(), now, now.plusMinutes(length), late, staff.account());
  }

  /** Closes a session now (staff of its class's institute). */
  @Transactional
  public void close(CurrentUser staff, long sessionId) {
    CheckInSession s = repository.find(sessionId).orElseThrow(Attendance::notFound);
    attendance.organised(staff, s.classId());
    repository.close(sessionId, OffsetDateTime.now(clock));
  }

  /** A session of one of the staff's classes, else 404 (403 for anyone but staff). */
  public CheckInSession get(CurrentUser staff, long sessionId) {
    CheckInSession s = repository.find(sessionId).orElseThrow(Attendance::notFound);
    attendance.organised(staff, s.classId());
    return s;
  }

  /** The sessions of one of the staff's classes, latest first. */
  List<CheckInSession> ofClass(CurrentUser staff, long classId) {
    attendance.organised(staff, classId);
    return repository.ofClass(classId);
  }

  OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private String freeCode(OffsetDateTime now) {
    for (int i = 0; i < 50; i++) {
      String code = "%06d".formatted(random.nextInt(1_000_000));
      if (!repository.codeOpen(code, now)) {
        return code;
      }
    }
    throw new CmisException(ErrorCode.BUSY, "error.BUSY");
  }

  private static String token() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

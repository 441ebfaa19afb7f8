package org.cmis.training.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.cmis.training.Reason;
import org.cmis.training.Registrant;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.TrainingClass;
import org.jspecify.annotations.Nullable;

/**
 * One registration of a person for a class (API.md, RegistrationView), and the aggregate that
 * decides its state changes: each transition method refuses an illegal change (INVALID_STATE and
 * the like, as the API answers) and otherwise answers the {@link Transition} to apply. The
 * repository applies it in one conditional update ({@code where status = from}) while the caller
 * holds the class row lock, and the class's counters move by the transition's deltas in the same
 * transaction; the table's constraints stay the last word (ADR 0007, 0009). Attendance is one more
 * decision of a CONFIRMED registration ({@link #markAttendance}). Its components are the API's
 * registration as they are: the REST controller answers the record itself.
 */
@Schema(name = "RegistrationView")
public record Registration(
    long id,
    long classId,
    String memberNo,
    String name,
    @Nullable String firmNo,
    RegistrationStatus status,
    Channel channel,
    String mobile,
    String email,
    OffsetDateTime registeredAt,
    @Nullable OffsetDateTime decidedAt,
    @Nullable String reason,
    @Nullable String nonAttendanceReason,
    @Nullable String attendance,
    @Nullable BigDecimal hoursGranted) {

  /** Who made the registration. */
  public enum Channel {
    SELF,
    FIRM,
    STAFF
  }

  /** A change of state this registration allows, from its current state. */
  public record Transition(Registration before, RegistrationStatus to, @Nullable String reason) {

    public RegistrationStatus from() {
      return before.status();
    }

    /** How the class's registered count moves. */
    int registered() {
      return (to.active() ? 1 : 0) - (from().active() ? 1 : 0);
    }

    int confirmed() {
      return (to == RegistrationStatus.CONFIRMED ? 1 : 0)
          - (from() == RegistrationStatus.CONFIRMED ? 1 : 0);
    }

    int waitlisted() {
      return (to == RegistrationStatus.WAITLISTED ? 1 : 0)
          - (from() == RegistrationStatus.WAITLISTED ? 1 : 0);
    }

    /** The registration as the events name it after the change. */
    Registrant registrant() {
      return new Registrant(before.id(), before.memberNo(), before.name(), before.firmNo(), to);
    }
  }

  /**
   * The state a new registration gets when it has a place: CONFIRMED at once in AUTO mode while
   * confirmed places remain, else PENDING.
   */
  static RegistrationStatus placed(TrainingClass c, int confirmedSoFar) {
    return c.confirmationMode() == TrainingClass.ConfirmationMode.AUTO
            && confirmedSoFar < c.capacity()
        ? RegistrationStatus.CONFIRMED
        : RegistrationStatus.PENDING;
  }

  /** Whether staff may confirm it: only a pending one. */
  public boolean confirmable() {
    return status == RegistrationStatus.PENDING;
  }

  /** The organiser confirms a pending registration (the class's capacity is the caller's part). */
  public Transition confirm() {
    require(confirmable());
    return new Transition(this, RegistrationStatus.CONFIRMED, null);
  }

  /** The organiser returns a pending or waitlisted registration. */
  public Transition reject(Reason why) {
    require(status == RegistrationStatus.PENDING || status == RegistrationStatus.WAITLISTED);
    return new Transition(this, RegistrationStatus.REJECTED, why.text());
  }

  /** Its member or firm cancels a live registration until the class's cancellation deadline. */
  public Transition cancel(Reason why, LocalDate today, LocalDate cancellationDeadline) {
    require(status.live());
    if (today.isAfter(cancellationDeadline)) {
      throw new CmisException(ErrorCode.CANCELLATION_CLOSED, "error.CANCELLATION_CLOSED");
    }
    return new Transition(this, RegistrationStatus.CANCELLED, why.text());
  }

  /** The class is cancelled: every live registration ends with it, whatever the date. */
  public Transition cancelWithClass(Reason why) {
    require(status.live());
    return new Transition(this, RegistrationStatus.CANCELLED, why.text());
  }

  /** A waitlisted registration moves up to a freed place: PENDING, or CONFIRMED when told so. */
  public Transition promote(boolean confirmAtOnce) {
    require(status == RegistrationStatus.WAITLISTED);
    return new Transition(
        this, confirmAtOnce ? RegistrationStatus.CONFIRMED : RegistrationStatus.PENDING, null);
  }

  /**
   * An active registration declares that its person will not attend (不参加说明): after the cancellation
   * deadline and before the training starts. Answers the reason to record.
   */
  public String declareNonAttendance(
      Reason why, LocalDate today, LocalDate cancellationDeadline, LocalDate trainingStart) {
    require(status.active());
    if (!today.isAfter(cancellationDeadline) || !today.isBefore(trainingStart)) {
      throw new CmisException(ErrorCode.INVALID_STATE, "registration.nonAttendance.window");
    }
    return why.text();
  }

  /** The stored value of {@code attendance} for attended / absent. */
  public static final String ATTENDED = "ATTENDED";

  public static final String ABSENT = "ABSENT";

  /**
   * A change of attendance the aggregate allowed (F5.1, ADR 0016): the registration before and the
   * value to write. The attendance package applies it as one conditional update ({@code where
   * status = 'CONFIRMED' and attendance is distinct from the new value}), no class lock and no
   * counter; only a row that changed publishes {@code AttendanceRecorded}.
   */
  public record AttendanceChange(Registration before, boolean attended) {

    /** The value to store: ATTENDED or ABSENT. */
    public String value() {
      return attended ? ATTENDED : ABSENT;
    }

    /** Whether it changes what the registration held when read (the update decides at last). */
    public boolean changes() {
      return !value().equals(before.attendance());
    }
  }

  /**
   * The organiser (or the member's self check-in) records attendance: only of a CONFIRMED
   * registration (else INVALID_STATE), and not before the training's first day (else
   * TRAINING_NOT_STARTED), {@code today} being the Asia/Shanghai date of the app's clock. The same
   * value again is allowed here and changes nothing when applied.
   */
  public AttendanceChange markAttendance(
      boolean attended, LocalDate today, LocalDate trainingStart) {
    require(status == RegistrationStatus.CONFIRMED);
    if (today.isBefore(trainingStart)) {
      throw new CmisException(ErrorCode.TRAINING_NOT_STARTED, "error.TRAINING_NOT_STARTED");
    }
    return new AttendanceChange(this, attended);
  }

  /** The registration as the events name it. */
  Registrant registrant() {
    return new Registrant(id, memberNo, name, firmNo, status);
  }

  private static void require(boolean legal) {
    if (!legal) {
      throw new CmisException(ErrorCode.INVALID_STATE, "error.INVALID_STATE");
    }
  }
}

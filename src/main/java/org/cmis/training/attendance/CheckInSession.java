package org.cmis.training.attendance;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A check-in session (签到场次) of one training day of a class (F5.1): its 6-digit code and the random
 * token of its QR link, open from {@code opensAt} until {@code closesAt}; a check-in more than
 * {@code lateAfterMinutes} after it opened is late.
 */
record CheckInSession(
    long id,
    long classId,
    LocalDate day,
    String code,
    String token,
    OffsetDateTime opensAt,
    OffsetDateTime closesAt,
    int lateAfterMinutes,
    int checkedIn) {

  /** Whether it takes check-ins at the given instant. */
  public boolean openAt(OffsetDateTime now) {
    return !now.isBefore(opensAt) && now.isBefore(closesAt);
  }

  /** Whether a check-in at the given instant is late. */
  public boolean lateAt(OffsetDateTime now) {
    return now.isAfter(opensAt.plusMinutes(lateAfterMinutes));
  }
}

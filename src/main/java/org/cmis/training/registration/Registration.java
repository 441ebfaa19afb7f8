package org.cmis.training.registration;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.cmis.training.RegistrationStatus;
import org.jspecify.annotations.Nullable;

/** One registration of a person for a class (API.md, RegistrationView). */
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
}

package org.cmis.training.registration;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.cmis.training.RegistrationStatus;
import org.jspecify.annotations.Nullable;

/** A registration as the API answers it (API.md, RegistrationView). */
public record RegistrationView(
    long id,
    long classId,
    String memberNo,
    String name,
    @Nullable String firmNo,
    RegistrationStatus status,
    Registration.Channel channel,
    String mobile,
    String email,
    OffsetDateTime registeredAt,
    @Nullable OffsetDateTime decidedAt,
    @Nullable String reason,
    @Nullable String nonAttendanceReason,
    @Nullable String attendance,
    @Nullable BigDecimal hoursGranted) {

  public static RegistrationView of(Registration r) {
    return new RegistrationView(
        r.id(),
        r.classId(),
        r.memberNo(),
        r.name(),
        r.firmNo(),
        r.status(),
        r.channel(),
        r.mobile(),
        r.email(),
        r.registeredAt(),
        r.decidedAt(),
        r.reason(),
        r.nonAttendanceReason(),
        r.attendance(),
        r.hoursGranted());
  }
}

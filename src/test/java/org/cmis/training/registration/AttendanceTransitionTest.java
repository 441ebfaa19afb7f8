package org.cmis.training.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.cmis.training.RegistrationStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Registration#markAttendance}: who may have attendance, and from which day. */
class AttendanceTransitionTest {

  private static final LocalDate START = LocalDate.of(2026, 3, 10);

  private static Registration of(RegistrationStatus status, @Nullable String attendance) {
    return new Registration(
        1,
        2,
        "440300010001",
        "张三",
        "44030001",
        status,
        Registration.Channel.SELF,
        "13800000000",
        "a@example.cn",
        OffsetDateTime.parse("2026-03-01T09:00:00+08:00"),
        null,
        null,
        null,
        attendance,
        attendance == null ? null : BigDecimal.ZERO);
  }

  @Test
  void aConfirmedRegistrationIsMarkedFromTheFirstTrainingDay() {
    Registration.AttendanceChange c =
        of(RegistrationStatus.CONFIRMED, null).markAttendance(true, START, START);
    assertThat(c.value()).isEqualTo("ATTENDED");
    assertThat(c.changes()).isTrue();
    Registration.AttendanceChange later =
        of(RegistrationStatus.CONFIRMED, null).markAttendance(false, START.plusDays(30), START);
    assertThat(later.value()).isEqualTo("ABSENT");
  }

  @Test
  void theSameValueAgainIsAllowedAndChangesNothing() {
    assertThat(
            of(RegistrationStatus.CONFIRMED, "ATTENDED")
                .markAttendance(true, START, START)
                .changes())
        .isFalse();
    assertThat(
            of(RegistrationStatus.CONFIRMED, "ATTENDED")
                .markAttendance(false, START, START)
                .changes())
        .isTrue();
    assertThat(
            of(RegistrationStatus.CONFIRMED, "ABSENT")
                .markAttendance(false, START, START)
                .changes())
        .isFalse();
  }

  @Test
  void beforeTrainingStartsIsTrainingNotStarted() {
    assertThatThrownBy(
            () ->
                of(RegistrationStatus.CONFIRMED, null)
                    .markAttendance(true, START.minusDays(1), START))
        .isInstanceOf(CmisException.class)
        .extracting(e -> ((CmisException) e).code())
        .isEqualTo(ErrorCode.TRAINING_NOT_STARTED);
  }

  @ParameterizedTest
  @EnumSource(value = RegistrationStatus.class, names = "CONFIRMED", mode = EnumSource.Mode.EXCLUDE)
  void onlyConfirmedOnesHaveAttendanceAndTheStateComesFirst(RegistrationStatus status) {
    assertThatThrownBy(() -> of(status, null).markAttendance(true, START.minusDays(1), START))
        .isInstanceOf(CmisException.class)
        .extracting(e -> ((CmisException) e).code())
        .isEqualTo(ErrorCode.INVALID_STATE);
  }
}

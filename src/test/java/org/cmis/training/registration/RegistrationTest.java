package org.cmis.training.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.cmis.support.TestClasses;
import org.cmis.training.Reason;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The registration aggregate: which transitions each state allows, and how counters move. */
class RegistrationTest {

  private static final Reason WHY = Reason.of("工作冲突");
  private static final LocalDate DEADLINE = LocalDate.of(2026, 11, 30);
  private static final LocalDate START = LocalDate.of(2026, 12, 3);

  private static Registration in(RegistrationStatus status) {
    return new Registration(
        7,
        1,
        "440300010001",
        "张三",
        "44030001",
        status,
        Registration.Channel.SELF,
        "13800000000",
        "a@example.cn",
        OffsetDateTime.parse("2026-11-02T09:00:00+08:00"),
        null,
        null,
        null,
        null,
        null);
  }

  private static void refused(Runnable transition, ErrorCode code) {
    assertThatThrownBy(transition::run)
        .isInstanceOfSatisfying(CmisException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void confirmingAPendingOneTakesAConfirmedPlaceAndKeepsItsActivePlace() {
    Registration.Transition t = in(RegistrationStatus.PENDING).confirm();
    assertThat(t.from()).isEqualTo(RegistrationStatus.PENDING);
    assertThat(t.to()).isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(t.registered()).isZero();
    assertThat(t.confirmed()).isEqualTo(1);
    assertThat(t.waitlisted()).isZero();
    assertThat(t.registrant().status()).isEqualTo(RegistrationStatus.CONFIRMED);
  }

  @ParameterizedTest
  @EnumSource(
      value = RegistrationStatus.class,
      names = {"PENDING"},
      mode = EnumSource.Mode.EXCLUDE)
  void onlyAPendingOneCanBeConfirmed(RegistrationStatus status) {
    assertThat(in(status).confirmable()).isFalse();
    refused(() -> in(status).confirm(), ErrorCode.INVALID_STATE);
  }

  @Test
  void rejectingAWaitlistedOneFreesItsWaitlistPlaceWithTheReason() {
    Registration.Transition t = in(RegistrationStatus.WAITLISTED).reject(WHY);
    assertThat(t.to()).isEqualTo(RegistrationStatus.REJECTED);
    assertThat(t.reason()).isEqualTo("工作冲突");
    assertThat(t.waitlisted()).isEqualTo(-1);
    assertThat(t.registered()).isZero();
  }

  @ParameterizedTest
  @EnumSource(
      value = RegistrationStatus.class,
      names = {"CONFIRMED", "REJECTED", "CANCELLED"})
  void onlyPendingOrWaitlistedOnesCanBeReturned(RegistrationStatus status) {
    refused(() -> in(status).reject(WHY), ErrorCode.INVALID_STATE);
  }

  @Test
  void cancellingAConfirmedOneFreesBothPlacesUntilTheDeadline() {
    Registration.Transition t = in(RegistrationStatus.CONFIRMED).cancel(WHY, DEADLINE, DEADLINE);
    assertThat(t.to()).isEqualTo(RegistrationStatus.CANCELLED);
    assertThat(t.registered()).isEqualTo(-1);
    assertThat(t.confirmed()).isEqualTo(-1);
  }

  @Test
  void cancellingAfterTheDeadlineIsClosedButAClassCancelEndsItWhateverTheDate() {
    refused(
        () -> in(RegistrationStatus.PENDING).cancel(WHY, DEADLINE.plusDays(1), DEADLINE),
        ErrorCode.CANCELLATION_CLOSED);
    assertThat(in(RegistrationStatus.PENDING).cancelWithClass(WHY).to())
        .isEqualTo(RegistrationStatus.CANCELLED);
  }

  @ParameterizedTest
  @EnumSource(
      value = RegistrationStatus.class,
      names = {"REJECTED", "CANCELLED"})
  void anEndedRegistrationCannotBeCancelledAgain(RegistrationStatus status) {
    refused(() -> in(status).cancel(WHY, DEADLINE, DEADLINE), ErrorCode.INVALID_STATE);
    refused(() -> in(status).cancelWithClass(WHY), ErrorCode.INVALID_STATE);
  }

  @Test
  void promotionMovesAWaitlistedOneToPendingOrConfirmed() {
    Registration.Transition pending = in(RegistrationStatus.WAITLISTED).promote(false);
    assertThat(pending.to()).isEqualTo(RegistrationStatus.PENDING);
    assertThat(pending.registered()).isEqualTo(1);
    assertThat(pending.waitlisted()).isEqualTo(-1);
    assertThat(in(RegistrationStatus.WAITLISTED).promote(true).confirmed()).isEqualTo(1);
    refused(() -> in(RegistrationStatus.PENDING).promote(false), ErrorCode.INVALID_STATE);
  }

  @Test
  void nonAttendanceIsDeclaredOnlyBetweenTheDeadlineAndTheTraining() {
    Registration r = in(RegistrationStatus.CONFIRMED);
    assertThat(r.declareNonAttendance(WHY, DEADLINE.plusDays(1), DEADLINE, START))
        .isEqualTo("工作冲突");
    refused(() -> r.declareNonAttendance(WHY, DEADLINE, DEADLINE, START), ErrorCode.INVALID_STATE);
    refused(() -> r.declareNonAttendance(WHY, START, DEADLINE, START), ErrorCode.INVALID_STATE);
    refused(
        () ->
            in(RegistrationStatus.WAITLISTED)
                .declareNonAttendance(WHY, DEADLINE.plusDays(1), DEADLINE, START),
        ErrorCode.INVALID_STATE);
  }

  @Test
  void aNewRegistrationIsConfirmedAtOnceOnlyInAutoModeWhileSeatsRemain() {
    TrainingClass auto = TestClasses.aClass().auto(true).places(2, 3).stored();
    TrainingClass manual = TestClasses.aClass().auto(false).places(2, 3).stored();
    assertThat(Registration.placed(auto, 1)).isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(Registration.placed(auto, 2)).isEqualTo(RegistrationStatus.PENDING);
    assertThat(Registration.placed(manual, 0)).isEqualTo(RegistrationStatus.PENDING);
  }

  @Test
  void aReasonIsRequiredAndAtMost500Characters() {
    assertThat(Reason.of("  有事  ").text()).isEqualTo("有事");
    refused(() -> Reason.of(" "), ErrorCode.VALIDATION_FAILED);
    refused(() -> Reason.of("x".repeat(501)), ErrorCode.VALIDATION_FAILED);
    assertThat(Reason.of("x".repeat(500)).text()).hasSize(500);
  }
}

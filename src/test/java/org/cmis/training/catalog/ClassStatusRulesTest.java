package org.cmis.training.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cmis.shared.CmisException;
import org.cmis.support.TestClasses;
import org.cmis.training.Audience;
import org.cmis.training.ClassStatus;
import org.junit.jupiter.api.Test;

/** The derived class status (API.md: first that applies) and the class rules, as units. */
class ClassStatusRulesTest {

  private static final LocalDate RS = LocalDate.of(2026, 11, 1);
  private static final LocalDate RE = LocalDate.of(2026, 11, 20);
  private static final LocalDate TS = LocalDate.of(2026, 12, 1);
  private static final LocalDate TE = LocalDate.of(2026, 12, 2);

  private static TrainingClass of(boolean published, boolean cancelled) {
    return new TrainingClass(
        1,
        "SZ-2026-001",
        "x",
        2026,
        "SZ",
        "深圳",
        List.of(Audience.PRACTISING_CPA),
        TrainingClass.Restriction.NONE,
        List.of(),
        TrainingClass.ClassMode.ON_SITE,
        "",
        "",
        "",
        new BigDecimal("8"),
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        RS,
        RE,
        TS,
        TE,
        TS.minusDays(1),
        10,
        10,
        0,
        0,
        0,
        TrainingClass.ConfirmationMode.MANUAL,
        false,
        false,
        null,
        published,
        cancelled);
  }

  @Test
  void statusFollowsTheDatesFirstThatApplies() {
    TrainingClass c = of(true, false);
    assertThat(c.statusOn(RS.minusDays(1))).isEqualTo(ClassStatus.NOT_OPEN);
    assertThat(c.statusOn(RS)).isEqualTo(ClassStatus.OPEN);
    assertThat(c.statusOn(RE)).isEqualTo(ClassStatus.OPEN);
    assertThat(c.statusOn(RE.plusDays(1))).isEqualTo(ClassStatus.CLOSED);
    assertThat(c.statusOn(TS)).isEqualTo(ClassStatus.IN_PROGRESS);
    assertThat(c.statusOn(TE)).isEqualTo(ClassStatus.IN_PROGRESS);
    assertThat(c.statusOn(TE.plusDays(1))).isEqualTo(ClassStatus.FINISHED);
    assertThat(of(false, false).statusOn(RS)).isEqualTo(ClassStatus.DRAFT);
    assertThat(of(false, true).statusOn(RS)).isEqualTo(ClassStatus.CANCELLED);
    assertThat(of(true, true).statusOn(RS)).isEqualTo(ClassStatus.CANCELLED);
  }

  private static ClassInput input() {
    return TestClasses.input("班", RS, RE, TS, TE, 10, 20, false, false, true);
  }

  @Test
  void defaultsAreFilledIn() {
    ClassData d = ClassRules.check(input(), "SZ-2026-009");
    assertThat(d.code()).isEqualTo("SZ-2026-009");
    assertThat(d.year()).isEqualTo(2026);
    assertThat(d.cancellationDeadline()).isEqualTo(TS.minusDays(1));
    assertThat(d.mode()).isEqualTo(TrainingClass.ClassMode.ON_SITE);
    assertThat(d.restriction()).isEqualTo(TrainingClass.Restriction.NONE);
    assertThat(d.hours()).isEqualByComparingTo("8.0");
  }

  @Test
  void brokenRulesAreFieldErrors() {
    ClassInput bad =
        new ClassInput(
            "bad code",
            "",
            2031,
            List.of("X"),
            "NOPE",
            null,
            "FLY",
            null,
            null,
            "x".repeat(10_001),
            new BigDecimal("0.7"),
            new BigDecimal("9"),
            new BigDecimal("-1"),
            "2026-02-30",
            RE.toString(),
            TE.toString(),
            TS.toString(),
            TE.toString(),
            0,
            200_000,
            "SOMETIMES",
            null,
            true,
            "ftp://x",
            null);
    assertThatThrownBy(() -> ClassRules.check(bad, "G"))
        .isInstanceOfSatisfying(
            CmisException.class,
            e ->
                assertThat(e.errors())
                    .extracting(f -> f.field())
                    .contains(
                        "code",
                        "name",
                        "year",
                        "audiences",
                        "restriction",
                        "mode",
                        "description",
                        "hours",
                        "fee",
                        "registrationStart",
                        "trainingEnd",
                        "capacity",
                        "maxRegistrations",
                        "confirmationMode",
                        "externalUrl"));
  }

  @Test
  void aPatchMovesTheDefaultDeadlineWithTrainingStart() {
    ClassInput stored = input();
    ClassInput patch =
        new ClassInput(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            TS.plusDays(5).toString(),
            TE.plusDays(5).toString(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    ClassData d = ClassRules.check(patch.over(stored), "C");
    assertThat(d.cancellationDeadline()).isEqualTo(TS.plusDays(4));
  }
}

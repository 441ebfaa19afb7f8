package org.cmis.training.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    return TestClasses.aClass()
        .code("SZ-2026-001")
        .name("x")
        .audiences(Audience.PRACTISING_CPA)
        .location("")
        .ethicsHours("0")
        .registration(RS, RE)
        .training(TS, TE)
        .places(10, 10)
        .published(published)
        .cancelled(cancelled)
        .stored();
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
        TestClasses.patch()
            .code("bad code")
            .name("")
            .year(2031)
            .audiences(List.of("X"))
            .restriction("NOPE")
            .mode("FLY")
            .description("x".repeat(10_001))
            .hours("0.7")
            .ethicsHours("9")
            .fee("-1")
            .registrationStart("2026-02-30")
            .registrationEnd(RE.toString())
            .trainingStart(TE.toString())
            .trainingEnd(TS.toString())
            .cancellationDeadline(TE.toString())
            .places(0, 200_000)
            .confirmationMode("SOMETIMES")
            .external(true)
            .externalUrl("ftp://x")
            .build();
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
    ClassInput patch = TestClasses.patch().training(TS.plusDays(5), TE.plusDays(5)).build();
    ClassData d = ClassRules.check(patch.over(stored), "C");
    assertThat(d.cancellationDeadline()).isEqualTo(TS.plusDays(4));
  }
}

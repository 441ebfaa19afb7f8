package org.cmis.training.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.MemberProfile;
import org.cmis.support.TestClasses;
import org.cmis.training.Audience;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;

/** Who may register (audience, restriction, active) and which states hold a place. */
class EligibilityAndStatusTest {

  private static TrainingClass cls(
      List<Audience> audiences, TrainingClass.Restriction restriction, List<String> firms) {
    LocalDate d = LocalDate.of(2026, 12, 1);
    return TestClasses.aClass()
        .code("C")
        .name("x")
        .audiences(audiences.toArray(Audience[]::new))
        .restriction(restriction.name())
        .restrictedFirms(firms)
        .location("")
        .ethicsHours("0")
        .registration(d, d)
        .training(d, d)
        .cancellationDeadline(d.toString())
        .places(10, 10)
        .stored();
  }

  private static MemberProfile person(
      MemberCategory category, boolean partner, String firm, boolean active) {
    return new MemberProfile(
        "440300010001",
        "张三",
        "M",
        null,
        category,
        firm,
        "SZ",
        partner,
        "",
        "13800000000",
        "a@example.com",
        active);
  }

  @Test
  void theAudienceMustMatchTheCategory() {
    TrainingClass cpaOnly =
        cls(List.of(Audience.PRACTISING_CPA), TrainingClass.Restriction.NONE, List.of());
    assertThat(
            Eligibility.eligible(
                cpaOnly, person(MemberCategory.PRACTISING_CPA, false, "44030001", true)))
        .isTrue();
    assertThat(
            Eligibility.eligible(cpaOnly, person(MemberCategory.NON_PRACTISING, false, null, true)))
        .isFalse();
    assertThat(
            Eligibility.eligible(
                cpaOnly, person(MemberCategory.PRACTITIONER, false, "44030001", true)))
        .isFalse();
    assertThat(
            Eligibility.eligible(
                cpaOnly, person(MemberCategory.PRACTISING_CPA, false, "44030001", false)))
        .isFalse();
  }

  @Test
  void restrictionsNarrowIt() {
    TrainingClass partners =
        cls(List.of(Audience.PRACTISING_CPA), TrainingClass.Restriction.PARTNERS_ONLY, List.of());
    assertThat(
            Eligibility.eligible(
                partners, person(MemberCategory.PRACTISING_CPA, true, "44030001", true)))
        .isTrue();
    assertThat(
            Eligibility.eligible(
                partners, person(MemberCategory.PRACTISING_CPA, false, "44030001", true)))
        .isFalse();
    TrainingClass named =
        cls(
            List.of(Audience.PRACTISING_CPA, Audience.PRACTITIONER),
            TrainingClass.Restriction.NAMED_FIRMS,
            List.of("44030002"));
    assertThat(
            Eligibility.eligible(
                named, person(MemberCategory.PRACTITIONER, false, "44030002", true)))
        .isTrue();
    assertThat(
            Eligibility.eligible(
                named, person(MemberCategory.PRACTISING_CPA, false, "44030001", true)))
        .isFalse();
  }

  @Test
  void activeStatesHoldAPlaceAndLiveOnesAreUnique() {
    assertThat(RegistrationStatus.PENDING.active()).isTrue();
    assertThat(RegistrationStatus.CONFIRMED.active()).isTrue();
    assertThat(RegistrationStatus.WAITLISTED.active()).isFalse();
    assertThat(RegistrationStatus.WAITLISTED.live()).isTrue();
    assertThat(RegistrationStatus.REJECTED.live()).isFalse();
    assertThat(RegistrationStatus.CANCELLED.live()).isFalse();
  }
}

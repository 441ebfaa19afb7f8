package org.cmis.membership.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.MemberData;
import org.cmis.shared.CmisException;
import org.cmis.shared.FieldError;
import org.junit.jupiter.api.Test;

/** The rules of a 从业人员 a firm enters (F2.5): the ID number, and what comes from it. */
class PractitionerRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  private static PractitionerInput input(String gender, String idNumber) {
    return new PractitionerInput("王小明", gender, idNumber, "13800001111", "w@example.cn", "审计助理");
  }

  private static java.util.List<String> fields(CmisException e) {
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void birthDateAndGenderComeFromTheIdNumber() {
    MemberData d =
        PractitionerRules.data("P10000001", "44030001", input("", "110101199003077715"), TODAY);
    assertThat(d.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
    assertThat(d.gender()).isEqualTo("M");
    assertThat(d.category()).isEqualTo(MemberCategory.PRACTITIONER);
    assertThat(d.idNumber()).isEqualTo("110101199003077715");
    String woman = TestIdNumbers.next(false);
    assertThat(PractitionerRules.data("P10000001", "44030001", input(null, woman), TODAY).gender())
        .isEqualTo("F");
    assertThat(PractitionerRules.genderOf(TestIdNumbers.next(true))).isEqualTo("M");
  }

  @Test
  void aLowerCaseXIsTakenAsX() {
    String body = "11010119900307001";
    String id = body + org.cmis.shared.IdNumber.checkCharacter(body);
    MemberData d =
        PractitionerRules.data("P10000001", "44030001", input("", id.toLowerCase()), TODAY);
    assertThat(d.idNumber()).isEqualTo(id);
  }

  @Test
  void theIdNumberIsRequiredAndItsCheckCharacterMustBeRight() {
    assertThatThrownBy(() -> PractitionerRules.data("P10000001", "44030001", input("", ""), TODAY))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(fields(e)).containsExactly("idNumber"));
    String wrong = TestIdNumbers.wrongCheck(TestIdNumbers.next(true));
    assertThatThrownBy(
            () -> PractitionerRules.data("P10000001", "44030001", input("", wrong), TODAY))
        .isInstanceOfSatisfying(
            CmisException.class,
            e -> {
              assertThat(fields(e)).containsExactly("idNumber");
              assertThat(e.errors().get(0).message()).contains("校验位");
            });
  }

  @Test
  void aGenderGivenMustAgreeWithTheIdNumber() {
    String man = TestIdNumbers.next(true);
    assertThat(PractitionerRules.data("P10000001", "44030001", input("M", man), TODAY).gender())
        .isEqualTo("M");
    assertThat(PractitionerRules.data("P10000001", "44030001", input("男", man), TODAY).gender())
        .isEqualTo("M");
    assertThatThrownBy(
            () -> PractitionerRules.data("P10000001", "44030001", input("F", man), TODAY))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(fields(e)).containsExactly("gender"));
  }

  @Test
  void everyOtherBrokenRuleIsReportedAtOnce() {
    PractitionerInput bad =
        new PractitionerInput(
            "", "", TestIdNumbers.next(true), "12345", "not-an-email", "职".repeat(21));
    assertThatThrownBy(() -> PractitionerRules.data("P10000001", "44030001", bad, TODAY))
        .isInstanceOfSatisfying(
            CmisException.class,
            e ->
                assertThat(fields(e))
                    .containsExactlyInAnyOrder("name", "mobile", "email", "position"));
    PractitionerInput longName =
        new PractitionerInput("名".repeat(51), "", TestIdNumbers.next(true), "", "", "");
    assertThatThrownBy(() -> PractitionerRules.data("P10000001", "44030001", longName, TODAY))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(fields(e)).containsExactly("name"));
  }
}

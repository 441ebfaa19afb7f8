package org.cmis.credits.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cmis.shared.CmisException;
import org.cmis.shared.FieldError;
import org.junit.jupiter.api.Test;

/** A claim type's fields as admin types them: every wrong field told at once. */
class ClaimTypesTest {

  static ClaimTypes.TypeInput input(
      String code,
      String name,
      String mode,
      String perUnit,
      String unit,
      String max,
      String cap,
      String idLabel,
      boolean idRequired,
      String hint,
      List<String> conditions) {
    return new ClaimTypes.TypeInput(
        code,
        name,
        mode,
        perUnit,
        unit,
        max,
        cap,
        idLabel,
        idRequired,
        hint,
        "1",
        conditions,
        true,
        "3");
  }

  @Test
  void aValidTypeIsTakenWithItsConditions() {
    ClaimType t =
        ClaimTypes.check(
            input(
                "teaching_2",
                "授课（新）",
                "PER_UNIT",
                "2",
                "课程学时",
                "16",
                "",
                "课程编号",
                true,
                "授课任务书",
                List.of("FIRST_DELIVERY")));
    assertThat(t.code()).isEqualTo("TEACHING_2");
    assertThat(t.yearlyCap()).isNull();
    assertThat(t.conditions()).containsExactly(ClaimType.Condition.FIRST_DELIVERY);
    assertThat(t.maxPerClaim()).isEqualByComparingTo("16");
  }

  @Test
  void everyWrongFieldIsNamed() {
    assertThatThrownBy(
            () ->
                ClaimTypes.check(
                    input(
                        "1x",
                        "",
                        "SOMETIMES",
                        "0.3",
                        "",
                        "0",
                        "-1",
                        "",
                        true,
                        "",
                        List.of("NEVER"))))
        .isInstanceOfSatisfying(
            CmisException.class,
            e ->
                assertThat(e.errors().stream().map(FieldError::field))
                    .contains(
                        "code",
                        "name",
                        "mode",
                        "hoursPerUnit",
                        "maxPerClaim",
                        "yearlyCap",
                        "evidenceHint",
                        "conditions",
                        "identifierLabel"));
    // per unit needs its unit
    assertThatThrownBy(
            () ->
                ClaimTypes.check(
                    input(
                        "BOOK2", "书", "PER_UNIT", "2", "", "20", "20", "", false, "封面", List.of())))
        .isInstanceOfSatisfying(
            CmisException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("unitLabel"));
  }
}

package org.cmis.credits.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.cmis.credits.HourCategory;
import org.cmis.shared.CmisException;
import org.cmis.shared.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of a manual entry's fields (API.md, Hours), each wrong value naming its field. */
class ManualEntryInputTest {

  private static ManualEntryInput input(String year, String date, String hours, String ethics) {
    return new ManualEntryInput(year, date, hours, ethics, null, "原因");
  }

  @Test
  void aValidEntryIsTrimmedAndScaled() {
    ManualEntryInput.Valid v =
        new ManualEntryInput(" 2026 ", "2026-12-31", "-7.5", "-0.5", "EXTERNAL", "  转入  ")
            .validate();
    assertThat(v.year()).isEqualTo(2026);
    assertThat(v.date()).hasToString("2026-12-31");
    assertThat(v.hours()).hasToString("-7.5");
    assertThat(v.ethicsHours()).hasToString("-0.5");
    assertThat(v.category()).isEqualTo(HourCategory.EXTERNAL);
    assertThat(v.note()).isEqualTo("转入");
    assertThat(input("2000", "2000-01-01", "200", "").validate().ethicsHours()).hasToString("0.0");
    assertThat(input("2100", "2100-06-01", "0.5", "0.5").validate().hours()).hasToString("0.5");
    assertThat(input("2026", "2026-06-01", "8.50000000", "2.0").validate().hours())
        .hasToString("8.5");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 2026-01-01, 8, 0, year",
    "99999, 2026-01-01, 8, 0, year",
    "abc, 2026-01-01, 8, 0, year",
    "2101, 2026-01-01, 8, 0, year",
    "2026, 2026-02-30, 8, 0, date",
    "2026, 2026/01/01, 8, 0, date",
    "2026, 2027-01-01, 8, 0, date",
    "2026, 2026-01-01, 0, 0, hours",
    "2026, 2026-01-01, 0.0, 0, hours",
    "2026, 2026-01-01, 1.2, 0, hours",
    "2026, 2026-01-01, 200.5, 0, hours",
    "2026, 2026-01-01, -200.5, 0, hours",
    "2026, 2026-01-01, 1e2, 0, hours",
    "2026, 2026-01-01, 8, 8.5, ethicsHours",
    "2026, 2026-01-01, 8, -0.5, ethicsHours",
    "2026, 2026-01-01, -8, 0.5, ethicsHours",
    "2026, 2026-01-01, 8, 0.25, ethicsHours",
  })
  void aWrongValueNamesItsField(String year, String date, String hours, String ethics, String f) {
    CmisException e =
        catchThrowableOfType(
            CmisException.class, () -> input(year, date, hours, ethics).validate());
    assertThat(e.errors()).extracting(FieldError::field).containsExactly(f);
  }

  @Test
  void noteAndCategoryAreChecked() {
    CmisException e =
        catchThrowableOfType(
            CmisException.class,
            () ->
                new ManualEntryInput("2026", "2026-01-01", "8", "0", "OUTPUT", "长".repeat(501))
                    .validate());
    assertThat(e.errors()).extracting(FieldError::field).containsExactly("category", "note");
    assertThat(
            new ManualEntryInput("2026", "2026-01-01", "8", "0", null, "长".repeat(500))
                .validate()
                .note())
        .hasSize(500);
  }
}

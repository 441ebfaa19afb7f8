package org.cmis.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11010519491231002X",
        "44030819900307441X",
        "11010120000229123X", // leap day
        "320106198511200018",
        "310115197001011233"
      })
  void acceptsValidNumbers(String value) {
    assertThat(IdNumber.isValid(value)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "110105194912310021", // wrong check character
        "11010519491231002x", // lower-case x
        "11010519491231002", // 17 characters
        "11010519491231002X1", // 19 characters
        "1101051949123100AX", // letter in body
        "110101190002291233", // 1900-02-29 does not exist
        "110101202302301232", // 2023-02-30 does not exist
        "110101299901011230", // birth date in the future
        "110101189912311231", // before 1900
        "110105194913310021"
      })
  void rejectsInvalidNumbers(String value) {
    assertThat(IdNumber.isValid(value)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "11010519491231002, X",
    "32010619851120001, 8",
    "31011519700101123, 3",
    "11010119000229123, 3"
  })
  void computesCheckCharacter(String first17, String expected) {
    assertThat(IdNumber.checkCharacter(first17)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1101051949123100", "110105194912310021", "1101051949123100A"})
  void rejectsBadInputForCheckCharacter(String first17) {
    assertThatThrownBy(() -> IdNumber.checkCharacter(first17))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void masksAllButFirstFourAndLastFour() {
    assertThat(IdNumber.mask("11010519491231002X")).isEqualTo("1101**********002X").hasSize(18);
    assertThat(IdNumber.mask("123456789")).isEqualTo("1234*6789");
  }

  @Test
  void masksShortValuesCompletely() {
    assertThat(IdNumber.mask("")).isEmpty();
    assertThat(IdNumber.mask("12345678")).isEqualTo("********");
  }
}

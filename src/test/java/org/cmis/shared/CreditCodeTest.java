package org.cmis.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "91350100M000100Y43",
        "91110000600037341L",
        "91440300708461136T",
        "91330000MA27U0A09B",
        "91110108551385082Q",
        "914403001922038216",
        "9144030071526726XG",
        "91110000802100433B"
      })
  void acceptsRealWorldCodes(String code) {
    assertThat(CreditCode.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "91350100M000100Y44", // wrong check character
        "91110000600037341K", // wrong check character
        "91110000600037341l", // lower-case check character
        "91330000ma27u0a09b", // lower case
        "91350100M000100Y4", // 17 characters
        "91350100M000100Y433", // 19 characters
        "91350100I000100Y43", // I is not in the alphabet
        "91350100O000100Y43", // O is not in the alphabet
        "91350100M000100Y4 ",
        " 91350100M000100Y43"
      })
  void rejectsInvalidCodes(String code) {
    assertThat(CreditCode.isValid(code)).isFalse();
  }

  @Test
  void computesCheckCharacter() {
    assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo("3");
    assertThat(CreditCode.checkCharacter("91110000600037341")).isEqualTo("L");
    assertThat(CreditCode.checkCharacter("91330000MA27U0A09")).isEqualTo("B");
  }

  @Test
  void checkValueOf31MapsToZero() {
    // all zeros: sum = 0, 31 - 0 = 31 -> 0
    assertThat(CreditCode.checkCharacter("00000000000000000")).isEqualTo("0");
    assertThat(CreditCode.isValid("000000000000000000")).isTrue();
  }

  @Test
  void appendsCheckCharacter() {
    assertThat(CreditCode.withCheckCharacter("91110000600037341")).isEqualTo("91110000600037341L");
    String generated = CreditCode.withCheckCharacter("91310115MA1H7XY90");
    assertThat(generated).hasSize(18);
    assertThat(CreditCode.isValid(generated)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "9111000060003734",
        "911100006000373411",
        "91330000ma27u0a09",
        "9133000OMA27U0A09"
      })
  void rejectsBadInputForCheckCharacter(String first17) {
    assertThatThrownBy(() -> CreditCode.checkCharacter(first17))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreditCode.withCheckCharacter(first17))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

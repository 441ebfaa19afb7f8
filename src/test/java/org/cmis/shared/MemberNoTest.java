package org.cmis.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MemberNoTest {

  @ParameterizedTest
  @ValueSource(strings = {"110001230456", "000000000000", "HK123456789", "TW000000001"})
  void acceptsCpaNumbers(String value) {
    assertThat(MemberNo.isValidCpaNo(value)).isTrue();
    assertThat(MemberNo.isValidPractitionerNo(value)).isFalse();
    assertThat(MemberNo.isValid(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"P12345678", "P00000000"})
  void acceptsPractitionerNumbers(String value) {
    assertThat(MemberNo.isValidPractitionerNo(value)).isTrue();
    assertThat(MemberNo.isValidCpaNo(value)).isFalse();
    assertThat(MemberNo.isValid(value)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "11000123045", // 11 digits
        "1100012304567", // 13 digits
        "hk123456789", // lower-case letters
        "H1234567890", // one letter
        "HKG12345678", // three letters
        "HK12345678", // 8 digits after letters
        "11000123045A",
        "p12345678", // lower-case p
        "P1234567", // 7 digits
        "P123456789", // 9 digits
        "Q12345678",
        " 110001230456"
      })
  void rejectsInvalidNumbers(String value) {
    assertThat(MemberNo.isValidCpaNo(value)).isFalse();
    assertThat(MemberNo.isValidPractitionerNo(value)).isFalse();
    assertThat(MemberNo.isValid(value)).isFalse();
  }
}

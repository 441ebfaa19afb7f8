package org.cmis.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FirmNoTest {

  @ParameterizedTest
  @ValueSource(strings = {"11010001", "00000000", "44030123"})
  void acceptsEightDigits(String value) {
    assertThat(FirmNo.isValid(value)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"1101000", "110100012", "1101000A", " 1101000", "11010001 ", "１１０１０００１"})
  void rejectsEverythingElse(String value) {
    assertThat(FirmNo.isValid(value)).isFalse();
  }
}

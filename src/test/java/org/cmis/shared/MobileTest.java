package org.cmis.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileTest {

  @ParameterizedTest
  @ValueSource(strings = {"13800138000", "15912345678", "19999999999", "17000000000"})
  void acceptsMainlandMobiles(String value) {
    assertThat(Mobile.isValid(value)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "12800138000", // second digit 2
        "10800138000",
        "1380013800", // 10 digits
        "138001380000", // 12 digits
        "+8613800138000",
        "138-0013-8000",
        "1380013800a",
        "23800138000",
        " 13800138000",
        "13800138000\n"
      })
  void rejectsOtherValues(String value) {
    assertThat(Mobile.isValid(value)).isFalse();
  }
}

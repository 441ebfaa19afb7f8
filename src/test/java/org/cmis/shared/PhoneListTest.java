package org.cmis.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneListTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "010-88250337",
        "010-88250337, 010-88250338",
        "0755-83665566、0755-83665567",
        "13800138000",
        "400-810-1234",
        "(0755)83665566",
        "0755-83665566 转 8001",
        "+86 10 88250337"
      })
  void accepts(String value) {
    assertThat(PhoneList.isValid(value, 100)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "电话", "010-", "12", "010-88250337,", "010-8825<b>"})
  void refuses(String value) {
    assertThat(PhoneList.isValid(value, 100)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void refusesWhatIsTooLong() {
    assertThat(PhoneList.isValid("010-88250337、010-88250338、010-88250339、010-88250340", 50))
        .isFalse();
  }
}

package org.cmis.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a@b.cn",
        "zhang.san@example.com",
        "user+tag@mail.example.com.cn",
        "first_last-1@sub-domain.example.org",
        "UPPER@EXAMPLE.COM",
        "x@xn--fiqs8s.cn"
      })
  void acceptsOrdinaryAddresses(String value) {
    assertThat(Email.isValid(value)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "plainaddress",
        "@example.com",
        "user@",
        "user@localhost",
        "user@@example.com",
        "a@b@example.com",
        "user name@example.com",
        "user@exa mple.com",
        " user@example.com",
        "user@example.com ",
        "user\t@example.com",
        "user\n@example.com",
        ".user@example.com",
        "user.@example.com",
        "us..er@example.com",
        "user@-example.com",
        "user@example-.com",
        "user@example..com",
        "user@.example.com",
        "user@example.c",
        "user@example.123",
        "user@example.com."
      })
  void rejectsMalformedAddresses(String value) {
    assertThat(Email.isValid(value)).isFalse();
  }

  @Test
  void enforcesMaximumLength() {
    String exactly100 = "a".repeat(60) + "@" + "d".repeat(27) + ".example.com";
    String exactly101 = "a".repeat(60) + "@" + "d".repeat(28) + ".example.com";
    assertThat(exactly100).hasSize(100);
    assertThat(exactly101).hasSize(101);
    assertThat(Email.isValid(exactly100)).isTrue();
    assertThat(Email.isValid(exactly101)).isFalse();
  }

  @Test
  void rejectsOverlongLocalPart() {
    assertThat(Email.isValid("a".repeat(64) + "@example.com")).isTrue();
    assertThat(Email.isValid("a".repeat(65) + "@example.com")).isFalse();
  }
}

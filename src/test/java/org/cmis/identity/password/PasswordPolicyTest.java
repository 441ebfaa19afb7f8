package org.cmis.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.identity.password.PasswordPolicy.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  @Test
  void acceptsExactlyEightCharactersWithThreeClasses() {
    assertThat(PasswordPolicy.check("Abcdef12", "zhangsan")).isEmpty();
    assertThat(PasswordPolicy.isAcceptable("Abcdef12", "zhangsan")).isTrue();
  }

  @Test
  void rejectsSevenCharacters() {
    assertThat(PasswordPolicy.check("Abcde12", "zhangsan")).containsExactly(Violation.TOO_SHORT);
    assertThat(PasswordPolicy.isAcceptable("Abcde12", "zhangsan")).isFalse();
  }

  @Test
  void acceptsSixtyFourAndRejectsSixtyFiveCharacters() {
    String sixtyFour = "Aa1" + "x".repeat(61);
    assertThat(sixtyFour).hasSize(64);
    assertThat(PasswordPolicy.check(sixtyFour, "zhangsan")).isEmpty();
    assertThat(PasswordPolicy.check(sixtyFour + "x", "zhangsan"))
        .containsExactly(Violation.TOO_LONG);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abcdefgh", "abcd1234", "ABCD1234", "abcdEFGH", "1234!@#$", "abcd!@#$"})
  void rejectsFewerThanThreeClasses(String password) {
    assertThat(PasswordPolicy.check(password, "zhangsan"))
        .containsExactly(Violation.TOO_FEW_CLASSES);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abcdEF12", "abcd12!@", "ABCD12!@", "abcdEF!@", "aB1!aB1!"})
  void acceptsThreeOrFourClasses(String password) {
    assertThat(PasswordPolicy.check(password, "zhangsan")).isEmpty();
  }

  @Test
  void treatsNonAsciiCharactersAsOtherClass() {
    assertThat(PasswordPolicy.check("abcd1234\u5bc6", "zhangsan")).isEmpty();
  }

  @Test
  void countsCodePointsForLength() {
    // 7 code points but 8 UTF-16 chars: still too short
    assertThat(PasswordPolicy.check("Ab1cde\uD83D\uDE00", "zhangsan"))
        .containsExactly(Violation.TOO_SHORT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Zhangsan1!", "xxZHANGSAN12", "1!zhangsan", "ZhangSan"})
  void rejectsPasswordsContainingTheAccountName(String password) {
    assertThat(PasswordPolicy.check(password, "zhangsan")).contains(Violation.CONTAINS_ACCOUNT);
  }

  @Test
  void rejectsPasswordEqualToAccountNameIgnoringCase() {
    assertThat(PasswordPolicy.check("Admin-123", "ADMIN-123"))
        .containsExactly(Violation.CONTAINS_ACCOUNT);
  }

  @Test
  void ignoresShortOrMissingAccountNames() {
    assertThat(PasswordPolicy.check("Ab1xyzab", "ab")).isEmpty();
    assertThat(PasswordPolicy.check("Ab1xyzab", "")).isEmpty();
    assertThat(PasswordPolicy.check("Ab1xyzab", null)).isEmpty();
    assertThat(PasswordPolicy.check("Ab1xyzab", "xyz")).containsExactly(Violation.CONTAINS_ACCOUNT);
  }

  @Test
  void reportsEveryViolationInOrder() {
    assertThat(PasswordPolicy.check("", "zhangsan"))
        .containsExactly(Violation.TOO_SHORT, Violation.TOO_FEW_CLASSES);
    assertThat(PasswordPolicy.check("zhangsan", "zhangsan"))
        .containsExactly(Violation.TOO_FEW_CLASSES, Violation.CONTAINS_ACCOUNT);
    assertThat(PasswordPolicy.check("Abc", "abc"))
        .containsExactly(
            Violation.TOO_SHORT, Violation.TOO_FEW_CLASSES, Violation.CONTAINS_ACCOUNT);
  }

  @Test
  void exposesMessageKeys() {
    assertThat(Violation.TOO_SHORT.messageKey()).isEqualTo("password.policy.tooShort");
    assertThat(Violation.TOO_LONG.messageKey()).isEqualTo("password.policy.tooLong");
    assertThat(Violation.TOO_FEW_CLASSES.messageKey()).isEqualTo("password.policy.tooFewClasses");
    assertThat(Violation.CONTAINS_ACCOUNT.messageKey())
        .isEqualTo("password.policy.containsAccount");
  }

  @Test
  void returnsUnmodifiableList() {
    assertThat(PasswordPolicy.check("short", "zhangsan")).isUnmodifiable();
  }
}

package org.cmis.identity.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.cmis.identity.password.PasswordPolicy;
import org.junit.jupiter.api.Test;

/** Tracking numbers and temporary passwords: random, readable back, within the policy. */
class TrackingNumbersTest {

  @Test
  void numbersAreRandomTwentyCharactersShownInGroupsOfFour() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String number = TrackingNumbers.next();
      assertThat(number).matches("[0-9A-HJKMNP-TV-Z]{20}");
      seen.add(number);
    }
    assertThat(seen).hasSize(10_000);
    assertThat(TrackingNumbers.grouped("ABCD1234EFGH5678JKMN"))
        .isEqualTo("ABCD-1234-EFGH-5678-JKMN");
  }

  @Test
  void typedNumbersAreReadWithoutDashesSpacesCaseOrLookAlikes() {
    assertThat(TrackingNumbers.read("abcd-1234 efgh-5678-jkmn")).isEqualTo("ABCD1234EFGH5678JKMN");
    assertThat(TrackingNumbers.read("ABCD-I234-EFGH-5678-JKMO")).isEqualTo("ABCD1234EFGH5678JKM0");
    assertThat(TrackingNumbers.read("ABCD-1234-EFGH-5678-JKM")).isNull();
    assertThat(TrackingNumbers.read("ABCD-1234-EFGH-5678-JKMU")).isNull();
    assertThat(TrackingNumbers.read("../../etc/passwd")).isNull();
    assertThat(TrackingNumbers.read(null)).isNull();
    assertThat(TrackingNumbers.read("A".repeat(100))).isNull();
  }

  @Test
  void temporaryPasswordsFollowThePolicyAndDiffer() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String password = TemporaryPasswords.next("440300010001");
      assertThat(password)
          .hasSize(TemporaryPasswords.LENGTH)
          .doesNotContain("0", "O", "1", "l", "I");
      assertThat(PasswordPolicy.check(password, "440300010001")).isEmpty();
      seen.add(password);
    }
    assertThat(seen).hasSize(2_000);
  }
}

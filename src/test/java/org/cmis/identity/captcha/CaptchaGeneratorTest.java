package org.cmis.identity.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CaptchaGeneratorTest {

  @Test
  void answersMatchExpressionForManySeeds() {
    Set<String> ops = new HashSet<>();
    for (long seed = 0; seed < 200; seed++) {
      CaptchaGenerator generator = new CaptchaGenerator(new SplittableRandom(seed));
      for (int i = 0; i < 20; i++) {
        CaptchaChallenge challenge = generator.next();
        String[] parts = challenge.expression().split(" ");
        assertThat(parts).hasSize(5);
        assertThat(parts[3]).isEqualTo("=");
        assertThat(parts[4]).isEqualTo("?");
        int a = Integer.parseInt(parts[0]);
        int b = Integer.parseInt(parts[2]);
        String op = parts[1];
        ops.add(op);
        int expected =
            switch (op) {
              case "+" -> {
                assertThat(a).isBetween(1, 9);
                assertThat(b).isBetween(1, 9);
                yield a + b;
              }
              case "-" -> {
                assertThat(a).isBetween(1, 9);
                assertThat(b).isBetween(1, a);
                yield a - b;
              }
              case "x" -> {
                assertThat(a).isBetween(1, 5);
                assertThat(b).isBetween(1, 5);
                yield a * b;
              }
              default -> throw new AssertionError("unexpected operator " + op);
            };
        assertThat(challenge.answer()).isEqualTo(expected).isNotNegative();
      }
    }
    assertThat(ops).containsExactlyInAnyOrder("+", "-", "x");
  }

  @Test
  void sameSeedGivesSameChallenges() {
    CaptchaGenerator first = new CaptchaGenerator(new SplittableRandom(7));
    CaptchaGenerator second = new CaptchaGenerator(new SplittableRandom(7));
    for (int i = 0; i < 10; i++) {
      assertThat(first.next()).isEqualTo(second.next());
    }
  }

  @Test
  void defaultConstructorProducesValidChallenges() {
    CaptchaGenerator generator = new CaptchaGenerator();
    for (int i = 0; i < 50; i++) {
      CaptchaChallenge challenge = generator.next();
      assertThat(challenge.expression()).matches("[1-9] [+x-] [1-9] = \\?");
      assertThat(challenge.answer()).isBetween(0, 25);
    }
  }
}

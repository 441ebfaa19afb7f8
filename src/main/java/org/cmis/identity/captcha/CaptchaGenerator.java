package org.cmis.identity.captcha;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** Generates random small-number arithmetic captcha challenges. */
public final class CaptchaGenerator {

  private final RandomGenerator random;

  /** Creates a generator backed by a {@link SecureRandom}. */
  public CaptchaGenerator() {
    this(new SecureRandom());
  }

  /** Creates a generator backed by the given random source (seedable in tests). */
  public CaptchaGenerator(RandomGenerator random) {
    this.random = random;
  }

  /** Returns a new challenge: addition or subtraction of 1..9, or multiplication of 1..5. */
  public CaptchaChallenge next() {
    return switch (random.nextInt(3)) {
      case 0 -> {
        int a = random.nextInt(1, 10);
        int b = random.nextInt(1, 10);
        yield challenge(a, "+", b, a + b);
      }
      case 1 -> {
        int a = random.nextInt(1, 10);
        int b = random.nextInt(1, a + 1);
        yield challenge(a, "-", b, a - b);
      }
      default -> {
        int a = random.nextInt(1, 6);
        int b = random.nextInt(1, 6);
        yield challenge(a, "x", b, a * b);
      }
    };
  }

  private static CaptchaChallenge challenge(int a, String op, int b, int answer) {
    return new CaptchaChallenge(a + " " + op + " " + b + " = ?", answer);
  }
}

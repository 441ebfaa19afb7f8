package org.cmis.shared;

import org.jspecify.annotations.Nullable;

/**
 * Unified social credit code (GB 32100-2015): 17 characters from a 31-character alphabet followed
 * by a check character. Only upper-case input is accepted.
 */
public final class CreditCode {

  /** Permitted characters; the index of a character is its numeric value. */
  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** Total length of a credit code. */
  public static final int LENGTH = 18;

  private static final int MODULUS = 31;

  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CreditCode() {}

  /** Returns true if the value is an 18-character credit code with a correct check character. */
  public static boolean isValid(@Nullable String value) {
    if (value == null || value.length() != LENGTH) {
      return false;
    }
    String body = value.substring(0, LENGTH - 1);
    if (!isBody(body)) {
      return false;
    }
    return value.charAt(LENGTH - 1) == computeCheck(body);
  }

  /** Returns the check character (as a one-character string) for the first 17 characters. */
  public static String checkCharacter(String first17) {
    requireBody(first17);
    return String.valueOf(computeCheck(first17));
  }

  /** Returns the first 17 characters followed by their check character. */
  public static String withCheckCharacter(String first17) {
    return first17 + checkCharacter(first17);
  }

  private static void requireBody(@Nullable String first17) {
    if (first17 == null || !isBody(first17)) {
      throw new IllegalArgumentException(
          "Expected 17 characters from " + ALPHABET + " but got: " + first17);
    }
  }

  private static boolean isBody(String s) {
    if (s.length() != LENGTH - 1) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (ALPHABET.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static char computeCheck(String body) {
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
    }
    int value = MODULUS - sum % MODULUS;
    if (value == MODULUS) {
      value = 0;
    }
    return ALPHABET.charAt(value);
  }
}

package org.cmis.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import org.jspecify.annotations.Nullable;

/**
 * 18-character mainland resident identity card number: 17 digits with an embedded birth date
 * (positions 7-14, yyyyMMdd) and an ISO 7064 MOD 11-2 check character ({@code 0-9} or upper-case
 * {@code X}).
 */
public final class IdNumber {

  /** Total length of an identity number. */
  public static final int LENGTH = 18;

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  private static final String CHECK_CHARS = "10X98765432";

  private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

  private static final DateTimeFormatter BIRTH_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  private static final int KEEP_PREFIX = 4;

  private static final int KEEP_SUFFIX = 4;

  private IdNumber() {}

  /** Returns true if the value has 17 digits, a plausible birth date and a correct check char. */
  public static boolean isValid(@Nullable String value) {
    if (value == null || value.length() != LENGTH) {
      return false;
    }
    String body = value.substring(0, LENGTH - 1);
    if (!isDigits(body) || !hasValidBirthDate(body)) {
      return false;
    }
    return value.charAt(LENGTH - 1) == computeCheck(body);
  }

  /** Returns the check character (as a one-character string) for the first 17 digits. */
  public static String checkCharacter(String first17) {
    if (first17 == null || first17.length() != LENGTH - 1 || !isDigits(first17)) {
      throw new IllegalArgumentException("Expected 17 digits but got: " + first17);
    }
    return String.valueOf(computeCheck(first17));
  }

  /** Returns the value with all but the first 4 and last 4 characters (API.md) replaced by '*'. */
  public static String mask(String value) {
    int length = value.length();
    if (length <= KEEP_PREFIX + KEEP_SUFFIX) {
      return "*".repeat(length);
    }
    return value.substring(0, KEEP_PREFIX)
        + "*".repeat(length - KEEP_PREFIX - KEEP_SUFFIX)
        + value.substring(length - KEEP_SUFFIX);
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasValidBirthDate(String body) {
    try {
      LocalDate date = LocalDate.parse(body.substring(6, 14), BIRTH_DATE);
      return !date.isBefore(EARLIEST_BIRTH_DATE) && !date.isAfter(LocalDate.now());
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static char computeCheck(String body) {
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += (body.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARS.charAt(sum % 11);
  }
}

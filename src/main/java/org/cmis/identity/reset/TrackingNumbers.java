package org.cmis.identity.reset;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Tracking numbers: 20 characters of Crockford's base 32 drawn from {@link SecureRandom} (100 bits,
 * so not guessable), shown in groups of four ({@code 7KQ2-…}). What people type back is read
 * without its dashes and spaces, in either case, with O read as 0 and I or L as 1.
 */
final class TrackingNumbers {

  static final int LENGTH = 20;
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final Pattern STORED = Pattern.compile("[0-9A-HJKMNP-TV-Z]{" + LENGTH + "}");
  private static final SecureRandom random = new SecureRandom();

  private TrackingNumbers() {}

  static String next() {
    char[] number = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      number[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(number);
  }

  /** The stored form of a typed number, or null when it cannot be one. */
  static @Nullable String read(@Nullable String typed) {
    if (typed == null || typed.length() > 60) {
      return null;
    }
    String number =
        typed
            .replaceAll("[\\s-]", "")
            .toUpperCase(Locale.ROOT)
            .replace('O', '0')
            .replace('I', '1')
            .replace('L', '1');
    return STORED.matcher(number).matches() ? number : null;
  }

  /** The number in groups of four, as it is shown. */
  static String grouped(String number) {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < number.length(); i += 4) {
      if (i > 0) {
        shown.append('-');
      }
      shown.append(number, i, Math.min(number.length(), i + 4));
    }
    return shown.toString();
  }
}

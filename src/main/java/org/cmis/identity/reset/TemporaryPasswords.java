package org.cmis.identity.reset;

import java.security.SecureRandom;
import org.cmis.identity.password.PasswordPolicy;

/**
 * Temporary passwords of an approved application: 12 characters from {@link SecureRandom} with an
 * upper-case letter, a lower-case letter, a digit and a symbol, without the characters people
 * confuse (0/O, 1/l/I), and always within the password policy.
 */
final class TemporaryPasswords {

  private static final String UPPER = "ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "@#$%&*+=?";
  private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
  static final int LENGTH = 12;
  private static final SecureRandom random = new SecureRandom();

  private TemporaryPasswords() {}

  static String next(String accountName) {
    while (true) {
      char[] password = new char[LENGTH];
      password[0] = pick(UPPER);
      password[1] = pick(LOWER);
      password[2] = pick(DIGITS);
      password[3] = pick(SYMBOLS);
      for (int i = 4; i < LENGTH; i++) {
        password[i] = pick(ALL);
      }
      for (int i = LENGTH - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        char c = password[i];
        password[i] = password[j];
        password[j] = c;
      }
      String candidate = new String(password);
      if (PasswordPolicy.check(candidate, accountName).isEmpty()) {
        return candidate;
      }
    }
  }

  private static char pick(String from) {
    return from.charAt(random.nextInt(from.length()));
  }
}

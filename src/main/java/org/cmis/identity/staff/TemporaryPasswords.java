package org.cmis.identity.staff;

import java.security.SecureRandom;
import org.cmis.identity.password.PasswordPolicy;

/**
 * Temporary passwords (the account must change it at the next sign-in, F1.4): 12 characters of
 * every class, without look-alikes (0/O, 1/l/I), that pass the password policy.
 */
final class TemporaryPasswords {

  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "@#%+=";
  private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

  private static final SecureRandom random = new SecureRandom();

  private TemporaryPasswords() {}

  static String next(String accountName) {
    while (true) {
      char[] p = new char[12];
      p[0] = pick(UPPER);
      p[1] = pick(LOWER);
      p[2] = pick(DIGITS);
      p[3] = pick(SYMBOLS);
      for (int i = 4; i < p.length; i++) {
        p[i] = pick(ALL);
      }
      for (int i = p.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        char t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      String password = new String(p);
      if (PasswordPolicy.isAcceptable(password, accountName)) {
        return password;
      }
    }
  }

  private static char pick(String from) {
    return from.charAt(random.nextInt(from.length()));
  }
}

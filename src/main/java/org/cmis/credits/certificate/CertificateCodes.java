package org.cmis.credits.certificate;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Verification codes of certificates: {@value #LENGTH} characters drawn by {@link SecureRandom}
 * from {@value #ALPHABET} (32 letters and digits, without 0/O and 1/I, so that a code read off
 * paper is typed right), 60 bits: not guessable within any throttle. Typed codes are read leniently
 * (lower case, spaces and hyphens) and anything else is no code at all, answered without a query.
 */
final class CertificateCodes {

  static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  static final int LENGTH = 12;

  private static final SecureRandom random = new SecureRandom();

  private CertificateCodes() {}

  /** A new random code. */
  static String next() {
    char[] code = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(code);
  }

  /**
   * The code a person typed, in its stored form: upper case, without spaces and hyphens; empty when
   * it cannot be a code (wrong length, a character outside the alphabet, anything very long).
   */
  static Optional<String> read(String typed) {
    if (typed.length() > 64) {
      return Optional.empty();
    }
    String code = typed.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
    if (code.length() != LENGTH) {
      return Optional.empty();
    }
    for (int i = 0; i < code.length(); i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(code);
  }
}

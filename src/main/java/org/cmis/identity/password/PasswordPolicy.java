package org.cmis.identity.password;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Password strength rules: 8 to 64 characters, at least 3 of the 4 character classes (lower case,
 * upper case, digit, other) and not containing the account name (ignoring case).
 */
public final class PasswordPolicy {

  /** Minimum number of characters (code points). */
  public static final int MIN_LENGTH = 8;

  /** Maximum number of characters (code points). */
  public static final int MAX_LENGTH = 64;

  /** Minimum number of distinct character classes. */
  public static final int MIN_CLASSES = 3;

  /** Account names shorter than this are not checked for containment. */
  public static final int MIN_ACCOUNT_NAME_LENGTH = 3;

  /** A single rule that a password breaks. */
  public enum Violation {
    /** Fewer than {@link PasswordPolicy#MIN_LENGTH} characters. */
    TOO_SHORT("password.policy.tooShort"),
    /** More than {@link PasswordPolicy#MAX_LENGTH} characters. */
    TOO_LONG("password.policy.tooLong"),
    /** Fewer than {@link PasswordPolicy#MIN_CLASSES} character classes. */
    TOO_FEW_CLASSES("password.policy.tooFewClasses"),
    /** Equals or contains the account name. */
    CONTAINS_ACCOUNT("password.policy.containsAccount");

    private final String messageKey;

    Violation(String messageKey) {
      this.messageKey = messageKey;
    }

    /** Returns the message bundle key describing this violation. */
    public String messageKey() {
      return messageKey;
    }
  }

  private PasswordPolicy() {}

  /** Returns the violated rules in declaration order; empty if the password is acceptable. */
  public static List<Violation> check(String password, @Nullable String accountName) {
    List<Violation> violations = new ArrayList<>();
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      violations.add(Violation.TOO_SHORT);
    } else if (length > MAX_LENGTH) {
      violations.add(Violation.TOO_LONG);
    }
    if (characterClasses(password) < MIN_CLASSES) {
      violations.add(Violation.TOO_FEW_CLASSES);
    }
    if (containsAccountName(password, accountName)) {
      violations.add(Violation.CONTAINS_ACCOUNT);
    }
    return Collections.unmodifiableList(violations);
  }

  /** Returns true if the password violates none of the rules. */
  public static boolean isAcceptable(String password, @Nullable String accountName) {
    return check(password, accountName).isEmpty();
  }

  private static int characterClasses(String password) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (int i = 0; i < password.length(); ) {
      int cp = password.codePointAt(i);
      if (Character.isLowerCase(cp)) {
        lower = true;
      } else if (Character.isUpperCase(cp)) {
        upper = true;
      } else if (Character.isDigit(cp)) {
        digit = true;
      } else {
        other = true;
      }
      i += Character.charCount(cp);
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }

  private static boolean containsAccountName(String password, @Nullable String accountName) {
    if (accountName == null) {
      return false;
    }
    String account = accountName.strip().toLowerCase(Locale.ROOT);
    if (account.codePointCount(0, account.length()) < MIN_ACCOUNT_NAME_LENGTH) {
      return false;
    }
    return password.toLowerCase(Locale.ROOT).contains(account);
  }
}

package org.cmis.shared;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Member numbers: a CPA certificate number (12 digits, or 2 upper-case letters followed by 9
 * digits) or a practitioner person number ({@code P} followed by 8 digits).
 */
public final class MemberNo {

  private static final Pattern CPA_NO = Pattern.compile("[0-9]{12}|[A-Z]{2}[0-9]{9}");

  private static final Pattern PRACTITIONER_NO = Pattern.compile("P[0-9]{8}");

  private MemberNo() {}

  /** Returns true if the value is a CPA certificate number. */
  public static boolean isValidCpaNo(@Nullable String value) {
    return value != null && CPA_NO.matcher(value).matches();
  }

  /** Returns true if the value is a practitioner person number. */
  public static boolean isValidPractitionerNo(@Nullable String value) {
    return value != null && PRACTITIONER_NO.matcher(value).matches();
  }

  /** Returns true if the value is either a CPA certificate number or a practitioner number. */
  public static boolean isValid(@Nullable String value) {
    return isValidCpaNo(value) || isValidPractitionerNo(value);
  }
}

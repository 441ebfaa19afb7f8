package org.cmis.shared;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One or more telephone numbers as a support contact shows them: a landline with its area code
 * ({@code 0755-83665566}), a mobile, a service number ({@code 400-810-1234}), optionally with an
 * extension ({@code 转 8001}), several separated by {@code 、}, commas or {@code /}.
 */
public final class PhoneList {

  private static final String ONE =
      "[+(]?[0-9][0-9() -]{3,23}[0-9](?: ?(?:转|-|ext\\.?) ?[0-9]{1,6})?";

  private static final Pattern PATTERN =
      Pattern.compile("^" + ONE + "(?: ?[、,，/;；] ?" + ONE + ")*$");

  private PhoneList() {}

  /** Whether the text is a list of telephone numbers of at most {@code maxLength} characters. */
  public static boolean isValid(@Nullable String value, int maxLength) {
    return value != null
        && !value.isEmpty()
        && value.length() <= maxLength
        && PATTERN.matcher(value).matches();
  }
}

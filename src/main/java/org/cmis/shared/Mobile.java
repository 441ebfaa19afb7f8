package org.cmis.shared;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Mainland China mobile phone number: 11 digits starting with 13 to 19. */
public final class Mobile {

  private static final Pattern PATTERN = Pattern.compile("^1[3-9][0-9]{9}$");

  private Mobile() {}

  /** Returns true if the value is an 11-digit mainland mobile number. */
  public static boolean isValid(@Nullable String value) {
    return value != null && PATTERN.matcher(value).matches();
  }
}

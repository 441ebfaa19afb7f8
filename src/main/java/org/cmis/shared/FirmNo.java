package org.cmis.shared;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Accounting firm number: exactly 8 digits. */
public final class FirmNo {

  private static final Pattern PATTERN = Pattern.compile("[0-9]{8}");

  private FirmNo() {}

  /** Returns true if the value consists of exactly 8 ASCII digits. */
  public static boolean isValid(@Nullable String value) {
    return value != null && PATTERN.matcher(value).matches();
  }
}

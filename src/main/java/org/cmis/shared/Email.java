package org.cmis.shared;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Pragmatic e-mail address check: at most 100 characters, a dot-atom local part, one {@code @} and
 * a domain of at least two dot-separated labels ending in an alphabetic top-level label.
 */
public final class Email {

  /** Maximum accepted length of an address. */
  public static final int MAX_LENGTH = 100;

  private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";

  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

  private static final Pattern PATTERN =
      Pattern.compile("^" + ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+[A-Za-z]{2,63}$");

  private static final int MAX_LOCAL_LENGTH = 64;

  private Email() {}

  /** Returns true if the value looks like a deliverable e-mail address. */
  public static boolean isValid(@Nullable String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      return false;
    }
    int at = value.indexOf('@');
    if (at < 1 || at > MAX_LOCAL_LENGTH || at != value.lastIndexOf('@')) {
      return false;
    }
    return PATTERN.matcher(value).matches();
  }
}

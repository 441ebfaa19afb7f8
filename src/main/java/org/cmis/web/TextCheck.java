package org.cmis.web;

import java.math.BigDecimal;

/** The checks every text and number from a client passes, whatever carried it. */
final class TextCheck {

  private TextCheck() {}

  /** No NUL character and no lone surrogate. */
  static boolean acceptable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** At most {@value StrictJson#MAX_SCALE} of scale either way: arithmetic stays cheap. */
  static boolean boundedDecimal(BigDecimal value) {
    return Math.abs(value.scale()) <= StrictJson.MAX_SCALE
        && value.precision() <= StrictJson.MAX_NUMBER_LENGTH;
  }
}

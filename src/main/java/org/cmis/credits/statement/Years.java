package org.cmis.credits.statement;

import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The training years a statement may be asked for: 2000 to 2100 (the ledger's own check), the
 * current Asia/Shanghai year by default. The API refuses another value with 400 (a query value
 * outside its type, ADR 0019); a page shows a message and the current year instead.
 */
final class Years {

  static final int FIRST = 2000;
  static final int LAST = 2100;

  private Years() {}

  static int current(Clock clock) {
    return LocalDate.now(clock).getYear();
  }

  /** The year a page asked for, or null when the value is not a year of 2000–2100. */
  static @Nullable Integer parse(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (!v.matches("[0-9]{4}")) {
      return null;
    }
    int year = Integer.parseInt(v);
    return year < FIRST || year > LAST ? null : year;
  }

  /** Whether a page's year parameter was given and is not a valid year. */
  static boolean invalid(@Nullable String value) {
    return value != null && !value.isBlank() && parse(value) == null;
  }
}

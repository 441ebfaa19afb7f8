package org.cmis.credits.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cmis.credits.HourCategory;
import org.cmis.shared.CmisException;
import org.cmis.shared.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * A manual entry as the API body or the page's form sends it, every field as typed (F5.8; API.md,
 * Hours): the training year (2000–2100), a date within it, the hours (a non-zero multiple of 0.5
 * within ±200), the ethics hours of them (0 to the hours, the same sign, a multiple of 0.5), the
 * category (only EXTERNAL by hand) and the reason (required, at most 500 characters). {@link
 * #validate()} checks all fields at once, so that a form marks every wrong one.
 */
record ManualEntryInput(
    @Nullable String year,
    @Nullable String date,
    @Nullable String hours,
    @Nullable String ethicsHours,
    @Nullable String category,
    @Nullable String note) {

  static final int MAX_NOTE = 500;
  static final BigDecimal MAX_HOURS = new BigDecimal("200");
  private static final Pattern YEAR = Pattern.compile("[0-9]{1,6}");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,20}(\\.[0-9]{1,20})?");
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  /** A checked manual entry. */
  record Valid(
      int year,
      LocalDate date,
      BigDecimal hours,
      BigDecimal ethicsHours,
      HourCategory category,
      String note) {}

  /** The entry, or VALIDATION_FAILED naming every wrong field. */
  Valid validate() {
    List<FieldError> errors = new ArrayList<>();
    Integer y = year(errors);
    LocalDate d = date(y, errors);
    BigDecimal h = hours(errors);
    BigDecimal ethics = ethics(h, errors);
    HourCategory c = category(errors);
    String n = note == null ? "" : note.strip();
    if (n.isEmpty() || n.length() > MAX_NOTE) {
      errors.add(new FieldError("note", "ledger.error.note"));
    }
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
    return new Valid(y, d, h.setScale(1), ethics.setScale(1), c, n);
  }

  private @Nullable Integer year(List<FieldError> errors) {
    String t = year == null ? "" : year.strip();
    if (YEAR.matcher(t).matches()) {
      int y = Integer.parseInt(t);
      if (y >= 2000 && y <= 2100) {
        return y;
      }
    }
    errors.add(new FieldError("year", "ledger.error.year"));
    return null;
  }

  private @Nullable LocalDate date(@Nullable Integer y, List<FieldError> errors) {
    String t = date == null ? "" : date.strip();
    try {
      if (t.length() == 10) {
        LocalDate d = LocalDate.parse(t);
        if (y != null && d.getYear() != y) {
          errors.add(new FieldError("date", "ledger.error.date.year"));
        }
        return d;
      }
    } catch (DateTimeParseException e) {
      // the message below
    }
    errors.add(new FieldError("date", "ledger.error.date"));
    return null;
  }

  private @Nullable BigDecimal hours(List<FieldError> errors) {
    BigDecimal h = decimal(hours);
    if (h == null || h.signum() == 0 || h.abs().compareTo(MAX_HOURS) > 0 || !halves(h)) {
      errors.add(new FieldError("hours", "ledger.error.hours"));
      return null;
    }
    return h;
  }

  private BigDecimal ethics(@Nullable BigDecimal h, List<FieldError> errors) {
    if (ethicsHours == null || ethicsHours.isBlank()) {
      return BigDecimal.ZERO;
    }
    BigDecimal e = decimal(ethicsHours);
    boolean ok =
        e != null
            && halves(e)
            && (h == null || (e.signum() * h.signum() >= 0 && e.abs().compareTo(h.abs()) <= 0));
    if (!ok) {
      errors.add(new FieldError("ethicsHours", "ledger.error.ethicsHours"));
      return BigDecimal.ZERO;
    }
    return e;
  }

  private @Nullable HourCategory category(List<FieldError> errors) {
    if (category == null || category.isBlank() || category.strip().equals("EXTERNAL")) {
      return HourCategory.EXTERNAL;
    }
    errors.add(new FieldError("category", "ledger.error.category"));
    return null;
  }

  private static @Nullable BigDecimal decimal(@Nullable String text) {
    String t = text == null ? "" : text.strip();
    return DECIMAL.matcher(t).matches() ? new BigDecimal(t) : null;
  }

  /** Whether the value is a whole multiple of 0.5. */
  private static boolean halves(BigDecimal value) {
    return value.multiply(TWO).stripTrailingZeros().scale() <= 0;
  }
}

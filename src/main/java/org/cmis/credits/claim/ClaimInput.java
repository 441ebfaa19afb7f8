package org.cmis.credits.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.cmis.shared.CmisException;
import org.cmis.shared.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * A claim as the page's form or the API body sends it, every field as typed: the type's code, the
 * title (1–200 characters), the work's date (yyyy-MM-dd, from 2000, not after today), the
 * description (≤ 2000), the identifier (≤ 100), the units (for hours per unit: 0.5–9999), the
 * number of authors (1–50, 1 when empty) and the hours claimed (a multiple of 0.5, 0.5–200). {@link
 * #validate} checks every field at once, so that the form marks every wrong one.
 */
public record ClaimInput(
    @Nullable String type,
    @Nullable String title,
    @Nullable String workDate,
    @Nullable String description,
    @Nullable String identifier,
    @Nullable String units,
    @Nullable String authors,
    @Nullable String hoursClaimed) {

  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 2000;
  static final int MAX_IDENTIFIER = 100;
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,3})?");
  private static final Pattern INT = Pattern.compile("[0-9]{1,3}");
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  /** A checked claim. */
  public record Valid(
      ClaimType type,
      String title,
      LocalDate workDate,
      String description,
      String identifier,
      @Nullable BigDecimal units,
      int authors,
      BigDecimal hoursClaimed) {

    ClaimRules.Facts facts() {
      return new ClaimRules.Facts(workDate, units, authors, hoursClaimed, identifier);
    }
  }

  /** An empty claim (the API's missing body). */
  public static ClaimInput empty() {
    return new ClaimInput(null, null, null, null, null, null, null, null);
  }

  /** The claim, or VALIDATION_FAILED naming every wrong field. */
  public Valid validate(Function<String, Optional<ClaimType>> types, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    String code = type == null ? "" : type.strip();
    ClaimType t = code.isEmpty() ? null : types.apply(code).filter(ClaimType::active).orElse(null);
    if (t == null) {
      errors.add(new FieldError("type", "claims.error.type"));
    }
    String ti = strip(title);
    if (ti.isEmpty()) {
      errors.add(new FieldError("title", "claims.error.title.required"));
    } else if (ti.codePointCount(0, ti.length()) > MAX_TITLE || ti.length() > MAX_TITLE) {
      errors.add(new FieldError("title", "claims.error.title.long"));
    }
    LocalDate d = date(today, errors);
    String desc = description == null ? "" : description.replace("\r\n", "\n").strip();
    if (desc.length() > MAX_DESCRIPTION) {
      errors.add(new FieldError("description", "claims.error.description.long"));
    }
    String id = strip(identifier);
    if (id.length() > MAX_IDENTIFIER) {
      errors.add(new FieldError("identifier", "claims.error.identifier.long"));
    }
    BigDecimal u = null;
    String ut = strip(units);
    if (!ut.isEmpty()) {
      u = decimal(ut);
      if (u == null || u.signum() <= 0 || u.compareTo(new BigDecimal("9999")) > 0 || !halves(u)) {
        errors.add(new FieldError("units", "claims.error.units"));
        u = null;
      }
    } else if (t != null && t.perUnit()) {
      errors.add(new FieldError("units", "claims.error.units"));
    }
    int a = 1;
    String at = strip(authors);
    if (!at.isEmpty()) {
      if (INT.matcher(at).matches() && Integer.parseInt(at) >= 1 && Integer.parseInt(at) <= 50) {
        a = Integer.parseInt(at);
      } else {
        errors.add(new FieldError("authors", "claims.error.authors"));
      }
    }
    BigDecimal h = decimal(strip(hoursClaimed));
    if (h == null || h.signum() <= 0 || h.compareTo(new BigDecimal("200")) > 0 || !halves(h)) {
      errors.add(new FieldError("hoursClaimed", "claims.error.hoursClaimed"));
    }
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
    return new Valid(t, ti, d, desc, id, u == null ? null : u.setScale(1), a, h.setScale(1));
  }

  private @Nullable LocalDate date(LocalDate today, List<FieldError> errors) {
    String t = strip(workDate);
    try {
      if (t.length() == 10) {
        LocalDate d = LocalDate.parse(t);
        if (d.getYear() < 2000) {
          errors.add(new FieldError("workDate", "claims.error.workDate"));
          return null;
        }
        return d;
      }
    } catch (DateTimeParseException e) {
      // the message below
    }
    errors.add(new FieldError("workDate", "claims.error.workDate"));
    return null;
  }

  private static String strip(@Nullable String text) {
    return text == null ? "" : text.strip();
  }

  private static @Nullable BigDecimal decimal(String t) {
    return DECIMAL.matcher(t).matches() ? new BigDecimal(t) : null;
  }

  private static boolean halves(BigDecimal value) {
    return value.multiply(TWO).stripTrailingZeros().scale() <= 0;
  }
}

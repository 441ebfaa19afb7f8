package org.cmis.training.noshow;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the no-show list: the classes' last training day from and to (inclusive), a firm
 * number and a class id. Parsed from the texts as sent, so that the page and the API refuse alike:
 * a value that is not a date or an id (2026-02-30, abc) is a malformed request (400), a period that
 * ends before it starts breaks a rule (422).
 */
public record NoShowQuery(
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable String firmNo,
    @Nullable Long classId) {

  private static final int MAX_FIRM_NO = 8;

  /** No filter at all. */
  public static NoShowQuery none() {
    return new NoShowQuery(null, null, null, null);
  }

  /** The filters as given; blank texts are no filter. Throws the refusals described above. */
  public static NoShowQuery parse(
      @Nullable String from,
      @Nullable String to,
      @Nullable String firmNo,
      @Nullable String classId) {
    List<FieldError> malformed = new ArrayList<>();
    LocalDate f = date(from, "from", malformed);
    LocalDate t = date(to, "to", malformed);
    String firm = blankToNull(firmNo);
    if (firm != null && firm.length() > MAX_FIRM_NO) {
      malformed.add(new FieldError("firmNo", "noshows.filter.firmNo.invalid"));
    }
    Long id = null;
    String c = blankToNull(classId);
    if (c != null) {
      try {
        id = Long.parseLong(c);
        if (id < 1) {
          throw new NumberFormatException(c);
        }
      } catch (NumberFormatException e) {
        malformed.add(new FieldError("classId", "noshows.filter.classId.invalid"));
      }
    }
    if (!malformed.isEmpty()) {
      throw new CmisException(
          ErrorCode.MALFORMED_REQUEST, "error.MALFORMED_REQUEST", malformed, null);
    }
    if (f != null && t != null && t.isBefore(f)) {
      throw CmisException.validation(List.of(new FieldError("to", "noshows.filter.to.beforeFrom")));
    }
    return new NoShowQuery(f, t, firm, id);
  }

  /** The filters as query parameters (for the paging links and the 通报 form), in a fixed order. */
  public Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    if (from != null) {
      p.put("from", from.toString());
    }
    if (to != null) {
      p.put("to", to.toString());
    }
    if (firmNo != null) {
      p.put("firmNo", firmNo);
    }
    if (classId != null) {
      p.put("classId", classId.toString());
    }
    return p;
  }

  private static @Nullable LocalDate date(
      @Nullable String value, String field, List<FieldError> errors) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "noshows.filter.date.invalid"));
      return null;
    }
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}

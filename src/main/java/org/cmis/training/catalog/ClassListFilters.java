package org.cmis.training.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.training.Audience;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the class list pages as the form sends them (seed section 二: 年度, 培训对象, 报名开始日期,
 * 报名结束日期, 培训班名称, 培训开始日期, 培训结束日期). The year is text: absent means the current year, empty means 全部;
 * anything else that is not a year is a malformed request (400).
 */
record ClassListFilters(
    @Nullable Integer year,
    @Nullable Audience audience,
    String name,
    @Nullable LocalDate registrationStartFrom,
    @Nullable LocalDate registrationEndTo,
    @Nullable LocalDate trainingStartFrom,
    @Nullable LocalDate trainingEndTo) {

  static final int MIN_YEAR = 2000;
  static final int MAX_YEAR = 2100;

  /**
   * The year filter: {@code null} → the default year, blank → all years, else a year from 2000 to
   * 2100 (a 400 otherwise).
   */
  static @Nullable Integer year(@Nullable String value, @Nullable Integer defaultYear) {
    if (value == null) {
      return defaultYear;
    }
    String v = value.trim();
    if (v.isEmpty()) {
      return null;
    }
    try {
      int year = Integer.parseInt(v);
      if (year >= MIN_YEAR && year <= MAX_YEAR) {
        return year;
      }
    } catch (NumberFormatException e) {
      // falls through to the refusal
    }
    throw new CmisException(
        ErrorCode.MALFORMED_REQUEST,
        "error.MALFORMED_REQUEST",
        List.of(new FieldError("year", "error.MALFORMED_REQUEST")),
        null);
  }

  ClassQuery query(@Nullable String institute) {
    return new ClassQuery(
        year,
        audience,
        name.isBlank() ? null : name.trim(),
        registrationStartFrom,
        registrationEndTo,
        trainingStartFrom,
        trainingEndTo,
        null,
        institute);
  }

  /** The filters as query parameters for the paging links; the year is always kept. */
  Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("year", year == null ? "" : year.toString());
    put(p, "audience", audience == null ? null : audience.name());
    put(p, "name", name.isBlank() ? null : name.trim());
    put(p, "registrationStartFrom", registrationStartFrom);
    put(p, "registrationEndTo", registrationEndTo);
    put(p, "trainingStartFrom", trainingStartFrom);
    put(p, "trainingEndTo", trainingEndTo);
    return p;
  }

  /** The years offered by the filter: next year down to six years ago. */
  static List<Integer> years(int currentYear) {
    List<Integer> years = new ArrayList<>();
    for (int y = currentYear + 1; y >= currentYear - 6; y--) {
      years.add(y);
    }
    return years;
  }

  private static void put(Map<String, String> p, String name, @Nullable Object value) {
    if (value != null) {
      p.put(name, value.toString());
    }
  }
}

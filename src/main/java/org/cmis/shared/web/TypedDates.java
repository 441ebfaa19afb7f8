package org.cmis.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The dates of a filter form as typed into its one-tab-stop text fields (ADR 0038): each is parsed
 * as {@code yyyy-MM-dd}; a bad one is kept as typed and marked with a message key instead of
 * answering 400, and a range whose end comes before its start is marked on the end.
 */
public final class TypedDates {

  /** The message for a date that is not {@code yyyy-MM-dd} (or no such day). */
  public static final String INVALID = "dates.invalid";

  /** The message for a range whose end comes before its start. */
  public static final String REVERSED = "dates.reversed";

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private final Map<String, String> typed = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();

  /** The date typed into a field, {@code null} when blank or bad (then marked). */
  public @Nullable LocalDate parse(String field, @Nullable String text) {
    String value = text == null ? "" : text.trim();
    typed.put(field, value);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value, ISO);
    } catch (DateTimeParseException e) {
      errors.put(field, INVALID);
      return null;
    }
  }

  /** Marks the end field when both dates are given and the end comes before the start. */
  public void range(@Nullable LocalDate from, String toField, @Nullable LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      errors.put(toField, REVERSED);
    }
  }

  /** Each field's text as typed (trimmed), for the form to show again. */
  public Map<String, String> typed() {
    return typed;
  }

  /** The message key of each marked field. */
  public Map<String, String> errors() {
    return errors;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}

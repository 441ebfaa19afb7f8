package org.cmis.shared.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.cmis.shared.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * One data row, read by field. A value that cannot be read (a word in a number column) is noted as
 * the field's error, its message the reader's value-key prefix followed by {@code integer}, {@code
 * number} or {@code boolean}; a missing column or a blank cell is null. Anything else (a date in an
 * unknown form, a value out of range) is left to the rules of the use case.
 */
public final class SheetRow {

  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
  private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("yyyy.M.d");
  private static final List<String> YES = List.of("y", "yes", "true", "1");
  private static final List<String> NO = List.of("n", "no", "false", "0");

  /** The longest number text read, in characters (as the JSON readers, ADR 0011). */
  static final int MAX_NUMBER_LENGTH = 100;

  /**
   * The largest scale (either sign) of a number read from text: {@code 1e500000000} would cost
   * minutes in arithmetic.
   */
  static final int MAX_SCALE = 100;

  private final Row row;
  private final Map<String, Integer> columns;
  private final DataFormatter formatter;
  private final String valueKeys;
  private final List<FieldError> errors = new ArrayList<>();

  SheetRow(Row row, Map<String, Integer> columns, DataFormatter formatter, String valueKeys) {
    this.row = row;
    this.columns = columns;
    this.formatter = formatter;
    this.valueKeys = valueKeys;
  }

  /** The row's number as Excel shows it (the header is row 1). */
  public int number() {
    return row.getRowNum() + 1;
  }

  /** The values that could not be read so far. */
  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  /** The row as read: its number, a label, the value and the read errors. */
  public <T> ParsedRow<T> parsed(String label, T value) {
    return new ParsedRow<>(number(), label, value, errors);
  }

  /** The cell's text as Excel shows it, trimmed; null when blank. */
  public @Nullable String string(String field) {
    Cell cell = cell(field);
    if (cell == null) {
      return null;
    }
    String value = formatter.formatCellValue(cell).trim();
    return value.isEmpty() ? null : value;
  }

  public @Nullable Integer integer(String field) {
    Cell cell = cell(field);
    if (cell != null && cell.getCellType() == CellType.NUMERIC) {
      double v = cell.getNumericCellValue();
      if (v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE) {
        return (int) v;
      }
      error(field, "integer");
      return null;
    }
    String value = string(field);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      error(field, "integer");
      return null;
    }
  }

  /** A number without trailing zeros. */
  public @Nullable BigDecimal decimal(String field) {
    Cell cell = cell(field);
    BigDecimal value;
    try {
      if (cell != null && cell.getCellType() == CellType.NUMERIC) {
        value = BigDecimal.valueOf(cell.getNumericCellValue());
      } else {
        String text = string(field);
        value = text == null ? null : boundedDecimal(text);
      }
    } catch (NumberFormatException e) {
      error(field, "number");
      return null;
    }
    if (value == null) {
      return null;
    }
    value = value.stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  /** The text as a number, refused (as not a number) when too long or of too large a scale. */
  private static BigDecimal boundedDecimal(String text) {
    if (text.length() > MAX_NUMBER_LENGTH) {
      throw new NumberFormatException("too long");
    }
    BigDecimal value = new BigDecimal(text);
    if (Math.abs(value.scale()) > MAX_SCALE) {
      throw new NumberFormatException("scale out of bounds");
    }
    return value;
  }

  /**
   * A date as ISO text: a date cell, or text as 2026-03-01, 2026/3/1 or 2026.3.1; other text is
   * returned as it is, for the rules to judge.
   */
  public @Nullable String date(String field) {
    Cell cell = cell(field);
    if (cell != null
        && cell.getCellType() == CellType.NUMERIC
        && DateUtil.isCellDateFormatted(cell)) {
      return cell.getLocalDateTimeCellValue().toLocalDate().toString();
    }
    String value = string(field);
    if (value == null) {
      return null;
    }
    for (DateTimeFormatter format : List.of(SLASHED, DOTTED)) {
      try {
        return LocalDate.parse(value, format).toString();
      } catch (DateTimeParseException e) {
        // not this form: the rules judge the text as it is
      }
    }
    return value;
  }

  /** Yes or no: the given words, or y/yes/true/1 and n/no/false/0. */
  public @Nullable Boolean bool(String field, String yes, String no) {
    String value = string(field);
    if (value == null) {
      return null;
    }
    String v = value.toLowerCase(Locale.ROOT);
    if (v.equals(yes) || YES.contains(v)) {
      return true;
    }
    if (v.equals(no) || NO.contains(v)) {
      return false;
    }
    error(field, "boolean");
    return null;
  }

  /** The non-blank items of a cell split on the separators (a regular expression). */
  public @Nullable List<String> list(String field, String separators) {
    String value = string(field);
    if (value == null) {
      return null;
    }
    return Arrays.stream(value.split(separators)).filter(s -> !s.isBlank()).toList();
  }

  private @Nullable Cell cell(String field) {
    Integer index = columns.get(field);
    return index == null ? null : row.getCell(index);
  }

  private void error(String field, String kind) {
    errors.add(new FieldError(field, valueKeys + kind));
  }
}

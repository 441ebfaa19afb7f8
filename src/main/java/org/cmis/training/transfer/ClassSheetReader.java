package org.cmis.training.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cmis.shared.FieldError;
import org.cmis.training.Audience;
import org.cmis.training.catalog.ClassInput;
import org.cmis.training.catalog.TrainingClass;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded .xlsx of classes: the first sheet, columns found by their header texts, one
 * {@link ClassInput} per non-blank data row. Values that cannot be read (a word in a number column)
 * are row errors; everything else is left to the class rules of ClassService.
 */
@Component
class ClassSheetReader {

  /** A file that cannot be imported at all; the message is a key of the imports bundle. */
  static final class UnreadableFile extends Exception {
    private final transient Object[] args;

    UnreadableFile(String key, Object... args) {
      super(key, null, false, false);
      this.args = args;
    }

    Object[] args() {
      return args;
    }
  }

  /** One data row: its row number in Excel (the header is row 1), the input and read errors. */
  record ParsedRow(int rowNumber, String name, ClassInput input, List<FieldError> errors) {}

  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
  private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("yyyy.M.d");
  private static final String SEPARATORS = "[、,，;；\\s]+";

  private final MessageSource messages;

  ClassSheetReader(MessageSource messages) {
    this.messages = messages;
  }

  List<ParsedRow> read(InputStream in) throws UnreadableFile {
    XSSFWorkbook workbook;
    try {
      workbook = new XSSFWorkbook(in);
    } catch (IOException | RuntimeException e) {
      // POI answers a file that is not an Office Open XML workbook with one of many exceptions.
      throw new UnreadableFile("transfer.file.unreadable");
    }
    try (workbook) {
      if (workbook.getNumberOfSheets() == 0) {
        throw new UnreadableFile("transfer.file.noHeader");
      }
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      int first = sheet.getFirstRowNum();
      Row header = first < 0 ? null : sheet.getRow(first);
      if (header == null) {
        throw new UnreadableFile("transfer.file.noHeader");
      }
      Map<String, Integer> columns = columns(header, formatter);
      List<String> missing = new ArrayList<>();
      for (String field : ClassColumns.REQUIRED) {
        if (!columns.containsKey(field)) {
          missing.add(text("transfer.column." + field));
        }
      }
      if (!missing.isEmpty()) {
        throw new UnreadableFile(
            "transfer.file.missingColumns", String.join(text("transfer.separator"), missing));
      }
      List<ParsedRow> rows = new ArrayList<>();
      for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null || blank(row, columns, formatter)) {
          continue;
        }
        if (rows.size() == ClassColumns.MAX_ROWS) {
          throw new UnreadableFile(
              "transfer.file.tooMany", Integer.toString(ClassColumns.MAX_ROWS));
        }
        rows.add(new RowReader(row, columns, formatter).read());
      }
      if (rows.isEmpty()) {
        throw new UnreadableFile("transfer.file.empty");
      }
      return rows;
    } catch (IOException e) {
      throw new UnreadableFile("transfer.file.unreadable");
    }
  }

  /** The column index of each known field, found by its header text (or its field name). */
  private Map<String, Integer> columns(Row header, DataFormatter formatter) {
    Map<String, Integer> columns = new HashMap<>();
    Map<String, String> fieldsByHeader = new HashMap<>();
    for (String field : ClassColumns.IMPORT) {
      fieldsByHeader.put(normal(text("transfer.column." + field)), field);
      fieldsByHeader.put(normal(field), field);
    }
    for (Cell cell : header) {
      String field = fieldsByHeader.get(normal(formatter.formatCellValue(cell)));
      if (field != null) {
        columns.putIfAbsent(field, cell.getColumnIndex());
      }
    }
    return columns;
  }

  /** A header as compared: no spaces, no required star, lower case. */
  private static String normal(String header) {
    return header.replaceAll("[\\s*＊]", "").toLowerCase(Locale.ROOT);
  }

  private static boolean blank(Row row, Map<String, Integer> columns, DataFormatter formatter) {
    for (int index : columns.values()) {
      Cell cell = row.getCell(index);
      if (cell != null && !formatter.formatCellValue(cell).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Reads the fields of one row, noting each value that cannot be read. */
  private final class RowReader {
    private final Row row;
    private final Map<String, Integer> columns;
    private final DataFormatter formatter;
    private final List<FieldError> errors = new ArrayList<>();

    RowReader(Row row, Map<String, Integer> columns, DataFormatter formatter) {
      this.row = row;
      this.columns = columns;
      this.formatter = formatter;
    }

    ParsedRow read() {
      String name = string("name");
      ClassInput input =
          new ClassInput(
              string("code"),
              name,
              integer("year"),
              codes("audiences", Audience.values(), "transfer.audience."),
              code("restriction", TrainingClass.Restriction.values(), "transfer.restriction."),
              list("restrictedFirms"),
              code("mode", TrainingClass.ClassMode.values(), "transfer.mode."),
              string("location"),
              string("teachers"),
              string("description"),
              decimal("hours"),
              decimal("ethicsHours"),
              decimal("fee"),
              date("registrationStart"),
              date("registrationEnd"),
              date("trainingStart"),
              date("trainingEnd"),
              date("cancellationDeadline"),
              integer("capacity"),
              integer("maxRegistrations"),
              code(
                  "confirmationMode",
                  TrainingClass.ConfirmationMode.values(),
                  "transfer.confirmation."),
              bool("waitlistEnabled"),
              bool("external"),
              string("externalUrl"),
              bool("published"));
      return new ParsedRow(row.getRowNum() + 1, name == null ? "" : name, input, errors);
    }

    private @Nullable Cell cell(String field) {
      Integer index = columns.get(field);
      return index == null ? null : row.getCell(index);
    }

    private @Nullable String string(String field) {
      Cell cell = cell(field);
      if (cell == null) {
        return null;
      }
      String value = formatter.formatCellValue(cell).trim();
      return value.isEmpty() ? null : value;
    }

    private @Nullable Integer integer(String field) {
      Cell cell = cell(field);
      if (cell != null && cell.getCellType() == CellType.NUMERIC) {
        double v = cell.getNumericCellValue();
        if (v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE) {
          return (int) v;
        }
        errors.add(new FieldError(field, "transfer.value.integer"));
        return null;
      }
      String value = string(field);
      if (value == null) {
        return null;
      }
      try {
        return Integer.valueOf(value);
      } catch (NumberFormatException e) {
        errors.add(new FieldError(field, "transfer.value.integer"));
        return null;
      }
    }

    private @Nullable BigDecimal decimal(String field) {
      Cell cell = cell(field);
      BigDecimal value = null;
      try {
        if (cell != null && cell.getCellType() == CellType.NUMERIC) {
          value = BigDecimal.valueOf(cell.getNumericCellValue());
        } else {
          String text = string(field);
          value = text == null ? null : new BigDecimal(text);
        }
      } catch (NumberFormatException e) {
        errors.add(new FieldError(field, "transfer.value.number"));
        return null;
      }
      if (value == null) {
        return null;
      }
      value = value.stripTrailingZeros();
      return value.scale() < 0 ? value.setScale(0) : value;
    }

    private @Nullable String date(String field) {
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
          // not this form: the class rules judge the text as it is
        }
      }
      return value;
    }

    private @Nullable Boolean bool(String field) {
      String value = string(field);
      if (value == null) {
        return null;
      }
      String v = value.toLowerCase(Locale.ROOT);
      if (v.equals(text("transfer.yes")) || List.of("y", "yes", "true", "1").contains(v)) {
        return true;
      }
      if (v.equals(text("transfer.no")) || List.of("n", "no", "false", "0").contains(v)) {
        return false;
      }
      errors.add(new FieldError(field, "transfer.value.boolean"));
      return null;
    }

    private @Nullable List<String> list(String field) {
      String value = string(field);
      if (value == null) {
        return null;
      }
      return Arrays.stream(value.split(SEPARATORS)).filter(s -> !s.isBlank()).toList();
    }

    /** A value given by its Chinese name or its code; an unknown one is left to the rules. */
    private <E extends Enum<E>> @Nullable String code(String field, E[] values, String prefix) {
      String value = string(field);
      return value == null ? null : codeOf(value, values, prefix);
    }

    private <E extends Enum<E>> @Nullable List<String> codes(
        String field, E[] values, String prefix) {
      List<String> items = list(field);
      return items == null ? null : items.stream().map(v -> codeOf(v, values, prefix)).toList();
    }

    private <E extends Enum<E>> String codeOf(String value, E[] values, String prefix) {
      Map<String, String> names = new LinkedHashMap<>();
      for (E e : values) {
        names.put(text(prefix + e.name()), e.name());
      }
      return names.getOrDefault(value.trim(), value.trim());
    }
  }

  private String text(String key) {
    return messages.getMessage(key, null, ClassWorkbooks.LOCALE);
  }
}

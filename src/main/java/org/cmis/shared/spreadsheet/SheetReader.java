package org.cmis.shared.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cmis.shared.spreadsheet.UnreadableSheet.Reason;

/**
 * Reads the first sheet of an .xlsx: its columns found by their header texts (or their field names;
 * spaces, required stars and case do not count), one value per non-blank data row.
 *
 * @param headers the header text of each field the import knows, in the columns' order
 * @param required the fields whose columns a file must have
 * @param maxRows the most data rows one file may have
 * @param valueKeys the prefix of the messages of values that cannot be read (see {@link SheetRow})
 */
public record SheetReader(
    Map<String, String> headers, List<String> required, int maxRows, String valueKeys) {

  public SheetReader {
    headers = Map.copyOf(headers);
    required = List.copyOf(required);
  }

  /** The rows, each read by {@code row}; or why the file cannot be read at all. */
  public <T> List<T> read(InputStream in, Function<SheetRow, T> row) throws UnreadableSheet {
    XSSFWorkbook workbook;
    try {
      workbook = new XSSFWorkbook(in);
    } catch (IOException | RuntimeException e) {
      // POI answers a file that is not an Office Open XML workbook with one of many exceptions.
      throw new UnreadableSheet(Reason.UNREADABLE);
    }
    try (workbook) {
      if (workbook.getNumberOfSheets() == 0) {
        throw new UnreadableSheet(Reason.NO_HEADER);
      }
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      int first = sheet.getFirstRowNum();
      Row header = first < 0 ? null : sheet.getRow(first);
      if (header == null) {
        throw new UnreadableSheet(Reason.NO_HEADER);
      }
      Map<String, Integer> columns = columns(header, formatter);
      List<String> missing = required.stream().filter(f -> !columns.containsKey(f)).toList();
      if (!missing.isEmpty()) {
        throw new UnreadableSheet(Reason.MISSING_COLUMNS, missing);
      }
      List<T> rows = new ArrayList<>();
      for (int r = first + 1; r <= sheet.getLastRowNum(); r++) {
        Row data = sheet.getRow(r);
        if (data == null || blank(data, columns, formatter)) {
          continue;
        }
        if (rows.size() == maxRows) {
          throw new UnreadableSheet(Reason.TOO_MANY_ROWS);
        }
        rows.add(row.apply(new SheetRow(data, columns, formatter, valueKeys)));
      }
      if (rows.isEmpty()) {
        throw new UnreadableSheet(Reason.EMPTY);
      }
      return rows;
    } catch (IOException e) {
      throw new UnreadableSheet(Reason.UNREADABLE);
    }
  }

  /** The column index of each known field, found by its header text (or its field name). */
  private Map<String, Integer> columns(Row header, DataFormatter formatter) {
    Map<String, Integer> columns = new HashMap<>();
    Map<String, String> fieldsByHeader = new HashMap<>();
    headers.forEach(
        (field, text) -> {
          fieldsByHeader.put(normal(text), field);
          fieldsByHeader.put(normal(field), field);
        });
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
}

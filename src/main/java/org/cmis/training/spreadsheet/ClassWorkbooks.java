package org.cmis.training.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cmis.training.Audience;
import org.cmis.training.catalog.ClassListItem;
import org.cmis.training.catalog.TrainingClass;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Writes the class list export and the import template as .xlsx (F3.7). */
@Component
class ClassWorkbooks {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

  private final MessageSource messages;

  ClassWorkbooks(MessageSource messages) {
    this.messages = messages;
  }

  /** The classes as listed, one row each, under the header row of {@link ClassColumns#EXPORT}. */
  byte[] export(List<ClassListItem> items) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    try {
      Sheet sheet = workbook.createSheet(text("transfer.export.sheet"));
      header(workbook, sheet, ClassColumns.EXPORT, false);
      int n = 0;
      for (ClassListItem item : items) {
        TrainingClass c = item.trainingClass();
        Row row = sheet.createRow(++n);
        int col = 0;
        row.createCell(col++).setCellValue(c.code());
        row.createCell(col++).setCellValue(c.name());
        row.createCell(col++).setCellValue(c.year());
        row.createCell(col++).setCellValue(audiences(c.audiences()));
        row.createCell(col++).setCellValue(text("transfer.mode." + c.mode().name()));
        row.createCell(col++).setCellValue(c.location());
        number(row.createCell(col++), c.hours());
        number(row.createCell(col++), c.ethicsHours());
        row.createCell(col++).setCellValue(date(c.registrationStart()));
        row.createCell(col++).setCellValue(date(c.registrationEnd()));
        row.createCell(col++).setCellValue(date(c.trainingStart()));
        row.createCell(col++).setCellValue(date(c.trainingEnd()));
        row.createCell(col++).setCellValue(date(c.cancellationDeadline()));
        row.createCell(col++).setCellValue(c.capacity());
        row.createCell(col++).setCellValue(c.maxRegistrations());
        row.createCell(col++).setCellValue(c.registeredCount());
        row.createCell(col++).setCellValue(c.confirmedCount());
        row.createCell(col).setCellValue(text("transfer.status." + item.status().name()));
      }
      return bytes(workbook);
    } finally {
      workbook.dispose();
      close(workbook);
    }
  }

  /**
   * The import template: a sheet with the header row of the writable columns (required ones in
   * red), and a sheet that explains every column with an example value.
   */
  byte[] template(LocalDate today) {
    XSSFWorkbook workbook = new XSSFWorkbook();
    try {
      Sheet sheet = workbook.createSheet(text("transfer.template.sheet"));
      header(workbook, sheet, ClassColumns.IMPORT, true);
      LocalDate rs = today.plusDays(7);
      List<String> examples =
          List.of(
              text("transfer.template.example.code"),
              text("transfer.template.example.name"),
              Integer.toString(rs.plusDays(20).getYear()),
              text("transfer.audience.PRACTISING_CPA")
                  + text("transfer.separator")
                  + text("transfer.audience.NON_PRACTISING"),
              text("transfer.restriction.NONE"),
              "44030001" + text("transfer.separator") + "44030002",
              text("transfer.mode.ON_SITE"),
              text("transfer.template.example.location"),
              text("transfer.template.example.teachers"),
              text("transfer.template.example.description"),
              "8",
              "2",
              "0",
              date(rs),
              date(rs.plusDays(10)),
              date(rs.plusDays(20)),
              date(rs.plusDays(20)),
              date(rs.plusDays(19)),
              "200",
              "220",
              text("transfer.confirmation.MANUAL"),
              text("transfer.no"),
              text("transfer.no"),
              "https://www.snai.edu/",
              text("transfer.no"));
      Sheet help = workbook.createSheet(text("transfer.template.helpSheet"));
      Row helpHead = help.createRow(0);
      helpHead.createCell(0).setCellValue(text("transfer.template.helpColumn"));
      helpHead.createCell(1).setCellValue(text("transfer.template.helpRequired"));
      helpHead.createCell(2).setCellValue(text("transfer.template.helpText"));
      helpHead.createCell(3).setCellValue(text("transfer.template.helpExample"));
      help.setColumnWidth(0, 22 * 256);
      help.setColumnWidth(1, 10 * 256);
      help.setColumnWidth(2, 80 * 256);
      help.setColumnWidth(3, 40 * 256);
      int n = 0;
      for (String field : ClassColumns.IMPORT) {
        Row row = help.createRow(++n);
        row.createCell(0).setCellValue(column(field));
        row.createCell(1)
            .setCellValue(
                text(ClassColumns.REQUIRED.contains(field) ? "transfer.yes" : "transfer.no"));
        row.createCell(2).setCellValue(text("transfer.help." + field));
        row.createCell(3).setCellValue(examples.get(n - 1));
      }
      return bytes(workbook);
    } finally {
      close(workbook);
    }
  }

  /** The header text of a column. */
  String column(String field) {
    return text("transfer.column." + field);
  }

  /** The download name, e.g. "培训班列表-2026-05-01.xlsx". */
  String filename(String key, LocalDate today) {
    return messages
            .getMessage(key, new Object[] {today.toString()}, LOCALE)
            .replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_")
        + ".xlsx";
  }

  private void header(Workbook workbook, Sheet sheet, List<String> fields, boolean markRequired) {
    Font bold = workbook.createFont();
    bold.setBold(true);
    CellStyle style = workbook.createCellStyle();
    style.setFont(bold);
    Font red = workbook.createFont();
    red.setBold(true);
    red.setColor(IndexedColors.RED.getIndex());
    CellStyle required = workbook.createCellStyle();
    required.setFont(red);
    Row head = sheet.createRow(0);
    for (int i = 0; i < fields.size(); i++) {
      Cell cell = head.createCell(i);
      String field = fields.get(i);
      cell.setCellValue(column(field));
      boolean isRequired = markRequired && ClassColumns.REQUIRED.contains(field);
      cell.setCellStyle(isRequired ? required : style);
      sheet.setColumnWidth(
          i, (field.equals("name") ? 40 : field.equals("location") ? 30 : 14) * 256);
    }
    sheet.createFreezePane(0, 1);
  }

  private String audiences(List<Audience> audiences) {
    return String.join(
        text("transfer.separator"),
        audiences.stream().map(a -> text("transfer.audience." + a.name())).toList());
  }

  private static void number(Cell cell, BigDecimal value) {
    cell.setCellValue(value.doubleValue());
  }

  private static String date(LocalDate date) {
    return date.toString();
  }

  private static byte[] bytes(Workbook workbook) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void close(Workbook workbook) {
    try {
      workbook.close();
    } catch (IOException ignored) {
      // The bytes are written; nothing is left to release.
    }
  }

  private String text(String key) {
    return messages.getMessage(key, null, LOCALE);
  }
}

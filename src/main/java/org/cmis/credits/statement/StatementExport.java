package org.cmis.credits.statement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.cmis.credits.Statement;
import org.cmis.shared.spreadsheet.HeadedSheet;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The Excel files of the hours lists (F5.4, F5.6): 注册会计师培训情况 (the filtered list, one row per
 * person, by member number) and the year-end shortfall report (the members short for the year,
 * grouped by firm, with a summary sheet of short people per firm). Streamed through POI's SXSSF (a
 * window of rows in memory), so that an institute's tens of thousands of rows stay cheap. The texts
 * are always Chinese, like the registrations export: the files are official lists.
 */
@Component
class StatementExport {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

  private static final List<String> PEOPLE =
      List.of(
          "index",
          "memberNo",
          "name",
          "firmNo",
          "firmName",
          "category",
          "required",
          "completed",
          "ethicsRequired",
          "ethics",
          "state");
  private static final int[] PEOPLE_WIDTHS = {6, 16, 12, 12, 36, 14, 12, 12, 16, 16, 10};
  private static final List<String> SHORTFALL =
      List.of(
          "firmNo",
          "firmName",
          "memberNo",
          "name",
          "category",
          "required",
          "completed",
          "shortfall",
          "ethicsRequired",
          "ethics",
          "ethicsShortfall");
  private static final int[] SHORTFALL_WIDTHS = {12, 36, 16, 12, 14, 12, 12, 10, 16, 16, 16};

  private final MessageSource messages;
  private final Clock clock;
  private final Map<String, String> texts = new java.util.concurrent.ConcurrentHashMap<>();

  StatementExport(MessageSource messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  ResponseEntity<byte[]> people(int year, List<Statement> list, Map<String, String> firmNames) {
    byte[] bytes =
        write(
            workbook -> {
              Sheet sheet = sheet(workbook, "statement.export.sheet.people", PEOPLE, PEOPLE_WIDTHS);
              int n = 0;
              for (Statement s : list) {
                n++;
                Row row = sheet.createRow(n);
                row.createCell(0).setCellValue(n);
                row.createCell(1).setCellValue(s.memberNo());
                row.createCell(2).setCellValue(s.name());
                row.createCell(3).setCellValue(s.firmNo() == null ? "" : s.firmNo());
                row.createCell(4).setCellValue(firmName(s, firmNames));
                row.createCell(5).setCellValue(text("compliance.category." + s.memberCategory()));
                number(row, 6, s.requiredHours());
                number(row, 7, s.completedHours());
                number(row, 8, s.requiredEthicsHours());
                number(row, 9, s.ethicsHours());
                row.createCell(10)
                    .setCellValue(
                        text(
                            s.compliant() ? "statement.hours.compliant" : "statement.hours.short"));
              }
            });
    return download(bytes, "statement.export.filename.people", year);
  }

  ResponseEntity<byte[]> shortfall(int year, List<Statement> list, Map<String, String> firmNames) {
    List<Statement> sorted = new ArrayList<>(list);
    // By firm (members without a firm last), then member number.
    sorted.sort(
        Comparator.comparing((Statement s) -> s.firmNo() == null ? "\uffff" : s.firmNo())
            .thenComparing(Statement::memberNo));
    byte[] bytes =
        write(
            workbook -> {
              Sheet sheet =
                  sheet(workbook, "statement.export.sheet.shortfall", SHORTFALL, SHORTFALL_WIDTHS);
              Map<String, Integer> perFirm = new LinkedHashMap<>();
              int n = 0;
              for (Statement s : sorted) {
                n++;
                Row row = sheet.createRow(n);
                String firmNo = s.firmNo() == null ? "" : s.firmNo();
                row.createCell(0).setCellValue(firmNo);
                row.createCell(1).setCellValue(firmName(s, firmNames));
                row.createCell(2).setCellValue(s.memberNo());
                row.createCell(3).setCellValue(s.name());
                row.createCell(4).setCellValue(text("compliance.category." + s.memberCategory()));
                number(row, 5, s.requiredHours());
                number(row, 6, s.completedHours());
                number(row, 7, s.shortfall());
                number(row, 8, s.requiredEthicsHours());
                number(row, 9, s.ethicsHours());
                number(row, 10, s.ethicsShortfall());
                perFirm.merge(firmNo, 1, Integer::sum);
              }
              Sheet summary =
                  sheet(
                      workbook,
                      "statement.export.sheet.shortfallByFirm",
                      List.of("firmNo", "firmName", "shortCount"),
                      new int[] {12, 36, 12});
              int r = 0;
              for (Map.Entry<String, Integer> e : perFirm.entrySet()) {
                r++;
                Row row = summary.createRow(r);
                row.createCell(0).setCellValue(e.getKey());
                row.createCell(1)
                    .setCellValue(
                        e.getKey().isEmpty()
                            ? text("statement.export.noFirm")
                            : firmNames.getOrDefault(e.getKey(), e.getKey()));
                row.createCell(2).setCellValue(e.getValue());
              }
            });
    return download(bytes, "statement.export.filename.shortfall", year);
  }

  private String firmName(Statement s, Map<String, String> firmNames) {
    return s.firmNo() == null
        ? text("statement.export.noFirm")
        : firmNames.getOrDefault(s.firmNo(), s.firmNo());
  }

  private Sheet sheet(SXSSFWorkbook workbook, String titleKey, List<String> columns, int[] widths) {
    return HeadedSheet.create(
        workbook,
        text(titleKey),
        columns.stream().map(c -> text("statement.export.column." + c)).toList(),
        widths);
  }

  private static void number(Row row, int column, BigDecimal value) {
    row.createCell(column).setCellValue(value.doubleValue());
  }

  private interface Filler {
    void fill(SXSSFWorkbook workbook);
  }

  private static byte[] write(Filler filler) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    try {
      filler.fill(workbook);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      workbook.dispose();
      try {
        workbook.close();
      } catch (IOException ignored) {
        // The bytes are written; a temporary file left behind is removed by the OS.
      }
    }
  }

  private ResponseEntity<byte[]> download(byte[] bytes, String filenameKey, int year) {
    String name =
        messages.getMessage(
            filenameKey,
            new Object[] {String.valueOf(year), LocalDate.now(clock).toString()},
            LOCALE);
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name + ".xlsx", StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(bytes);
  }

  /** The Chinese text of a key, looked up once per key (an export asks the same few per row). */
  private String text(String key) {
    return texts.computeIfAbsent(key, k -> messages.getMessage(k, null, k, LOCALE));
  }
}

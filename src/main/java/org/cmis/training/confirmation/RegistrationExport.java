package org.cmis.training.confirmation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.cmis.membership.MemberProfile;
import org.cmis.shared.spreadsheet.HeadedSheet;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.TrainingClass;
import org.cmis.training.registration.Registration;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The Excel file of a class's registrations (F4.7; API.md): the seed's columns, the status and the
 * firm, one row per registration in registration order. The texts are always Chinese: the file is
 * the institute's official list, and API clients rely on its header row.
 */
@Component
class RegistrationExport {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final List<String> COLUMNS =
      List.of(
          "index",
          "memberNo",
          "name",
          "gender",
          "position",
          "mobile",
          "email",
          "firm",
          "status",
          "registeredAt");

  /** Column widths in characters (a Chinese character counts two). */
  private static final int[] WIDTHS = {6, 16, 14, 6, 14, 14, 30, 40, 14, 18};

  private final MessageSource messages;
  private final Clock clock;

  RegistrationExport(MessageSource messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  /** The file as a download. */
  ResponseEntity<byte[]> download(Roster.Listing listing, @Nullable RegistrationStatus status) {
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(filename(listing.trainingClass(), status), StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(workbook(listing.entries()));
  }

  byte[] workbook(List<Roster.Entry> entries) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    try {
      Sheet sheet =
          HeadedSheet.create(
              workbook,
              text("confirmation.export.sheet"),
              COLUMNS.stream().map(c -> text("confirmation.export.column." + c)).toList(),
              WIDTHS);
      int n = 0;
      for (Roster.Entry e : entries) {
        n++;
        Registration r = e.registration();
        MemberProfile p = e.profile();
        Row row = sheet.createRow(n);
        row.createCell(0).setCellValue(n);
        row.createCell(1).setCellValue(r.memberNo());
        row.createCell(2).setCellValue(r.name());
        row.createCell(3).setCellValue(p == null ? "" : gender(p.gender()));
        row.createCell(4).setCellValue(p == null ? "" : p.position());
        row.createCell(5).setCellValue(r.mobile());
        row.createCell(6).setCellValue(r.email());
        row.createCell(7).setCellValue(e.firmName());
        row.createCell(8).setCellValue(text("confirmation.status." + r.status().name()));
        row.createCell(9).setCellValue(TIME.format(r.registeredAt()));
      }
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

  /** E.g. "财务报告培训班-待确认报名名单-2026-05-01.xlsx"; characters unsafe in file names replaced. */
  String filename(TrainingClass c, @Nullable RegistrationStatus status) {
    String kind =
        status == null
            ? text("confirmation.export.all")
            : text("confirmation.status." + status.name());
    String name =
        messages.getMessage(
            "confirmation.export.filename",
            new Object[] {c.name(), kind, LocalDate.now(clock).toString()},
            LOCALE);
    return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + ".xlsx";
  }

  private String gender(String code) {
    return switch (code) {
      case "M" -> text("confirmation.gender.M");
      case "F" -> text("confirmation.gender.F");
      default -> code;
    };
  }

  private String text(String key) {
    return messages.getMessage(key, null, LOCALE);
  }
}

package org.cmis.credits.statement;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cmis.credits.Statement;
import org.cmis.membership.ScopedMember;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The Excel files of the hours lists (F5.4, F5.6): 注册会计师培训情况 (the filtered list, one row per
 * person, by member number) and the year-end shortfall report (the members short for the year,
 * grouped by firm, with a summary sheet of short people per firm). The sheet XML is written
 * directly ({@link XlsxSheets}), so that an institute's tens of thousands of rows stay cheap. The
 * texts are always Chinese, like the registrations export: the files are official lists.
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
    XlsxSheets book = new XlsxSheets();
    sheet(book, "statement.export.sheet.people", PEOPLE, PEOPLE_WIDTHS);
    int n = 0;
    for (Statement s : list) {
      n++;
      book.row()
          .number(n)
          .text(s.memberNo())
          .text(s.name())
          .repeated(s.firmNo() == null ? "" : s.firmNo())
          .repeated(firmName(s.firmNo(), firmNames))
          .repeated(text("compliance.category." + s.memberCategory()))
          .number(s.requiredHours())
          .number(s.completedHours())
          .number(s.requiredEthicsHours())
          .number(s.ethicsHours())
          .repeated(text(s.compliant() ? "statement.hours.compliant" : "statement.hours.short"));
    }
    return download(book.finish(), "statement.export.filename.people", year);
  }

  ResponseEntity<byte[]> shortfall(
      int year, List<CountedHours.Figures> list, Map<String, String> firmNames) {
    List<CountedHours.Figures> sorted = new ArrayList<>(list);
    // By firm (members without a firm last), then member number.
    sorted.sort(
        Comparator.comparing(
                (CountedHours.Figures f) ->
                    f.member().firmNo() == null ? "\uffff" : f.member().firmNo())
            .thenComparing(f -> f.member().memberNo()));
    XlsxSheets book = new XlsxSheets();
    sheet(book, "statement.export.sheet.shortfall", SHORTFALL, SHORTFALL_WIDTHS);
    Map<String, Integer> perFirm = new LinkedHashMap<>();
    for (CountedHours.Figures f : sorted) {
      ScopedMember m = f.member();
      String firmNo = m.firmNo() == null ? "" : m.firmNo();
      book.row()
          .repeated(firmNo)
          .repeated(firmName(m.firmNo(), firmNames))
          .text(m.memberNo())
          .text(m.name())
          .repeated(text("compliance.category." + m.category()))
          .number(f.requiredHours())
          .number(f.completedHours())
          .number(f.shortfall())
          .number(f.requiredEthicsHours())
          .number(f.ethicsHours())
          .number(f.ethicsShortfall());
      perFirm.merge(firmNo, 1, Integer::sum);
    }
    sheet(
        book,
        "statement.export.sheet.shortfallByFirm",
        List.of("firmNo", "firmName", "shortCount"),
        new int[] {12, 36, 12});
    for (Map.Entry<String, Integer> e : perFirm.entrySet()) {
      book.row()
          .text(e.getKey())
          .text(
              e.getKey().isEmpty()
                  ? text("statement.export.noFirm")
                  : firmNames.getOrDefault(e.getKey(), e.getKey()))
          .number(e.getValue());
    }
    return download(book.finish(), "statement.export.filename.shortfall", year);
  }

  private String firmName(@Nullable String firmNo, Map<String, String> firmNames) {
    return firmNo == null
        ? text("statement.export.noFirm")
        : firmNames.getOrDefault(firmNo, firmNo);
  }

  private void sheet(XlsxSheets book, String titleKey, List<String> columns, int[] widths) {
    book.sheet(
        text(titleKey),
        columns.stream().map(c -> text("statement.export.column." + c)).toList(),
        widths);
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

package org.cmis.credits.external;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cmis.credits.HourCategory;
import org.cmis.credits.HourSource;
import org.cmis.credits.ledger.Ledger;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.Role;
import org.cmis.shared.spreadsheet.HeadedSheet;
import org.cmis.shared.spreadsheet.SheetReader;
import org.cmis.shared.spreadsheet.SheetRow;
import org.cmis.shared.spreadsheet.UnreadableSheet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import of external hours (F5.8, ISSUE 14; ADR 0032): staff upload a workbook of the
 * template's columns (注册会计师编号, 姓名, 获取学时, 其中职业道德学时, 类别, 来源, 日期, 备注); every row is checked first (a
 * member of the staff's institute whose name matches, hours a multiple of 0.5 within 0.5–200,
 * ethics within them, a source, a date) and when any row is wrong nothing is written. Then, in one
 * transaction, each row is kept once per member, source and date ({@code external_hour}) and posted
 * through the {@link Ledger} as an EXTERNAL entry of source IMPORT: importing the same file again
 * posts nothing new.
 */
@Service
public class ExternalHours {

  static final int MAX_ROWS = 5000;
  static final List<String> FIELDS =
      List.of("memberNo", "name", "hours", "ethicsHours", "kind", "source", "date", "note");
  static final Map<String, String> HEADERS = new LinkedHashMap<>();

  static {
    HEADERS.put("memberNo", "注册会计师编号");
    HEADERS.put("name", "姓名");
    HEADERS.put("hours", "获取学时");
    HEADERS.put("ethicsHours", "其中职业道德学时");
    HEADERS.put("kind", "类别");
    HEADERS.put("source", "来源");
    HEADERS.put("date", "日期");
    HEADERS.put("note", "备注");
  }

  private static final SheetReader READER =
      new SheetReader(
          HEADERS,
          List.of("memberNo", "name", "hours", "source", "date"),
          MAX_ROWS,
          "external.value.");
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal MAX = new BigDecimal("200");

  private final JdbcClient jdbc;
  private final MemberDirectory members;
  private final Ledger ledger;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ExternalHours(
      JdbcClient jdbc,
      MemberDirectory members,
      Ledger ledger,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.members = members;
    this.ledger = ledger;
    this.events = events;
    this.clock = clock;
  }

  /** One row as read, before its checks. */
  record Line(
      int number,
      @Nullable String memberNo,
      @Nullable String name,
      @Nullable BigDecimal hours,
      @Nullable BigDecimal ethicsHours,
      @Nullable String kind,
      @Nullable String source,
      @Nullable String date,
      @Nullable String note,
      List<FieldError> readErrors) {}

  /** What became of a row. */
  public enum Outcome {
    IMPORTED,
    SKIPPED,
    ERROR
  }

  /** A row's outcome, with its errors (message keys, with an argument for some). */
  public record RowResult(
      int row, String memberNo, String name, Outcome outcome, List<FieldError> errors) {}

  /** The whole report: each row, and whether the file was imported. */
  public record Report(List<RowResult> rows, boolean imported) {

    public long count(Outcome o) {
      return rows.stream().filter(r -> r.outcome() == o).count();
    }

    public long importedCount() {
      return count(Outcome.IMPORTED);
    }

    public long skippedCount() {
      return count(Outcome.SKIPPED);
    }

    public long failedCount() {
      return count(Outcome.ERROR);
    }
  }

  /** A file that cannot be read at all (not a workbook, no header, wrong columns, no rows). */
  public static final class BadFile extends RuntimeException {
    BadFile(String key) {
      super(key, null, false, false);
    }
  }

  /** Imports a workbook's rows all or nothing; answers the row-by-row report. */
  @Transactional
  public Report importFile(CurrentUser staff, byte[] xlsx, String address) {
    if (!staff.is(Role.STAFF)) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    List<Line> lines;
    try {
      lines = READER.read(new ByteArrayInputStream(xlsx), ExternalHours::line);
    } catch (UnreadableSheet e) {
      throw new BadFile(
          switch (e.reason()) {
            case UNREADABLE -> "external.error.unreadable";
            case NO_HEADER, MISSING_COLUMNS -> "external.error.header";
            case TOO_MANY_ROWS -> "external.error.tooMany";
            case EMPTY -> "external.error.empty";
          });
    }
    Set<String> nos = new HashSet<>();
    lines.forEach(l -> nos.add(l.memberNo() == null ? "" : l.memberNo()));
    Map<String, MemberProfile> found = members.profiles(nos);
    LocalDate today = LocalDate.now(clock);
    List<RowResult> results = new ArrayList<>();
    Map<String, Integer> keys = new HashMap<>();
    List<Checked> checked = new ArrayList<>();
    for (Line l : lines) {
      List<FieldError> errors = new ArrayList<>(l.readErrors());
      Checked c = check(l, staff, found, today, errors);
      if (c != null) {
        Integer earlier = keys.putIfAbsent(c.key(), l.number());
        if (earlier != null) {
          errors.add(new FieldError("date", "external.error.duplicateRow:" + earlier));
        }
      }
      results.add(
          new RowResult(
              l.number(),
              orEmpty(l.memberNo()),
              orEmpty(l.name()),
              errors.isEmpty() ? Outcome.IMPORTED : Outcome.ERROR,
              List.copyOf(errors)));
      if (c != null && errors.isEmpty()) {
        checked.add(c);
      }
    }
    if (results.stream().anyMatch(r -> r.outcome() == Outcome.ERROR)) {
      return new Report(results, false);
    }
    List<RowResult> done = new ArrayList<>();
    int imported = 0;
    for (int i = 0; i < checked.size(); i++) {
      Checked c = checked.get(i);
      RowResult r = results.get(i);
      Long id =
          jdbc.sql(
                  "insert into external_hour (member_no, source, entry_date, hours, ethics_hours,"
                      + " kind, note, imported_by) values (:m, :s, :d, :h, :e, :k, :n, :by)"
                      + " on conflict (member_no, source, entry_date) do nothing returning id")
              .param("m", c.memberNo())
              .param("s", c.source())
              .param("d", c.date())
              .param("h", c.hours())
              .param("e", c.ethics())
              .param("k", c.kind())
              .param("n", c.note())
              .param("by", staff.account())
              .query(Long.class)
              .optional()
              .orElse(null);
      if (id == null) {
        done.add(new RowResult(r.row(), r.memberNo(), r.name(), Outcome.SKIPPED, List.of()));
        continue;
      }
      ledger.postOnce(
          new Ledger.Posting(
              c.memberNo(),
              c.date().getYear(),
              c.date(),
              c.hours(),
              c.ethics(),
              HourCategory.EXTERNAL,
              HourSource.IMPORT,
              id,
              note(c),
              staff.account()));
      imported++;
      done.add(r);
    }
    events.publishEvent(
        new AuditEvent(
            staff.account(),
            "EXTERNAL_HOURS_IMPORTED",
            "ExternalHours",
            staff.instituteCode() == null ? "" : staff.instituteCode(),
            address,
            null,
            "{\"rows\": " + done.size() + ", \"imported\": " + imported + "}"));
    return new Report(done, true);
  }

  private record Checked(
      String memberNo,
      BigDecimal hours,
      BigDecimal ethics,
      String kind,
      String source,
      LocalDate date,
      String note) {

    String key() {
      return memberNo + "\u0000" + source + "\u0000" + date;
    }
  }

  private static @Nullable Checked check(
      Line l,
      CurrentUser staff,
      Map<String, MemberProfile> found,
      LocalDate today,
      List<FieldError> errors) {
    MemberProfile m = l.memberNo() == null ? null : found.get(l.memberNo());
    if (m == null || !m.instituteCode().equals(staff.instituteCode())) {
      errors.add(new FieldError("memberNo", "external.error.memberNo"));
    } else if (l.name() == null || !l.name().strip().equals(m.name())) {
      errors.add(new FieldError("name", "external.error.name"));
    }
    BigDecimal h = l.hours();
    if (h == null || h.signum() <= 0 || h.compareTo(MAX) > 0 || !halves(h)) {
      if (l.readErrors().stream().noneMatch(e -> e.field().equals("hours"))) {
        errors.add(new FieldError("hours", "external.error.hours"));
      }
      h = null;
    }
    BigDecimal e = l.ethicsHours() == null ? BigDecimal.ZERO : l.ethicsHours();
    if (e.signum() < 0 || !halves(e) || (h != null && e.compareTo(h) > 0)) {
      errors.add(new FieldError("ethicsHours", "external.error.ethics"));
    }
    String source = l.source() == null ? "" : l.source().strip();
    if (source.isEmpty() || source.length() > 100) {
      errors.add(new FieldError("source", "external.error.source"));
    }
    String kind = l.kind() == null ? "" : l.kind().strip();
    if (kind.length() > 50) {
      errors.add(new FieldError("kind", "external.error.kind"));
    }
    String note = l.note() == null ? "" : l.note().strip();
    if (note.length() > 400) {
      errors.add(new FieldError("note", "external.error.note"));
    }
    LocalDate d = null;
    try {
      d = l.date() == null ? null : LocalDate.parse(l.date());
    } catch (DateTimeParseException x) {
      d = null;
    }
    if (d == null || d.getYear() < 2000 || d.isAfter(today)) {
      errors.add(new FieldError("date", "external.error.date"));
      d = null;
    }
    if (!errors.isEmpty() || m == null || h == null || d == null) {
      return null;
    }
    return new Checked(m.memberNo(), h.setScale(1), e.setScale(1), kind, source, d, note);
  }

  private static String note(Checked c) {
    String n =
        c.source()
            + (c.kind().isEmpty() ? "" : "（" + c.kind() + "）")
            + (c.note().isEmpty() ? "" : "：" + c.note());
    return n.length() > 500 ? n.substring(0, 500) : n;
  }

  private static Line line(SheetRow row) {
    return new Line(
        row.number(),
        row.string("memberNo"),
        row.string("name"),
        row.decimal("hours"),
        row.decimal("ethicsHours"),
        row.string("kind"),
        row.string("source"),
        row.date("date"),
        row.string("note"),
        row.errors());
  }

  /** The template: the header row and one example row. */
  public byte[] template() {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet =
          HeadedSheet.create(
              workbook,
              "外部学时",
              List.copyOf(HEADERS.values()),
              new int[] {18, 10, 10, 16, 12, 24, 12, 30});
      Row example = sheet.createRow(1);
      String[] values = {"440300010001", "张三", "8", "2", "三院培训", "上海国家会计学院", "2026-03-15", ""};
      for (int i = 0; i < values.length; i++) {
        example.createCell(i).setCellValue(values[i]);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean halves(BigDecimal v) {
    return v.multiply(TWO).stripTrailingZeros().scale() <= 0;
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}

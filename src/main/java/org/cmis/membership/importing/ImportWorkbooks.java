package org.cmis.membership.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cmis.shared.FieldError;
import org.cmis.shared.spreadsheet.HeadedSheet;
import org.cmis.shared.spreadsheet.ParsedRow;
import org.cmis.shared.spreadsheet.SheetReader;
import org.cmis.shared.spreadsheet.SheetRow;
import org.cmis.shared.spreadsheet.UnreadableSheet;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded members or firms file with the shared {@link SheetReader} (columns found by
 * their Chinese headers) and writes the import templates (a header row, an example row and a sheet
 * that explains the columns).
 */
@Component
class ImportWorkbooks {

  /** A file that cannot be imported at all, with its Chinese message. */
  static final class UnreadableFile extends Exception {
    UnreadableFile(String message) {
      super(message, null, false, false);
    }
  }

  private static final String VALUE_KEYS = "import.value.";

  List<ParsedRow<MemberRow>> members(InputStream in) throws UnreadableFile {
    return read(ImportKind.MEMBERS, in, ImportWorkbooks::member);
  }

  List<ParsedRow<FirmRow>> firms(InputStream in) throws UnreadableFile {
    return read(ImportKind.FIRMS, in, ImportWorkbooks::firm);
  }

  private static ParsedRow<MemberRow> member(SheetRow r) {
    MemberRow row =
        new MemberRow(
            r.string("memberNo"),
            r.string("name"),
            r.string("gender"),
            r.date("birthDate"),
            r.string("idNumber"),
            r.string("category"),
            r.string("firmNo"),
            r.string("instituteCode"),
            r.string("position"),
            r.string("mobile"),
            r.string("email"),
            r.bool("partner", "是", "否"),
            r.bool("active", "是", "否"));
    return parsed(r, row.memberNo() == null ? "" : row.memberNo(), row);
  }

  private static ParsedRow<FirmRow> firm(SheetRow r) {
    FirmRow row =
        new FirmRow(
            r.string("firmNo"),
            r.string("name"),
            r.string("creditCode"),
            r.string("instituteCode"));
    return parsed(r, row.firmNo() == null ? "" : row.firmNo(), row);
  }

  /** The row with its read errors worded (the reader gives keys). */
  private static <T> ParsedRow<T> parsed(SheetRow r, String label, T value) {
    List<FieldError> errors =
        r.errors().stream()
            .map(
                e ->
                    new FieldError(
                        e.field(), e.message().endsWith("boolean") ? "请填写“是”或“否”" : "取值无法识别"))
            .toList();
    return new ParsedRow<>(r.number(), label, value, errors);
  }

  private static <T> List<ParsedRow<T>> read(
      ImportKind kind, InputStream in, java.util.function.Function<SheetRow, ParsedRow<T>> row)
      throws UnreadableFile {
    SheetReader reader =
        new SheetReader(kind.headers(), kind.required(), ImportKind.MAX_ROWS, VALUE_KEYS);
    try {
      return reader.read(in, row);
    } catch (UnreadableSheet e) {
      throw new UnreadableFile(
          switch (e.reason()) {
            case UNREADABLE -> "无法读取该文件：请上传 .xlsx 格式的 Excel 文件（未损坏、未加密）";
            case NO_HEADER -> "文件第一行应为表头，请使用导入模板";
            case MISSING_COLUMNS ->
                "文件缺少必填列："
                    + String.join("、", e.missing().stream().map(kind::header).toList())
                    + "。请使用导入模板";
            case TOO_MANY_ROWS -> "每次最多导入 " + ImportKind.MAX_ROWS + " 行，请分批导入";
            case EMPTY -> "文件中没有数据：请在表头下方逐行填写";
          });
    }
  }

  /**
   * The template of a kind: the header row, one example row, and a sheet explaining each column.
   */
  byte[] template(ImportKind kind) {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      List<String> titles =
          kind.headers().entrySet().stream()
              .map(e -> (kind.required().contains(e.getKey()) ? "*" : "") + e.getValue())
              .toList();
      int[] widths = titles.stream().mapToInt(t -> Math.max(12, t.length() * 3)).toArray();
      Sheet sheet =
          HeadedSheet.create(workbook, kind == ImportKind.MEMBERS ? "人员" : "事务所", titles, widths);
      List<String> example =
          kind == ImportKind.MEMBERS
              ? List.of(
                  "P00012345",
                  "张三",
                  "男",
                  "1990-05-01",
                  "440305199005010011",
                  "从业人员",
                  "44030001",
                  "SZ",
                  "审计助理",
                  "13800000000",
                  "zhangsan@example.cn",
                  "否",
                  "是")
              : List.of("44030099", "深圳示例会计师事务所（普通合伙）", "", "SZ");
      Row row = sheet.createRow(1);
      for (int i = 0; i < example.size(); i++) {
        row.createCell(i).setCellValue(example.get(i));
      }
      Sheet help = workbook.createSheet("填写说明");
      List<String> notes = notes(kind);
      int n = 0;
      for (String field : kind.headers().keySet()) {
        Row h = help.createRow(n);
        h.createCell(0).setCellValue(kind.header(field));
        h.createCell(1).setCellValue(kind.required().contains(field) ? "必填" : "选填");
        h.createCell(2).setCellValue(notes.get(n));
        n++;
      }
      help.setColumnWidth(0, 16 * 256);
      help.setColumnWidth(2, 90 * 256);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> notes(ImportKind kind) {
    return kind == ImportKind.MEMBERS
        ? List.of(
            "注册会计师：证书编号（12 位数字，或 2 个字母加 9 位数字）；从业人员：P 加 8 位数字。已有的人员按编号更新",
            "最多 50 个字",
            "男 或 女（也可填 M、F）",
            "如 1990-05-01；留空时取身份证号码中的出生日期",
            "18 位，校验位须正确；从业人员的身份证号码在在职从业人员中不能重复",
            "执业注册会计师、非执业会员 或 从业人员",
            "8 位数字；执业注册会计师和从业人员必填，须是已有的事务所；非执业会员不填",
            "协会代码（如 SZ）或名称；留空时取事务所所属的协会（非执业会员：您所在的协会）",
            "最多 20 个字",
            "11 位，以 1 开头",
            "电子邮箱",
            "是 或 否；留空时不变（新人员：否）",
            "是 或 否；留空时不变（新人员：是）")
        : List.of(
            "8 位数字；已有的事务所按编号更新", "最多 200 个字", "18 位，校验位须正确；可留空", "协会代码（如 SZ）或名称；只能导入您所在协会的事务所");
  }
}

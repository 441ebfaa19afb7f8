package org.cmis.membership.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Import files for the tests: a header row of the given texts, then the rows. */
final class Workbooks {

  static final List<String> MEMBER_HEADERS =
      List.of("人员编号", "姓名", "性别", "出生日期", "身份证号码", "人员类别", "事务所编号", "所属协会", "职务", "手机", "电子邮箱");

  static final List<String> FIRM_HEADERS = List.of("事务所编号", "事务所名称", "统一社会信用代码", "所属协会");

  private Workbooks() {}

  static byte[] of(List<String> headers, List<List<String>> rows) {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet("导入");
      Row head = sheet.createRow(0);
      for (int i = 0; i < headers.size(); i++) {
        head.createCell(i).setCellValue(headers.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows.get(r).size(); c++) {
          row.createCell(c).setCellValue(rows.get(r).get(c));
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A members file with a header row and {@code n} rows whose cells are all blank. */
  static byte[] emptyRows(int n) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    try {
      Sheet sheet = workbook.createSheet("导入");
      Row head = sheet.createRow(0);
      for (int i = 0; i < MEMBER_HEADERS.size(); i++) {
        head.createCell(i).setCellValue(MEMBER_HEADERS.get(i));
      }
      for (int r = 1; r <= n; r++) {
        sheet.createRow(r).createCell(0).setCellValue("");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      workbook.dispose();
    }
  }

  /**
   * A ZIP bomb dressed as a workbook: the entries of an .xlsx, the sheet inflating from a few
   * kilobytes to 50 MB.
   */
  static byte[] zipBomb() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
        zip.write(
            ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>")
                .getBytes(StandardCharsets.UTF_8));
        zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
        byte[] spaces = new byte[1024 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        for (int i = 0; i < 50; i++) {
          zip.write(spaces);
        }
        zip.closeEntry();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

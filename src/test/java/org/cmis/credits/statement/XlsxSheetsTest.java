package org.cmis.credits.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The sheet XML written directly reads back in POI as the streaming workbook wrote it: sheets and
 * their names, a bold frozen header, the columns' widths, texts (escaped, spaces kept, characters
 * XML cannot hold left out), repeated texts and numbers.
 */
class XlsxSheetsTest {

  @Test
  void aWorkbookOfTwoSheetsReadsBack() throws IOException {
    byte[] bytes =
        new XlsxSheets()
            .sheet("未完成学时人员", List.of("事务所编号", "姓名", "学时"), new int[] {12, 36, 10})
            .row()
            .repeated("44030001")
            .text("张<三> & \"李\"\u0001")
            .number(new BigDecimal("40.5"))
            .row()
            .repeated("44030001")
            .text(" 前后有空格 ")
            .number(7)
            .sheet("按事务所汇总", List.of("事务所编号", "人数"), new int[] {12, 12})
            .row()
            .repeated("44030001")
            .number(2)
            .finish();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(2);
      XSSFSheet sheet = book.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("未完成学时人员");
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("姓名");
      assertThat(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold())
          .isTrue();
      assertThat(book.getFontAt(sheet.getRow(1).getCell(0).getCellStyle().getFontIndex()).getBold())
          .isFalse();
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(sheet.getColumnWidth(1)).isEqualTo(36 * 256);
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("44030001");
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("张<三> & \"李\"");
      assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(40.5);
      assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo(" 前后有空格 ");
      assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(7);
      assertThat(sheet.getLastRowNum()).isEqualTo(2);
      XSSFSheet summary = book.getSheetAt(1);
      assertThat(summary.getSheetName()).isEqualTo("按事务所汇总");
      assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("44030001");
      assertThat(summary.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2);
    }
  }
}

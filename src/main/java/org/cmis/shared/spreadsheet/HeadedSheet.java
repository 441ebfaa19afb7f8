package org.cmis.shared.spreadsheet;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The start of every exported sheet: a bold header row of the given titles, the columns' widths (in
 * characters) and the header frozen, so that the rows below scroll under it.
 */
public final class HeadedSheet {

  private HeadedSheet() {}

  /** A new sheet of the workbook, named {@code name}, its header row written. */
  public static Sheet create(Workbook workbook, String name, List<String> titles, int[] widths) {
    Sheet sheet = workbook.createSheet(name);
    Font bold = workbook.createFont();
    bold.setBold(true);
    CellStyle header = workbook.createCellStyle();
    header.setFont(bold);
    Row head = sheet.createRow(0);
    for (int i = 0; i < titles.size(); i++) {
      var cell = head.createCell(i);
      cell.setCellValue(titles.get(i));
      cell.setCellStyle(header);
      sheet.setColumnWidth(i, widths[i] * 256);
    }
    sheet.createFreezePane(0, 1);
    return sheet;
  }
}

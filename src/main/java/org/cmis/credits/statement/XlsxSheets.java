package org.cmis.credits.statement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A .xlsx workbook written as its sheet XML directly (SpreadsheetML, the parts Excel, WPS and POI
 * need: content types, relationships, workbook, one style sheet, the sheets), for the hours exports
 * of tens of thousands of rows: POI's streaming workbook spent most of a 50,000-row export's time
 * on cell objects and its temporary file. Each sheet starts like {@link
 * org.cmis.shared.spreadsheet.HeadedSheet}'s: a bold header row, the columns' widths in characters,
 * the header frozen. Cells are inline strings, shared strings (texts that repeat down a sheet) or
 * numbers; rows are written in order, one sheet after the other.
 */
final class XlsxSheets {

  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String PKG_REL =
      "http://schemas.openxmlformats.org/package/2006/relationships";

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
  private final ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8);

  /** The XML not yet encoded: appended to cheaply, written out in large pieces. */
  private final StringBuilder out = new StringBuilder(1 << 16);

  private final List<String> names = new ArrayList<>();
  private final java.util.Map<String, Integer> shared = new java.util.LinkedHashMap<>();
  private final java.util.Map<BigDecimal, String> numbers = new java.util.HashMap<>();
  private int row;
  private int column;
  private boolean inSheet;

  XlsxSheets() {
    // Fast compression: the sheets are very repetitive, and the time is what counts here.
    zip.setLevel(Deflater.BEST_SPEED);
  }

  /** Starts a sheet (ending the one before): its name, header titles and column widths. */
  XlsxSheets sheet(String name, List<String> titles, int[] widths) {
    try {
      endSheet();
      names.add(name);
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + names.size() + ".xml"));
      out.append(
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"");
      out.append(MAIN);
      out.append(
          "\"><sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\""
              + " activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/>"
              + "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>");
      for (int i = 0; i < widths.length; i++) {
        out.append("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\"" + widths[i]);
        out.append("\" customWidth=\"1\"/>");
      }
      out.append("</cols><sheetData>");
      inSheet = true;
      row = 0;
      row();
      for (String title : titles) {
        cell(title, true);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the next row. */
  XlsxSheets row() {
    try {
      if (row > 0) {
        out.append("</row>");
      }
      if (out.length() > 1 << 15) {
        flush();
      }
      row++;
      column = 0;
      out.append("<row r=\"");
      out.append(Integer.toString(row));
      out.append("\">");
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text cell. */
  XlsxSheets text(String value) {
    return cell(value, false);
  }

  /**
   * A text cell whose value repeats down the sheet (a firm's name, a category): written once in the
   * shared strings, referenced by number in each cell.
   */
  XlsxSheets repeated(String value) {
    Integer index = shared.get(value);
    if (index == null) {
      index = shared.size();
      shared.put(value, index);
    }
    reference();
    out.append("\" t=\"s\"><v>").append(index.intValue()).append("</v></c>");
    return this;
  }

  /** A number cell. */
  XlsxSheets number(BigDecimal value) {
    // The hours of a sheet take few distinct values: each written as text once.
    return number(numbers.computeIfAbsent(value, BigDecimal::toPlainString));
  }

  /** A number cell. */
  XlsxSheets number(long value) {
    return number(Long.toString(value));
  }

  private XlsxSheets number(String value) {
    reference();
    out.append("\"><v>").append(value).append("</v></c>");
    return this;
  }

  private XlsxSheets cell(String value, boolean bold) {
    reference();
    out.append(bold ? "\" s=\"1\" t=\"inlineStr\"><is>" : "\" t=\"inlineStr\"><is>");
    openText(value);
    escape(value);
    out.append("</t></is></c>");
    return this;
  }

  /** {@code <t>}, keeping the value's leading or trailing spaces when it has them. */
  private void openText(String value) {
    boolean spaces =
        !value.isEmpty()
            && (Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1)));
    out.append(spaces ? "<t xml:space=\"preserve\">" : "<t>");
  }

  /** {@code <c r="B7} of the next cell. */
  private void reference() {
    out.append("<c r=\"");
    int c = column++;
    if (c >= 26) {
      out.append((char) ('A' + c / 26 - 1));
    }
    out.append((char) ('A' + c % 26));
    out.append(row);
  }

  /** The text escaped for XML; characters XML 1.0 cannot hold are left out. */
  private void escape(String value) {
    int from = 0;
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      String replacement =
          switch (ch) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            default ->
                ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0xFFFE || ch == 0xFFFF
                    ? ""
                    : null;
          };
      if (replacement != null) {
        out.append(value, from, i);
        out.append(replacement);
        from = i + 1;
      }
    }
    out.append(value, from, value.length());
  }

  private void flush() throws IOException {
    // String.getBytes encodes a whole piece at once, much faster than a stream encoder's loop.
    zip.write(out.toString().getBytes(StandardCharsets.UTF_8));
    out.setLength(0);
  }

  private void endSheet() throws IOException {
    if (inSheet) {
      out.append("</row></sheetData></worksheet>");
      flush();
      zip.closeEntry();
      inSheet = false;
    }
  }

  /** The workbook's bytes (ends the last sheet and writes the package's other parts). */
  byte[] finish() {
    try {
      endSheet();
      StringBuilder types =
          new StringBuilder(
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types"
                  + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                  + "<Default Extension=\"rels\""
                  + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                  + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                  + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                  + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                  + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/"
                  + "vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                  + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
                  + "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
      StringBuilder workbook =
          new StringBuilder(
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\""
                  + MAIN
                  + "\" xmlns:r=\""
                  + REL
                  + "\"><sheets>");
      StringBuilder rels =
          new StringBuilder(
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships"
                  + " xmlns=\""
                  + PKG_REL
                  + "\">");
      for (int i = 1; i <= names.size(); i++) {
        types.append("<Override PartName=\"/xl/worksheets/sheet" + i + ".xml\" ContentType=\"");
        types.append("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        types.append("\"/>");
        workbook.append("<sheet name=\"").append(attribute(names.get(i - 1)));
        workbook.append("\" sheetId=\"" + i + "\" r:id=\"rId" + i + "\"/>");
        rels.append("<Relationship Id=\"rId" + i + "\" Type=\"" + REL + "/worksheet\"");
        rels.append(" Target=\"worksheets/sheet" + i + ".xml\"/>");
      }
      types.append("</Types>");
      workbook.append("</sheets></workbook>");
      rels.append("<Relationship Id=\"rId" + (names.size() + 1) + "\" Type=\"" + REL);
      rels.append("/styles\" Target=\"styles.xml\"/>");
      rels.append("<Relationship Id=\"rId" + (names.size() + 2) + "\" Type=\"" + REL);
      rels.append("/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
      part("[Content_Types].xml", types.toString());
      part(
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
              + PKG_REL
              + "\"><Relationship Id=\"rId1\" Type=\""
              + REL
              + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      part("xl/workbook.xml", workbook.toString());
      out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"");
      out.append(MAIN).append("\" count=\"").append(shared.size());
      out.append("\" uniqueCount=\"").append(shared.size()).append("\">");
      for (String value : shared.keySet()) {
        out.append("<si>");
        openText(value);
        escape(value);
        out.append("</t></si>");
      }
      out.append("</sst>");
      part("xl/sharedStrings.xml", "");
      part("xl/_rels/workbook.xml.rels", rels.toString());
      // Two fonts (the default and its bold) and two cell formats (plain, the header's bold).
      part(
          "xl/styles.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\""
              + MAIN
              + "\"><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/>"
              + "<family val=\"2\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/>"
              + "<family val=\"2\"/></font></fonts><fills count=\"2\"><fill><patternFill"
              + " patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/>"
              + "</fill></fills><borders count=\"1\"><border><left/><right/><top/><bottom/>"
              + "<diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\""
              + " fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"2\">"
              + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
              + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
              + " applyFont=\"1\"/></cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\""
              + " xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
      zip.close();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A part of the package: {@code xml} after what {@link #out} holds. */
  private void part(String name, String xml) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    out.append(xml);
    flush();
    zip.closeEntry();
  }

  private static String attribute(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}

package org.cmis.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cmis.shared.FieldError;
import org.junit.jupiter.api.Test;

/** A number cell read from text: its value, or "not a number" for text that is no number. */
class SheetRowTest {

  private static final SheetReader READER =
      new SheetReader(Map.of("hours", "Hours"), List.of("hours"), 10, "test.value.");

  private record Read(BigDecimal value, List<FieldError> errors) {}

  @Test
  void aNumberBombIsNotANumberAndCostsNothing() throws Exception {
    for (String bomb :
        List.of(
            "1e500000000",
            "1E-500000000",
            "-9.9e2147483647",
            "1e101",
            "1" + "0".repeat(100),
            "0." + "0".repeat(99) + "1")) {
      long start = System.nanoTime();
      Read read = readOne(bomb);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(read.value()).as(bomb).isNull();
      assertThat(read.errors())
          .as(bomb)
          .containsExactly(new FieldError("hours", "test.value.number"));
      assertThat(took).as(bomb).isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void numbersWithinTheBoundsAreRead() throws Exception {
    assertThat(readOne("12.50").value()).isEqualByComparingTo("12.5");
    assertThat(readOne("12.50").value().scale()).isEqualTo(1);
    assertThat(readOne("1e100").value()).isEqualByComparingTo(BigDecimal.TEN.pow(100));
    assertThat(readOne("1e100").value().scale()).isZero();
    assertThat(readOne("1e-100").value()).isEqualByComparingTo(BigDecimal.ONE.movePointLeft(100));
    assertThat(readOne("1" + "0".repeat(99)).errors()).isEmpty();
    assertThat(readOne("x").errors()).containsExactly(new FieldError("hours", "test.value.number"));
  }

  private static Read readOne(String text) throws Exception {
    List<Read> rows =
        READER.read(
            new ByteArrayInputStream(workbook(text)),
            row -> new Read(row.decimal("hours"), row.errors()));
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private static byte[] workbook(String text) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet();
      sheet.createRow(0).createCell(0).setCellValue("Hours");
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue(text);
      workbook.write(out);
      return out.toByteArray();
    }
  }
}

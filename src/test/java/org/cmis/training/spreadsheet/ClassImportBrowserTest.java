package org.cmis.training.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** Staff upload a class workbook with a mistake in Chromium and read the row-by-row report. */
@BrowserTest
class ClassImportBrowserTest {

  @Test
  void aFileWithMistakesShowsTheReportAndImportsNothing(Browser browser) throws IOException {
    LocalDate start = LocalDate.now().plusDays(3);
    Path file = Files.createTempFile("classes-", ".xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet("培训班");
      List<List<String>> rows =
          List.of(
              List.of(
                  "培训班名称",
                  "培训对象",
                  "学时",
                  "报名开始日期",
                  "报名结束日期",
                  "培训开始日期",
                  "培训结束日期",
                  "培训人数",
                  "培训班最大报名人数"),
              List.of(
                  "浏览器导入测试：深圳辖区从事证券服务业务会计师事务所质量管理培训班（第二期）",
                  "执业注册会计师",
                  "8",
                  start.toString(),
                  start.plusDays(5).toString(),
                  start.plusDays(10).toString(),
                  start.plusDays(10).toString(),
                  "200",
                  "220"),
              List.of(
                  "浏览器导入测试：“把握可持续信息披露新机遇”专题培训",
                  "注册会计师",
                  "八",
                  start.toString(),
                  start.minusDays(1).toString(),
                  start.plusDays(10).toString(),
                  start.plusDays(10).toString(),
                  "300",
                  "200"));
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          row.createCell(c).setCellValue(rows.get(r).get(c));
        }
      }
      workbook.write(out);
    }
    try {
      browser.signIn("STAFF", "sz-staff", "Demo@2026");
      browser.open("/manage/classes/import");
      assertThat(browser.title()).contains("导入培训班");
      browser.screenshot("class-import");
      browser.driver().findElement(By.id("file")).sendKeys(file.toString());
      browser.submit(By.cssSelector("[data-test=import-submit]"));

      WebElement report = browser.visible(By.cssSelector("[data-test=report-table]"));
      assertThat(browser.text(By.cssSelector("[data-test=report-failed]")))
          .contains("共 2 行，其中 1 行有错误，未导入任何培训班");
      assertThat(report.getText())
          .contains("校验通过", "有错误", "学时：应为数字", "培训对象：取值无效，请填写：执业注册会计师、非执业会员、从业人员");
      assertThat(browser.driver().getPageSource()).doesNotContain("??");
      browser.screenshot("class-import-report");
      ((JavascriptExecutor) browser.driver())
          .executeScript("arguments[0].scrollIntoView()", report);
      browser.screenshot("class-import-report-table");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}

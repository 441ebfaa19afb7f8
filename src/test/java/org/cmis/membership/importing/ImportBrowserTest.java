package org.cmis.membership.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cmis.membership.roster.TestIdNumbers;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestFirms;
import org.cmis.support.TestFirms.Firm;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff import a members file with an error row and read the report; nothing is written. */
@BrowserTest
class ImportBrowserTest {

  @Autowired TestFirms firms;
  @Autowired JdbcClient jdbc;

  @Test
  void staffImportAMembersFileWithAnErrorRowAndSeeTheReport(Browser browser) throws Exception {
    Firm f = firms.aFirm().withCpas(1).create();
    String good = "P" + (60_000_000 + (int) (Math.random() * 30_000_000));
    String bad = "P" + (90_000_000 + (int) (Math.random() * 9_000_000));
    byte[] content =
        Workbooks.of(
            Workbooks.MEMBER_HEADERS,
            List.of(
                List.of(
                    good,
                    "韩梅梅",
                    "女",
                    "",
                    TestIdNumbers.next(false),
                    "从业人员",
                    f.firmNo(),
                    "",
                    "审计助理",
                    "",
                    ""),
                List.of(
                    bad,
                    "李雷",
                    "男",
                    "",
                    TestIdNumbers.next(true),
                    "从业人员",
                    f.firmNo(),
                    "",
                    "",
                    "12345",
                    "")));
    Path file = Files.createTempFile("members-", ".xlsx");
    try {
      Files.write(file, content);
      browser.signIn("STAFF", "sz-staff", "Demo@2026");
      browser.open("/");
      browser.submit(By.linkText("人员导入"));
      assertThat(browser.path()).isEqualTo("/manage/imports");
      browser.driver().findElement(By.id("file-members")).sendKeys(file.toString());
      browser.submit(By.cssSelector("[data-test=apply-members]"));
      assertThat(browser.text(By.cssSelector("[data-test=report-failed]")))
          .contains("共 2 行", "1 行有错误", "未导入");
      assertThat(browser.text(By.cssSelector("[data-test=report-table]")))
          .contains("3", bad, "手机", "11 位");
      browser.screenshot("import-report");
      assertThat(
              jdbc.sql("select count(*) from member where member_no in (:nos)")
                  .param("nos", List.of(good, bad))
                  .query(Long.class)
                  .single())
          .isZero();
    } finally {
      Files.deleteIfExists(file);
    }
  }
}

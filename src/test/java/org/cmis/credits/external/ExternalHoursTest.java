package org.cmis.credits.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The import of external hours (F5.8): a row-by-row report, nothing half-imported, the same file
 * twice posts nothing new, the template, and only staff of the members' institute.
 */
@IntegrationTest
class ExternalHoursTest {

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired TestFirms firms;

  static byte[] workbook(String[][] rows) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("外部学时");
      String[] header = {"注册会计师编号", "姓名", "获取学时", "其中职业道德学时", "类别", "来源", "日期", "备注"};
      Row h = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r + 1);
        for (int i = 0; i < rows[r].length; i++) {
          row.createCell(i).setCellValue(rows[r][i]);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  private WebSession session(String type, String account, String password) {
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn(type, account, password)).hasRedirectedUrl("/");
    return web;
  }

  private MvcTestResult upload(WebSession web, String name, byte[] content) {
    return mvc.post()
        .uri("/manage/external-hours")
        .multipart()
        .file(new MockMultipartFile("file", name, "application/octet-stream", content))
        .with(csrf())
        .with(
            r -> {
              r.setRemoteAddr(web.address());
              return r;
            })
        .cookie(new Cookie("CMIS_SESSION", web.cookie("CMIS_SESSION")))
        .exchange();
  }

  private long imported(String memberNo) {
    return jdbc.sql(
            "select count(*) from hour_entry where member_no = :m and source = 'IMPORT'"
                + " and category = 'EXTERNAL'")
        .param("m", memberNo)
        .query(Long.class)
        .single();
  }

  private static String body(MvcTestResult r) {
    return new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void aFileIsImportedOnceAndAWrongRowKeepsEverythingOut() throws Exception {
    TestFirms.Firm f = firms.aFirm().withCpas(2).create();
    TestFirms.Firm bj = firms.aFirm().inInstitute("BJ").create();
    String day = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
    WebSession staff = session("STAFF", "sz-staff", "Demo@2026");
    // one wrong row of four: nothing imported, each row's outcome told
    byte[] wrong =
        workbook(
            new String[][] {
              {f.memberNo(1), f.cpa(1).name(), "8", "2", "三院培训", "上海国家会计学院", day, ""},
              {f.memberNo(2), "别人", "abc", "9", "", "", "2026-02-30", ""},
              {bj.memberNo(1), bj.cpa(1).name(), "4", "0", "", "厦门国家会计学院", day, ""},
              {f.memberNo(1), f.cpa(1).name(), "4", "0", "", "上海国家会计学院", day, "重复"}
            });
    MvcTestResult refused = upload(staff, "hours.xlsx", wrong);
    assertThat(refused).hasStatus(422);
    assertThat(body(refused))
        .contains("data-test=\"import-failed\"", "姓名与编号不符", "不是本协会的注册会计师编号", "与本文件第 2 行重复");
    assertThat(imported(f.memberNo(1))).isZero();
    // a good file: two entries
    byte[] good =
        workbook(
            new String[][] {
              {f.memberNo(1), f.cpa(1).name(), "8", "2", "三院培训", "上海国家会计学院", day, "转入"},
              {f.memberNo(2), f.cpa(2).name(), "12.5", "", "网络课程", "中注协网络学院", day, ""}
            });
    MvcTestResult ok = upload(staff, "hours.xlsx", good);
    assertThat(ok).hasStatusOk();
    assertThat(body(ok)).contains("data-test=\"import-done\"", "已登记 2 条");
    assertThat(imported(f.memberNo(1))).isEqualTo(1);
    assertThat(imported(f.memberNo(2))).isEqualTo(1);
    assertThat(
            jdbc.sql("select hours from hour_total where member_no = :m and category = 'EXTERNAL'")
                .param("m", f.memberNo(2))
                .query(java.math.BigDecimal.class)
                .single())
        .isEqualByComparingTo("12.5");
    // the same file again: nothing new
    MvcTestResult again = upload(staff, "hours.xlsx", good);
    assertThat(body(again)).contains("已登记 0 条", "已登记过（跳过）2 条");
    assertThat(imported(f.memberNo(1))).isEqualTo(1);
    // not a workbook
    assertThat(body(upload(staff, "hours.xlsx", "<html>".getBytes())))
        .contains("data-test=\"file-error\"");
    assertThat(body(upload(staff, "hours.csv", good))).contains("data-test=\"file-error\"");
    // bj-staff may not import SZ's people
    WebSession bjStaff = session("STAFF", "bj-staff", "Demo@2026");
    assertThat(
            body(
                upload(
                    bjStaff,
                    "hours.xlsx",
                    workbook(
                        new String[][] {
                          {f.memberNo(1), f.cpa(1).name(), "1", "0", "", "别处", day, ""}
                        }))))
        .contains("不是本协会的注册会计师编号");
  }

  @Test
  void theTemplateIsAWorkbookAndOnlyStaffMayImport() {
    WebSession staff = session("STAFF", "sz-staff", "Demo@2026");
    MvcTestResult template = staff.get("/manage/external-hours/template");
    assertThat(template).hasStatusOk();
    byte[] bytes = template.getResponse().getContentAsByteArray();
    assertThat(bytes[0]).isEqualTo((byte) 0x50);
    assertThat(staff.get("/manage/external-hours")).hasStatusOk();
    WebSession admin = session("STAFF", "admin", "Demo@2026");
    assertThat(admin.get("/manage/external-hours")).hasStatus(403);
  }
}

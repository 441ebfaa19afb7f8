package org.cmis.training.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.WebSession;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Excel export of the class list and all-or-nothing Excel import of classes (F3.7). */
@IntegrationTest
class ClassSpreadsheetTest {

  private static final List<String> EXPORT_HEADER =
      List.of(
          "编号",
          "培训班名称",
          "年度",
          "培训对象",
          "培训方式",
          "地点",
          "学时",
          "职业道德学时",
          "报名开始日期",
          "报名结束日期",
          "培训开始日期",
          "培训结束日期",
          "取消截止日期",
          "培训人数",
          "培训班最大报名人数",
          "已报名人数",
          "已确认人数",
          "培训状态");

  private static final List<String> IMPORT_HEADER =
      List.of(
          "培训班名称", "培训对象", "学时", "报名开始日期", "报名结束日期", "培训开始日期", "培训结束日期", "培训人数", "培训班最大报名人数", "发布");

  @Autowired MockMvcTester mvc;
  @Autowired TestClasses testClasses;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private WebSession staff;
  private LocalDate today;

  @BeforeEach
  void signIn() {
    staff = new WebSession(mvc);
    assertThat(staff.signIn("STAFF", "sz-staff", "Demo@2026")).hasStatus3xxRedirection();
    today = LocalDate.now(clock);
  }

  private static List<List<String>> rows(byte[] xlsx) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter();
      List<List<String>> rows = new ArrayList<>();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
          cells.add(row.getCell(i) == null ? "" : formatter.formatCellValue(row.getCell(i)));
        }
        rows.add(cells);
      }
      return rows;
    }
  }

  private static byte[] workbook(List<String> header, List<List<String>> data) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet("培训班");
      Row head = sheet.createRow(0);
      for (int i = 0; i < header.size(); i++) {
        head.createCell(i).setCellValue(header.get(i));
      }
      for (int r = 0; r < data.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int i = 0; i < data.get(r).size(); i++) {
          row.createCell(i).setCellValue(data.get(r).get(i));
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private List<String> row(String name, String hours, LocalDate rs, LocalDate re) {
    return List.of(
        name,
        "执业注册会计师、非执业会员",
        hours,
        rs.toString(),
        re.toString(),
        rs.plusDays(20).toString(),
        rs.plusDays(21).toString(),
        "100",
        "120",
        "否");
  }

  private MvcTestResult upload(String filename, byte[] content) {
    return mvc.post()
        .uri("/manage/classes/import")
        .multipart()
        .file(new MockMultipartFile("file", filename, "application/octet-stream", content))
        .with(csrf())
        .with(
            r -> {
              r.setRemoteAddr(staff.address());
              return r;
            })
        .cookie(new Cookie("CMIS_SESSION", staff.cookie("CMIS_SESSION")))
        .exchange();
  }

  private long classesNamed(String... names) {
    return jdbc.sql(
            "select count(*) from training_class where institute_code = 'SZ' and name in (:n)")
        .param("n", List.of(names))
        .query(Long.class)
        .single();
  }

  @Test
  void theExportListsTheFilteredClassesUnderTheHeaderRow() throws IOException {
    TrainingClass c = testClasses.open(150, 180, false, true);
    MvcTestResult result = staff.get("/manage/classes/export?year=&name=" + c.name());
    assertThat(result)
        .hasStatusOk()
        .hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(result.getResponse().getHeader("Content-Disposition"))
        .startsWith("attachment;")
        .contains(".xlsx");
    assertThat(
            ContentDisposition.parse(result.getResponse().getHeader("Content-Disposition"))
                .getFilename())
        .as("the Chinese file name")
        .startsWith("培训班列表-")
        .endsWith(".xlsx");
    List<List<String>> rows = rows(result.getResponse().getContentAsByteArray());
    assertThat(rows.get(0)).containsExactlyElementsOf(EXPORT_HEADER);
    assertThat(rows).hasSize(2);
    List<String> row = rows.get(1);
    assertThat(row.get(0)).isEqualTo(c.code());
    assertThat(row.get(1)).isEqualTo(c.name());
    assertThat(row.get(2)).isEqualTo(Integer.toString(c.year()));
    assertThat(row.get(3)).isEqualTo("执业注册会计师、非执业会员");
    assertThat(row.get(4)).isEqualTo("面授");
    assertThat(row.get(6)).isEqualTo("8");
    assertThat(row.get(7)).isEqualTo("2");
    assertThat(row.get(8)).isEqualTo(c.registrationStart().toString());
    assertThat(row.get(12)).isEqualTo(c.cancellationDeadline().toString());
    assertThat(row.subList(13, 17)).containsExactly("150", "180", "0", "0");
    assertThat(row.get(17)).isEqualTo("报名中");
  }

  @Test
  void theExportIsForStaffOnlyAndRefusesABadYear() {
    WebSession member = new WebSession(mvc);
    member.signIn("MEMBER", "440300010001", "Demo@2026");
    assertThat(member.get("/manage/classes/export")).hasStatus(403);
    assertThat(member.get("/manage/classes/import")).hasStatus(403);
    assertThat(staff.get("/manage/classes/export?year=abc")).hasStatus(400);
  }

  @Test
  void theTemplateHasTheWritableColumns() throws IOException {
    MvcTestResult result = staff.get("/manage/classes/import/template");
    assertThat(result).hasStatusOk();
    List<List<String>> rows = rows(result.getResponse().getContentAsByteArray());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .startsWith("编号", "培训班名称", "年度", "培训对象")
        .containsAll(IMPORT_HEADER)
        .contains("限定事务所", "培训方式", "地点", "取消截止日期", "确认方式", "允许候补", "三院报名链接");
    assertThat(staff.get("/manage/classes/import"))
        .hasStatusOk()
        .bodyText()
        .contains("导入培训班")
        .contains("下载导入模板");
  }

  @Test
  void aValidFileOfTwoRowsCreatesBothClasses() throws IOException {
    String first = "导入测试班甲" + System.nanoTime();
    String second = "导入测试班乙" + System.nanoTime();
    byte[] file =
        workbook(
            IMPORT_HEADER,
            List.of(
                row(first, "8", today.plusDays(3), today.plusDays(10)),
                row(second, "4.5", today.plusDays(5), today.plusDays(12))));
    assertThat(upload("classes.xlsx", file))
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/manage/classes/import");
    assertThat(classesNamed(first, second)).isEqualTo(2);
    var stored =
        jdbc.sql(
                "select hours, audiences::text, published, registration_start from training_class"
                    + " where name = :n")
            .param("n", second)
            .query()
            .singleRow();
    assertThat(stored.get("hours").toString()).isEqualTo("4.5");
    assertThat(stored.get("audiences").toString()).isEqualTo("{PRACTISING_CPA,NON_PRACTISING}");
    assertThat(stored.get("published")).isEqualTo(false);
  }

  @Test
  void aFileWithOneBadRowShowsTheRowErrorAndCreatesNothing() throws IOException {
    String good = "导入测试班好" + System.nanoTime();
    String bad = "导入测试班坏" + System.nanoTime();
    String worse = "导入测试班错" + System.nanoTime();
    List<String> wrongHours = new ArrayList<>(row(worse, "abc", today, today.plusDays(3)));
    byte[] file =
        workbook(
            IMPORT_HEADER,
            List.of(
                row(good, "8", today.plusDays(3), today.plusDays(10)),
                // registration ends before it starts
                row(bad, "8", today.plusDays(10), today.plusDays(3)),
                wrongHours));
    MvcTestResult result = upload("classes.xlsx", file);
    assertThat(result).hasStatus(422);
    assertThat(result)
        .bodyText()
        .contains("共 3 行，其中 2 行有错误，未导入任何培训班")
        .contains("行号")
        .contains("报名结束日期：报名结束日期不能早于报名开始日期")
        .contains("学时：应为数字")
        .contains("校验通过");
    assertThat(result.getResponse().getContentAsString()).contains("data-row=\"3\"");
    assertThat(classesNamed(good, bad, worse)).isZero();
  }

  @Test
  void aFileOfTheWrongTypeIsAFieldError() throws IOException {
    MvcTestResult csv = upload("classes.csv", "培训班名称\n测试".getBytes(StandardCharsets.UTF_8));
    assertThat(csv).hasStatus(422);
    assertThat(csv).bodyText().contains("文件类型不正确");
    MvcTestResult garbage =
        upload("classes.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8));
    assertThat(garbage).hasStatus(422);
    assertThat(garbage).bodyText().contains("无法读取该文件");
    MvcTestResult noColumns =
        upload("classes.xlsx", workbook(List.of("名称"), List.of(List.of("x"))));
    assertThat(noColumns).bodyText().contains("文件缺少必填列");
  }
}

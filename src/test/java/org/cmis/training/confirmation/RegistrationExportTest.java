package org.cmis.training.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.TestFirms;
import org.cmis.support.WebSession;
import org.cmis.training.catalog.TrainingClass;
import org.cmis.training.registration.RegistrationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The Excel export of a class's registrations, from the page and the API (F4.7; API.md). */
@IntegrationTest
class RegistrationExportTest {

  private static final List<String> HEADER =
      List.of("序号", "注册会计师编号", "注册会计师姓名", "性别", "职务", "手机", "Email", "事务所", "报名确认状态", "报名时间");
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Autowired MockMvcTester mvc;
  @Autowired TestClasses testClasses;
  @Autowired RegistrationService registrations;
  @Autowired JdbcClient jdbc;
  @Autowired TestFirms firms;

  /** The test's own firms: the first with two CPAs who can sign in, the second with one. */
  TestFirms.Firm first;

  TestFirms.Firm second;

  /** A class with CPAs 1 and 2 of the first firm (1 confirmed) and CPA 1 of the second. */
  private TrainingClass classWithRegistrations() {
    first = firms.aFirm().withCpas(2).withMemberAccounts().create();
    second = firms.aFirm().create();
    TrainingClass c = testClasses.open(10, 20, false, false);
    List<RegistrationService.Result> firm11 =
        registrations.registerPeople(
            first.principal(),
            c.id(),
            List.of(
                new RegistrationService.Applicant(first.memberNo(1), null, null),
                new RegistrationService.Applicant(first.memberNo(2), null, null)),
            false);
    registrations.registerPeople(
        second.principal(),
        c.id(),
        List.of(new RegistrationService.Applicant(second.memberNo(1), null, null)),
        false);
    registrations.confirm(TestClasses.SZ_STAFF, firm11.get(0).registrationId());
    return c;
  }

  private static List<List<String>> rows(MvcTestResult result) throws IOException {
    assertThat(result).hasStatusOk();
    assertThat(result.getResponse().getContentType()).startsWith(XLSX);
    List<List<String>> rows = new ArrayList<>();
    DataFormatter format = new DataFormatter();
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
      Sheet sheet = book.getSheetAt(0);
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < HEADER.size(); i++) {
          cells.add(format.formatCellValue(row.getCell(i)));
        }
        rows.add(cells);
      }
      assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).isNotZero();
    }
    return rows;
  }

  private String firmName(String firmNo) {
    return jdbc.sql("select name from firm where firm_no = :f")
        .param("f", firmNo)
        .query(String.class)
        .single();
  }

  private MvcTestResult api(String token, long classId, String query) {
    return mvc.get()
        .uri("/api/v1/classes/" + classId + "/registrations/export" + query)
        .header("Authorization", "Bearer " + token)
        .exchange();
  }

  @Test
  void thePageExportsAllOrThePendingRegistrationsInRegistrationOrder() throws IOException {
    TrainingClass c = classWithRegistrations();
    WebSession staff = new WebSession(mvc);
    staff.signIn("STAFF", "sz-staff", "Demo@2026");

    MvcTestResult all = staff.get("/manage/classes/" + c.id() + "/registrations/export");
    String disposition = all.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION);
    assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''");
    assertThat(ContentDisposition.parse(disposition).getFilename())
        .as("the Chinese name survives the header")
        .startsWith(c.name() + "-")
        .contains("报名名单-")
        .endsWith(".xlsx");
    List<List<String>> rows = rows(all);
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0)).containsExactlyElementsOf(HEADER);
    assertThat(rows.get(1).get(0)).isEqualTo("1");
    assertThat(rows.get(1).get(1)).isEqualTo(first.memberNo(1));
    assertThat(rows.get(1).get(3)).isIn("男", "女");
    assertThat(rows.get(1).get(4)).isNotBlank();
    assertThat(rows.get(1).get(7)).isEqualTo(firmName(first.firmNo()));
    assertThat(rows.get(1).get(8)).isEqualTo("已确认");
    assertThat(rows.get(1).get(9)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    assertThat(rows.get(2).get(8)).isEqualTo("待确认");
    assertThat(rows.get(3).get(1)).isEqualTo(second.memberNo(1));
    assertThat(rows.get(3).get(7)).isEqualTo(firmName(second.firmNo()));

    List<List<String>> pending =
        rows(staff.get("/manage/classes/" + c.id() + "/registrations/export?status=PENDING"));
    assertThat(pending).hasSize(3);
    assertThat(pending.subList(1, 3)).allSatisfy(r -> assertThat(r.get(8)).isEqualTo("待确认"));
  }

  @Test
  void theApiGivesStaffAllAndAFirmItsOwnPeople() throws IOException {
    TrainingClass c = classWithRegistrations();

    List<List<String>> staff = rows(api(ApiTokens.demo(mvc, "STAFF", "sz-staff"), c.id(), ""));
    assertThat(staff).hasSize(4);
    assertThat(staff.get(0)).containsExactlyElementsOf(HEADER);

    List<List<String>> confirmed =
        rows(api(ApiTokens.demo(mvc, "STAFF", "sz-staff"), c.id(), "?status=CONFIRMED"));
    assertThat(confirmed).hasSize(2);
    assertThat(confirmed.get(1).get(8)).isEqualTo("已确认");

    List<List<String>> firm =
        rows(api(ApiTokens.of(mvc, "FIRM", first.account(), TestFirms.PASSWORD), c.id(), ""));
    assertThat(firm).hasSize(3);
    assertThat(firm.subList(1, 3))
        .extracting(r -> r.get(1))
        .containsExactly(first.memberNo(1), first.memberNo(2));
  }

  @Test
  void theApiRefusesOthersAndBadFilters() {
    TrainingClass c = classWithRegistrations();

    assertThat(api(ApiTokens.of(mvc, "MEMBER", first.memberNo(1), TestFirms.PASSWORD), c.id(), ""))
        .hasStatus(403);
    assertThat(api(ApiTokens.demo(mvc, "STAFF", "bj-staff"), c.id(), "")).hasStatus(403);
    assertThat(api(ApiTokens.demo(mvc, "STAFF", "sz-staff"), c.id(), "?status=DONE"))
        .hasStatus(400);
    assertThat(api(ApiTokens.demo(mvc, "STAFF", "sz-staff"), 999999999L, "")).hasStatus(404);
    assertThat(mvc.get().uri("/api/v1/classes/" + c.id() + "/registrations/export")).hasStatus(401);
  }

  @Test
  void theFileNameIsEncodedForChinese() {
    String header =
        ContentDisposition.attachment()
            .filename("报名 名单.xlsx", StandardCharsets.UTF_8)
            .build()
            .toString();
    assertThat(header)
        .startsWith("attachment;")
        .contains(" filename*=UTF-8''%E6%8A%A5%E5%90%8D%20%E5%90%8D%E5%8D%95.xlsx");
    assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("报名 名单.xlsx");
  }
}

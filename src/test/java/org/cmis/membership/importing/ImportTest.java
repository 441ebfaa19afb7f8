package org.cmis.membership.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cmis.membership.roster.TestIdNumbers;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.cmis.support.TestFirms.Firm;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The Excel import of members and firms (F2.6) on the real PostgreSQL, through its API and page.
 */
@IntegrationTest
class ImportTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestFirms firms;
  @Autowired JdbcClient jdbc;

  private MvcTestResult upload(
      String token, String kind, String filename, byte[] content, boolean dryRun) {
    return mvc.post()
        .uri("/api/v1/imports/" + kind + (dryRun ? "?dryRun=true" : ""))
        .multipart()
        .file(new MockMultipartFile("file", filename, "application/octet-stream", content))
        .header("Authorization", "Bearer " + token)
        .exchange();
  }

  private static String json(MvcTestResult r, String path) {
    try {
      return String.valueOf(
          (Object) JsonPath.read(r.getResponse().getContentAsString(StandardCharsets.UTF_8), path));
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String newPractitionerNo() {
    return "P" + (50_000_000 + ThreadLocalRandom.current().nextInt(40_000_000));
  }

  private static List<String> member(
      String no, String name, String idNumber, String category, String firmNo, String position) {
    return List.of(no, name, "", "", idNumber, category, firmNo, "", position, "", "");
  }

  private long history(String memberNo) {
    return jdbc.sql(
            "select count(*) from member_history h join member m on m.id = h.member_id"
                + " where m.member_no = :no")
        .param("no", memberNo)
        .query(Long.class)
        .single();
  }

  private boolean exists(String memberNo) {
    return jdbc.sql("select exists (select 1 from member where member_no = :no)")
        .param("no", memberNo)
        .query(Boolean.class)
        .single();
  }

  private String position(String memberNo) {
    return jdbc.sql("select position from member where member_no = :no")
        .param("no", memberNo)
        .query(String.class)
        .single();
  }

  @Test
  void aFileWithAnErrorRowIsReportedRowByRowAndNothingIsWritten() {
    Firm f = firms.aFirm().withCpas(2).create();
    String newNo = newPractitionerNo();
    String otherNo = newPractitionerNo();
    byte[] file =
        Workbooks.of(
            Workbooks.MEMBER_HEADERS,
            List.of(
                member(newNo, "新人甲", TestIdNumbers.next(true), "从业人员", f.firmNo(), "审计助理"),
                member(
                    otherNo,
                    "新人乙",
                    TestIdNumbers.wrongCheck(TestIdNumbers.next(true)),
                    "从业人员",
                    f.firmNo(),
                    ""),
                member(f.memberNo(2), f.cpa(2).name(), "", "执业注册会计师", f.firmNo(), "高级经理")));
    MvcTestResult r =
        upload(ApiTokens.demo(mvc, "STAFF", "sz-staff"), "members", "people.xlsx", file, false);
    assertThat(r).hasStatus(422);
    assertThat(json(r, "$.code")).isEqualTo("VALIDATION_FAILED");
    assertThat(r).bodyJson().extractingPath("$.rows[*].row").asArray().containsOnly(3);
    assertThat(json(r, "$.rows[?(@.column == '身份证号码')].message")).contains("校验位");
    assertThat(exists(newNo)).isFalse();
    assertThat(exists(otherNo)).isFalse();
    assertThat(position(f.memberNo(2))).isEqualTo("项目经理");
    assertThat(history(f.memberNo(2))).isZero();
  }

  @Test
  void aValidFileIsAppliedOnceAndTheSameFileTwiceChangesNothing() {
    Firm f = firms.aFirm().withCpas(2).create();
    String newNo = newPractitionerNo();
    String id = TestIdNumbers.next(false);
    byte[] file =
        Workbooks.of(
            Workbooks.MEMBER_HEADERS,
            List.of(
                member(newNo, "新人丙", id, "从业人员", f.firmNo(), "审计助理"),
                member(f.memberNo(2), f.cpa(2).name(), "", "执业注册会计师", f.firmNo(), "高级经理")));
    String token = ApiTokens.demo(mvc, "STAFF", "sz-staff");
    MvcTestResult checked = upload(token, "members", "people.xlsx", file, true);
    assertThat(checked).hasStatusOk();
    assertThat(json(checked, "$.dryRun")).isEqualTo("true");
    assertThat(json(checked, "$.imported")).isEqualTo("false");
    assertThat(exists(newNo)).isFalse();

    MvcTestResult first = upload(token, "members", "people.xlsx", file, false);
    assertThat(first).hasStatusOk();
    assertThat(json(first, "$.imported")).isEqualTo("true");
    assertThat(json(first, "$.created")).isEqualTo("1");
    assertThat(json(first, "$.changed")).isEqualTo("1");
    assertThat(position(f.memberNo(2))).isEqualTo("高级经理");
    assertThat(position(newNo)).isEqualTo("审计助理");
    List<String> by =
        jdbc.sql(
                "select distinct h.changed_by from member_history h join member m on m.id = h.member_id"
                    + " where m.member_no in (:nos)")
            .param("nos", List.of(newNo, f.memberNo(2)))
            .query(String.class)
            .list();
    assertThat(by).containsExactly("导入（sz-staff）");
    String birth =
        jdbc.sql("select birth_date::text || gender from member where member_no = :no")
            .param("no", newNo)
            .query(String.class)
            .single();
    assertThat(birth)
        .isEqualTo(
            id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14) + "F");
    long before = history(newNo) + history(f.memberNo(2));

    MvcTestResult second = upload(token, "members", "people.xlsx", file, false);
    assertThat(second).hasStatusOk();
    assertThat(json(second, "$.created")).isEqualTo("0");
    assertThat(json(second, "$.changed")).isEqualTo("0");
    assertThat(json(second, "$.unchanged")).isEqualTo("2");
    assertThat(history(newNo) + history(f.memberNo(2))).isEqualTo(before);
  }

  @Test
  void staffImportOnlyTheirInstitutesRows() {
    Firm sz = firms.aFirm().withCpas(1).create();
    String no = newPractitionerNo();
    byte[] file =
        Workbooks.of(
            Workbooks.MEMBER_HEADERS,
            List.of(
                member(no, "新人丁", TestIdNumbers.next(true), "从业人员", sz.firmNo(), ""),
                member(sz.memberNo(1), sz.cpa(1).name(), "", "执业注册会计师", sz.firmNo(), "主任会计师")));
    MvcTestResult r =
        upload(ApiTokens.demo(mvc, "STAFF", "bj-staff"), "members", "people.xlsx", file, false);
    assertThat(r).hasStatus(422);
    assertThat(r).bodyJson().extractingPath("$.rows[*].row").asArray().contains(2, 3);
    assertThat(r)
        .bodyJson()
        .extractingPath("$.rows[*].message")
        .asArray()
        .anySatisfy(m -> assertThat(m.toString()).contains("其他协会"));
    assertThat(exists(no)).isFalse();
    assertThat(history(sz.memberNo(1))).isZero();

    String firmNo = "4403" + (9000 + ThreadLocalRandom.current().nextInt(1000));
    byte[] firmsFile =
        Workbooks.of(Workbooks.FIRM_HEADERS, List.of(List.of(firmNo, "跨协会事务所", "", "SZ")));
    MvcTestResult f =
        upload(ApiTokens.demo(mvc, "STAFF", "bj-staff"), "firms", "firms.xlsx", firmsFile, false);
    assertThat(f).hasStatus(422);
    assertThat(json(f, "$.rows[0].column")).isEqualTo("所属协会");
  }

  @Test
  void firmsAreImportedAndTheSameFileTwiceChangesNothing() {
    String firmNo;
    do {
      firmNo = "4403" + (9000 + ThreadLocalRandom.current().nextInt(1000));
    } while (jdbc.sql("select exists (select 1 from firm where firm_no = :f)")
        .param("f", firmNo)
        .query(Boolean.class)
        .single());
    byte[] file =
        Workbooks.of(
            Workbooks.FIRM_HEADERS, List.of(List.of(firmNo, "导入测试会计师事务所", "", "深圳市注册会计师协会")));
    String token = ApiTokens.demo(mvc, "STAFF", "sz-staff");
    MvcTestResult r = upload(token, "firms", "firms.xlsx", file, false);
    String institute =
        jdbc.sql("select name from institute where code = 'SZ'").query(String.class).single();
    if (!institute.equals("深圳市注册会计师协会")) {
      file = Workbooks.of(Workbooks.FIRM_HEADERS, List.of(List.of(firmNo, "导入测试会计师事务所", "", "SZ")));
      r = upload(token, "firms", "firms.xlsx", file, false);
    }
    assertThat(r).hasStatusOk();
    assertThat(json(r, "$.created")).isEqualTo("1");
    MvcTestResult again = upload(token, "firms", "firms.xlsx", file, false);
    assertThat(again).hasStatusOk();
    assertThat(json(again, "$.unchanged")).isEqualTo("1");
    // A member of the imported firm can now be imported too.
    String no = newPractitionerNo();
    byte[] people =
        Workbooks.of(
            Workbooks.MEMBER_HEADERS,
            List.of(member(no, "新人戊", TestIdNumbers.next(true), "从业人员", firmNo, "")));
    assertThat(upload(token, "members", "people.xlsx", people, false)).hasStatusOk();
    assertThat(exists(no)).isTrue();
  }

  @Test
  void aFileThatIsNoSpreadsheetAZipBombOrOnlyEmptyRowsGetsAClearMessage() {
    String token = ApiTokens.demo(mvc, "STAFF", "sz-staff");
    MvcTestResult text =
        upload(
            token,
            "members",
            "people.xlsx",
            "姓名,手机\n张三,138".getBytes(StandardCharsets.UTF_8),
            false);
    assertThat(text).hasStatus(422);
    assertThat(json(text, "$.errors[0].field")).isEqualTo("file");
    assertThat(json(text, "$.errors[0].message")).contains(".xlsx");

    MvcTestResult bomb = upload(token, "members", "bomb.xlsx", Workbooks.zipBomb(), false);
    assertThat(bomb).hasStatus(422);
    assertThat(json(bomb, "$.errors[0].field")).isEqualTo("file");
    assertThat(json(bomb, "$.errors[0].message")).contains("无法读取");

    MvcTestResult empty =
        upload(token, "members", "empty.xlsx", Workbooks.emptyRows(100_000), false);
    assertThat(empty).hasStatus(422);
    assertThat(json(empty, "$.errors[0].field")).isEqualTo("file");
    assertThat(json(empty, "$.errors[0].message")).containsAnyOf("没有数据", "无法读取");

    MvcTestResult missing =
        upload(
            token,
            "members",
            "cols.xlsx",
            Workbooks.of(List.of("姓名"), List.of(List.of("张三"))),
            false);
    assertThat(missing).hasStatus(422);
    assertThat(json(missing, "$.errors[0].message")).contains("人员编号");
  }

  @Test
  void membersAndFirmsMayNotImport() {
    byte[] file =
        Workbooks.of(Workbooks.FIRM_HEADERS, List.of(List.of("44039999", "某所", "", "SZ")));
    assertThat(
            upload(ApiTokens.demo(mvc, "MEMBER", "440300010001"), "firms", "f.xlsx", file, false))
        .hasStatus(403);
    assertThat(upload(ApiTokens.demo(mvc, "FIRM", "44030001"), "firms", "f.xlsx", file, false))
        .hasStatus(403);
  }

  @Test
  void thePageReportsEachRowAndOffersTheTemplate() throws Exception {
    Firm f = firms.aFirm().withCpas(1).create();
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn("STAFF", "sz-staff", "Demo@2026")).hasStatus3xxRedirection();
    assertThat(web.get("/manage/imports")).hasStatusOk().bodyText().contains("下载导入模板");
    MvcTestResult template = web.get("/manage/imports/members/template");
    assertThat(template).hasStatusOk();
    try (XSSFWorkbook wb =
        new XSSFWorkbook(
            new ByteArrayInputStream(template.getResponse().getContentAsByteArray()))) {
      List<String> headers = new ArrayList<>();
      wb.getSheetAt(0).getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
      assertThat(headers).contains("*人员编号", "*姓名", "身份证号码", "*人员类别");
    }
    String no = newPractitionerNo();
    byte[] file =
        Workbooks.of(
            Workbooks.MEMBER_HEADERS,
            List.of(member(no, "", TestIdNumbers.next(true), "从业人员", f.firmNo(), "")));
    MvcTestResult page =
        mvc.post()
            .uri("/manage/imports/members")
            .multipart()
            .file(new MockMultipartFile("file", "people.xlsx", "application/octet-stream", file))
            .param("action", "apply")
            .with(csrf())
            .with(
                r -> {
                  r.setRemoteAddr(web.address());
                  return r;
                })
            .cookie(new jakarta.servlet.http.Cookie("CMIS_SESSION", web.cookie("CMIS_SESSION")))
            .exchange();
    assertThat(page).hasStatus(422).bodyText().contains("有错误").contains("姓名").contains(no);
    assertThat(exists(no)).isFalse();
    WebSession member = new WebSession(mvc);
    member.signIn("MEMBER", "440300010001", "Demo@2026");
    assertThat(member.get("/manage/imports")).hasStatus(403);
  }

  @Autowired org.cmis.membership.MemberChanges changes;

  @Test
  void theBatchOfAnImportWritesWhatOneUpsertPerRowWrites() {
    Firm f = firms.aFirm().withCpas(2).create();
    String a = newPractitionerNo();
    String b = newPractitionerNo();
    java.util.function.BiFunction<String, String, org.cmis.membership.MemberData> data =
        (no, id) ->
            new org.cmis.membership.MemberData(
                no,
                "批量",
                "M",
                TestIdNumbers.birthOf(id),
                id,
                org.cmis.membership.MemberCategory.PRACTITIONER,
                f.firmNo(),
                null,
                "审计员",
                "13800001111",
                "x@example.cn",
                null,
                null);
    String idA = TestIdNumbers.next(true);
    String idB = TestIdNumbers.next(true);
    org.cmis.membership.ChangedBy by = org.cmis.membership.ChangedBy.importBy("t");
    changes.upsert(data.apply(a, idA), null, by);
    changes.upsertAll(List.of(data.apply(b, idB)), by);
    String fieldsA =
        jdbc.sql(
                "select string_agg(h.field || '=' || coalesce(h.new_value, ''), ',' order by h.field)"
                    + " from member_history h join member m on m.id = h.member_id where m.member_no = :no")
            .param("no", a)
            .query(String.class)
            .single();
    String fieldsB =
        jdbc.sql(
                "select string_agg(h.field || '=' || coalesce(h.new_value, ''), ',' order by h.field)"
                    + " from member_history h join member m on m.id = h.member_id where m.member_no = :no")
            .param("no", b)
            .query(String.class)
            .single();
    assertThat(
            fieldsB
                .replace(b, "#")
                .replaceAll("idNumber=[^,]*", "")
                .replaceAll("birthDate=[^,]*", ""))
        .isEqualTo(
            fieldsA
                .replace(a, "#")
                .replaceAll("idNumber=[^,]*", "")
                .replaceAll("birthDate=[^,]*", ""));
    assertThat(changes.upsertAll(List.of(data.apply(a, idA), data.apply(b, idB)), by))
        .containsOnly(org.cmis.membership.ChangeOutcome.UNCHANGED);
    org.cmis.membership.MemberData moved =
        new org.cmis.membership.MemberData(
            a,
            "批量",
            "M",
            TestIdNumbers.birthOf(idA),
            null,
            org.cmis.membership.MemberCategory.PRACTITIONER,
            f.firmNo(),
            null,
            "经理",
            "13800001111",
            "x@example.cn",
            null,
            null);
    assertThat(changes.upsertAll(List.of(moved), by))
        .containsExactly(org.cmis.membership.ChangeOutcome.APPLIED);
    assertThat(position(a)).isEqualTo("经理");
  }

  @Test
  void anAdministratorImportsAnyInstitutesRowsButANonPractisingMemberNeedsItsInstitute() {
    Firm bj = firms.aFirm().inInstitute("BJ").withCpas(1).create();
    String admin = ApiTokens.demo(mvc, "ADMIN", "admin");
    String no = newPractitionerNo();
    byte[] file =
        Workbooks.of(
            Workbooks.MEMBER_HEADERS,
            List.of(member(no, "新人己", TestIdNumbers.next(true), "从业人员", bj.firmNo(), "")));
    assertThat(upload(admin, "members", "people.xlsx", file, false)).hasStatusOk();
    assertThat(exists(no)).isTrue();
    byte[] nonPractising =
        Workbooks.of(
            Workbooks.MEMBER_HEADERS,
            List.of(member("110199990999", "某会员", TestIdNumbers.next(true), "非执业会员", "", "")));
    MvcTestResult r = upload(admin, "members", "np.xlsx", nonPractising, false);
    assertThat(r).hasStatus(422);
    assertThat(json(r, "$.rows[0].column")).isEqualTo("所属协会");
    assertThat(exists("110199990999")).isFalse();
  }
}

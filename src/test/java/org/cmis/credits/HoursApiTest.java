package org.cmis.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.cmis.support.TestFirms.Firm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The hours API on the real PostgreSQL (API.md, Hours): one member's statement, the scoped list,
 * the firms' completion rates, the compliance rules; who may see what, and every error code.
 */
@IntegrationTest
class HoursApiTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestFirms firms;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private HourEntries entries;
  private Firm firm;
  private Firm other;
  private int year;

  @BeforeEach
  void setUp() {
    entries = new HourEntries(jdbc);
    firm = firms.aFirm().withCpas(3).withMemberAccounts().create();
    other = firms.aFirm().withCpas(1).withMemberAccounts().create();
    year = LocalDate.now(clock).getYear();
  }

  private String member(Firm f, int n) {
    return ApiTokens.of(mvc, "MEMBER", f.memberNo(n), TestFirms.PASSWORD);
  }

  private String firmToken(Firm f) {
    return ApiTokens.of(mvc, "FIRM", f.firmNo(), TestFirms.PASSWORD);
  }

  private MvcTestResult get(String token, String uri) {
    return mvc.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
  }

  private static String body(MvcTestResult r) {
    return new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
  }

  private void code(MvcTestResult r, int status, String code) {
    assertThat(r).hasStatus(status);
    assertThat(r).bodyJson().extractingPath("$.code").isEqualTo(code);
  }

  @Test
  void aMemberSeesItsStatementWithEntriesAndReversals() {
    String no = firm.memberNo(1);
    long training = entries.training(no, year, 8, 2, "财务报告培训班");
    long manual = entries.manual(no, year, 4, "三院课程");
    entries.add(no, year, -4, 0, "EXTERNAL", "MANUAL", null, "录入有误", manual);
    entries.manual(no, year - 1, 30, "上年度");
    MvcTestResult r = get(member(firm, 1), "/api/v1/members/" + no + "/hours");
    assertThat(r).hasStatusOk();
    var json = assertThat(r).bodyJson();
    json.extractingPath("$.memberNo").isEqualTo(no);
    json.extractingPath("$.name").isEqualTo(firm.cpa(1).name());
    json.extractingPath("$.year").isEqualTo(year);
    json.extractingPath("$.requiredHours").isEqualTo(40.0);
    json.extractingPath("$.completedHours").isEqualTo(8.0);
    json.extractingPath("$.requiredEthicsHours").isEqualTo(4.0);
    json.extractingPath("$.ethicsHours").isEqualTo(2.0);
    json.extractingPath("$.byCategory.TRAINING").isEqualTo(8.0);
    json.extractingPath("$.byCategory.OUTPUT").isEqualTo(0.0);
    json.extractingPath("$.byCategory.EXTERNAL").isEqualTo(0.0);
    json.extractingPath("$.compliant").isEqualTo(false);
    json.extractingPath("$.entries.length()").isEqualTo(3);
    json.extractingPath("$.entries[0].id").isEqualTo((int) training);
    json.extractingPath("$.entries[0].source").isEqualTo("REGISTRATION");
    json.extractingPath("$.entries[0].note").isEqualTo("财务报告培训班");
    json.extractingPath("$.entries[0].category").isEqualTo("TRAINING");
    json.extractingPath("$.entries[0].date").isEqualTo(year + "-06-01");
    json.extractingPath("$.entries[2].hours").isEqualTo(-4.0);
    json.extractingPath("$.entries[2].reverses").isEqualTo((int) manual);
    // Last year's entries stay in last year.
    assertThat(get(member(firm, 1), "/api/v1/members/" + no + "/hours?year=" + (year - 1)))
        .bodyJson()
        .extractingPath("$.completedHours")
        .isEqualTo(30.0);
  }

  @Test
  void itsFirmItsInstitutesStaffAndAdminSeeItOthersGetNotFoundWithNothingLeaked() {
    String no = firm.memberNo(2);
    entries.training(no, year, 8, 2, "保密的培训班");
    String uri = "/api/v1/members/" + no + "/hours?year=" + year;
    assertThat(get(firmToken(firm), uri)).hasStatusOk();
    assertThat(get(ApiTokens.demo(mvc, "STAFF", "sz-staff"), uri)).hasStatusOk();
    assertThat(get(ApiTokens.demo(mvc, "ADMIN", "admin"), uri)).hasStatusOk();
    for (String stranger :
        new String[] {
          member(firm, 1),
          firmToken(other),
          ApiTokens.demo(mvc, "STAFF", "bj-staff"),
          member(other, 1)
        }) {
      MvcTestResult r = get(stranger, uri);
      code(r, 404, "NOT_FOUND");
      assertThat(body(r)).doesNotContain(firm.cpa(2).name()).doesNotContain("保密的培训班");
    }
    code(
        get(ApiTokens.demo(mvc, "ADMIN", "admin"), "/api/v1/members/999999999999/hours"),
        404,
        "NOT_FOUND");
    code(mvc.get().uri(uri).exchange(), 401, "UNAUTHENTICATED");
  }

  @Test
  void oddYearsAreMalformed() {
    String token = member(firm, 1);
    String base = "/api/v1/members/" + firm.memberNo(1) + "/hours?year=";
    for (String y : new String[] {"abc", "0", "99999", "1999", "2101", "2026.5"}) {
      code(get(token, base + y), 400, "MALFORMED_REQUEST");
      code(get(firmToken(firm), "/api/v1/hours?year=" + y), 400, "MALFORMED_REQUEST");
    }
    assertThat(get(token, base + "2100")).hasStatusOk();
    assertThat(get(token, base + "2000")).hasStatusOk();
  }

  @Test
  void theListIsAFirmsPeopleByMemberNumberWithoutEntriesAndFilters() {
    entries.training(firm.memberNo(1), year, 40, 4, "全年培训");
    entries.training(firm.memberNo(2), year, 10, 0, "部分培训");
    String token = firmToken(firm);
    MvcTestResult all = get(token, "/api/v1/hours?year=" + year);
    assertThat(all).hasStatusOk();
    var json = assertThat(all).bodyJson();
    json.extractingPath("$.total").isEqualTo(3);
    json.extractingPath("$.page").isEqualTo(1);
    json.extractingPath("$.size").isEqualTo(20);
    json.extractingPath("$.items[*].memberNo")
        .asArray()
        .containsExactly(firm.memberNo(1), firm.memberNo(2), firm.memberNo(3));
    json.extractingPath("$.items[0].compliant").isEqualTo(true);
    assertThat(body(all)).doesNotContain("\"entries\"");
    assertThat(get(token, "/api/v1/hours?year=" + year + "&compliant=false"))
        .bodyJson()
        .extractingPath("$.items[*].memberNo")
        .asArray()
        .containsExactly(firm.memberNo(2), firm.memberNo(3));
    assertThat(get(token, "/api/v1/hours?year=" + year + "&compliant=true"))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(1);
    assertThat(get(token, "/api/v1/hours?year=" + year + "&q=" + firm.memberNo(3)))
        .bodyJson()
        .extractingPath("$.items[*].memberNo")
        .asArray()
        .containsExactly(firm.memberNo(3));
    assertThat(get(token, "/api/v1/hours?year=" + year + "&size=2&page=2"))
        .bodyJson()
        .extractingPath("$.items[*].memberNo")
        .asArray()
        .containsExactly(firm.memberNo(3));
    // Staff see the firm among their institute's people.
    assertThat(
            get(
                ApiTokens.demo(mvc, "STAFF", "sz-staff"),
                "/api/v1/hours?year=" + year + "&firmNo=" + firm.firmNo()))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(3);
    assertThat(
            get(
                ApiTokens.demo(mvc, "ADMIN", "admin"),
                "/api/v1/hours?year=" + year + "&firmNo=" + firm.firmNo() + "&compliant=true"))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(1);
    // A firm that does not exist: an empty page.
    assertThat(get(ApiTokens.demo(mvc, "ADMIN", "admin"), "/api/v1/hours?firmNo=44039999"))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
  }

  @Test
  void theListRefusesMembersAndFiltersOutsideTheScope() {
    code(get(member(firm, 1), "/api/v1/hours"), 403, "FORBIDDEN");
    code(get(firmToken(firm), "/api/v1/hours?firmNo=" + other.firmNo()), 403, "FORBIDDEN");
    code(
        get(ApiTokens.demo(mvc, "STAFF", "bj-staff"), "/api/v1/hours?firmNo=" + firm.firmNo()),
        403,
        "FORBIDDEN");
    code(
        get(ApiTokens.demo(mvc, "STAFF", "bj-staff"), "/api/v1/hours?institute=SZ"),
        403,
        "FORBIDDEN");
    code(get(firmToken(firm), "/api/v1/hours?size=101"), 400, "MALFORMED_REQUEST");
    code(get(firmToken(firm), "/api/v1/hours?page=0"), 400, "MALFORMED_REQUEST");
    code(get(firmToken(firm), "/api/v1/hours?compliant=maybe"), 400, "MALFORMED_REQUEST");
    code(get(firmToken(firm), "/api/v1/hours?category=FOO"), 400, "MALFORMED_REQUEST");
    code(mvc.get().uri("/api/v1/hours").exchange(), 401, "UNAUTHENTICATED");
    // BJ staff see none of SZ's people.
    MvcTestResult bj = get(ApiTokens.demo(mvc, "STAFF", "bj-staff"), "/api/v1/hours?size=100");
    assertThat(bj).hasStatusOk();
    assertThat(body(bj)).doesNotContain(firm.memberNo(1));
  }

  @Test
  void firmsCompletionRatesAreTheShareOfTheirCpasCompliant() {
    entries.training(firm.memberNo(1), year, 40, 4, "全年培训");
    MvcTestResult r =
        get(ApiTokens.demo(mvc, "STAFF", "sz-staff"), "/api/v1/hours/firms?year=" + year);
    assertThat(r).hasStatusOk();
    var json = assertThat(r).bodyJson();
    String path = "$[?(@.firmNo == '" + firm.firmNo() + "')]";
    json.extractingPath(path + ".cpas").asArray().containsExactly(3);
    json.extractingPath(path + ".compliant").asArray().containsExactly(1);
    json.extractingPath(path + ".rate").asArray().containsExactly(33.3);
    assertThat(body(get(ApiTokens.demo(mvc, "STAFF", "bj-staff"), "/api/v1/hours/firms")))
        .doesNotContain(firm.firmNo());
    assertThat(get(firmToken(firm), "/api/v1/hours/firms?year=" + year))
        .bodyJson()
        .extractingPath("$[*].firmNo")
        .asArray()
        .containsExactly(firm.firmNo());
    code(get(member(firm, 1), "/api/v1/hours/firms"), 403, "FORBIDDEN");
  }

  private MvcTestResult put(String token, String uri, String json) {
    return mvc.put()
        .uri(uri)
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  @Test
  void changingARuleChangesEveryStatementOfThatYearAndLaterAtOnce() {
    // Years of their own, far from the demo set's and other tests'.
    int ruleYear = 2090;
    Firm f = firms.aFirm().withCpas(1).withMemberAccounts().create();
    String no = f.memberNo(1);
    entries.training(no, ruleYear + 1, 10, 1, "培训");
    String token = member(f, 1);
    String uri = "/api/v1/members/" + no + "/hours?year=" + (ruleYear + 1);
    assertThat(get(token, uri)).bodyJson().extractingPath("$.compliant").isEqualTo(false);
    String admin = ApiTokens.demo(mvc, "ADMIN", "admin");
    MvcTestResult saved =
        put(
            admin,
            "/api/v1/compliance-rules/" + ruleYear + "/PRACTISING_CPA",
            "{\"requiredHours\": 10, \"requiredEthicsHours\": 1, \"outputCap\": 5}");
    assertThat(saved).hasStatusOk();
    var json = assertThat(saved).bodyJson();
    json.extractingPath("$.year").isEqualTo(ruleYear);
    json.extractingPath("$.category").isEqualTo("PRACTISING_CPA");
    json.extractingPath("$.requiredHours").isEqualTo(10.0);
    json.extractingPath("$.outputCap").isEqualTo(5.0);
    MvcTestResult after = get(token, uri);
    assertThat(after).bodyJson().extractingPath("$.requiredHours").isEqualTo(10.0);
    assertThat(after).bodyJson().extractingPath("$.compliant").isEqualTo(true);
    assertThat(get(firmToken(f), "/api/v1/hours?year=" + (ruleYear + 1)))
        .bodyJson()
        .extractingPath("$.items[0].compliant")
        .isEqualTo(true);
    // The rules in force: the later year follows 2090; other categories keep the defaults.
    MvcTestResult rules = get(token, "/api/v1/compliance-rules?year=" + (ruleYear + 2));
    assertThat(rules).hasStatusOk();
    assertThat(rules).bodyJson().extractingPath("$.length()").isEqualTo(3);
    assertThat(rules)
        .bodyJson()
        .extractingPath("$[?(@.category == 'PRACTISING_CPA')].requiredHours")
        .asArray()
        .containsExactly(10.0);
    assertThat(rules)
        .bodyJson()
        .extractingPath("$[?(@.category == 'NON_PRACTISING')].outputCap")
        .asArray()
        .containsExactly(16.0);
    assertThat(get(token, "/api/v1/compliance-rules?year=" + (ruleYear - 1)))
        .bodyJson()
        .extractingPath("$[?(@.category == 'PRACTISING_CPA')].requiredHours")
        .asArray()
        .containsExactly(40.0);
  }

  @Test
  void settingARuleIsForAdminAndValidated() {
    String uri = "/api/v1/compliance-rules/2095/NON_PRACTISING";
    String good = "{\"requiredHours\": 40, \"requiredEthicsHours\": 4}";
    code(put(ApiTokens.demo(mvc, "STAFF", "sz-staff"), uri, good), 403, "FORBIDDEN");
    code(put(firmToken(firm), uri, good), 403, "FORBIDDEN");
    code(put(member(firm, 1), uri, good), 403, "FORBIDDEN");
    String admin = ApiTokens.demo(mvc, "ADMIN", "admin");
    MvcTestResult bad =
        put(
            admin,
            uri,
            "{\"requiredHours\": 10, \"requiredEthicsHours\": 12, \"outputCap\": 300,"
                + " \"carryOverCap\": 24, \"cycleYears\": 7, \"cycleHours\": 80}");
    code(bad, 422, "VALIDATION_FAILED");
    assertThat(bad)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .contains("requiredEthicsHours", "outputCap", "carryOverCap", "cycleYears");
    code(put(admin, uri, "{}"), 422, "VALIDATION_FAILED");
    code(put(admin, uri, "{\"requiredHours\": \"abc\"}"), 400, "MALFORMED_REQUEST");
    code(
        put(admin, "/api/v1/compliance-rules/99999/NON_PRACTISING", good),
        400,
        "MALFORMED_REQUEST");
    code(put(admin, "/api/v1/compliance-rules/2095/FOO", good), 400, "MALFORMED_REQUEST");
    code(get(admin, "/api/v1/compliance-rules?year=abc"), 400, "MALFORMED_REQUEST");
    // Nothing was written by the refusals.
    assertThat(
            jdbc.sql("select count(*) from compliance_rule where year = 2095")
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(put(admin, uri, good)).hasStatusOk();
  }

  @Test
  void aNonPractisingMembersInputHoursAboveTwentyFourCarryIntoTheNextYearFromTheLedger() {
    String no =
        jdbc.sql(
                "select member_no from member where category = 'NON_PRACTISING'"
                    + " and institute_code = 'SZ' order by member_no desc limit 1")
            .query(String.class)
            .single();
    // Years of their own, which no demo data or other test touches.
    entries.training(no, 2080, 30, 4, "2080 年培训");
    entries.manual(no, 2080, 14, "2080 年其他认可");
    entries.add(no, 2080, 10, 0, "OUTPUT", "MANUAL", null, "2080 年产出法", null);
    entries.training(no, 2081, 20, 4, "2081 年培训");
    entries.add(no, 2081, 20, 0, "OUTPUT", "MANUAL", null, "2081 年产出法", null);
    String admin = ApiTokens.demo(mvc, "ADMIN", "admin");
    var json = assertThat(get(admin, "/api/v1/members/" + no + "/hours?year=2081")).bodyJson();
    json.extractingPath("$.memberCategory").isEqualTo("NON_PRACTISING");
    json.extractingPath("$.byCategory.OUTPUT").isEqualTo(20.0);
    // 20 input + 16 of 20 output (cap) + 20 carried (44 − 24 input hours of 2080) = 56.
    json.extractingPath("$.carriedOverHours").isEqualTo(20.0);
    json.extractingPath("$.completedHours").isEqualTo(56.0);
    json.extractingPath("$.compliant").isEqualTo(true);
    // 2082 gets nothing from 2080 (the next year only) and nothing from 2081 (20 < 24).
    assertThat(get(admin, "/api/v1/members/" + no + "/hours?year=2082"))
        .bodyJson()
        .extractingPath("$.carriedOverHours")
        .isEqualTo(0.0);
  }
}

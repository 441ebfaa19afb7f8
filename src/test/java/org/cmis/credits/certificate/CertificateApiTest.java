package org.cmis.credits.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.TestFirms;
import org.cmis.support.TestFirms.Firm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Hours certificates on the API and the real PostgreSQL (F5.7): who may issue (the member, its
 * firm, its institute's staff, admin; others 404), what a certificate states, the public look-up
 * with the name masked, superseded after a reversal, and the throttle.
 */
@IntegrationTest
class CertificateApiTest {

  static final String CODE = "[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{12}";

  @Autowired MockMvcTester mvc;
  @Autowired TestFirms firms;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Value("${cmis.base-url}")
  String baseUrl;

  private Firm firm;
  private int year;

  @BeforeEach
  void aFirmWithHours() {
    firm = firms.aFirm().withCpas(3).withMemberAccounts().create();
    year = LocalDate.now(clock).getYear();
  }

  /** Posts an entry of the member's ledger as the ledger would (the trigger keeps the totals). */
  static long entry(JdbcClient jdbc, String memberNo, int year, String hours, String ethics) {
    return jdbc.sql(
            "insert into hour_entry (member_no, year, entry_date, hours, ethics_hours, category,"
                + " source, note, created_by) values (:no, :year, make_date(:year, 3, 1),"
                + " cast(:hours as numeric), cast(:ethics as numeric), 'EXTERNAL', 'MANUAL',"
                + " 'test', 'test') returning id")
        .param("no", memberNo)
        .param("year", year)
        .param("hours", hours)
        .param("ethics", ethics)
        .query(Long.class)
        .single();
  }

  /** A reversal of an entry: the opposite hours, naming it. */
  static void reverse(JdbcClient jdbc, long id) {
    jdbc.sql(
            "insert into hour_entry (member_no, year, entry_date, hours, ethics_hours, category,"
                + " source, source_id, note, reverses, created_by) select member_no, year,"
                + " entry_date, -hours, -ethics_hours, category, source, source_id, 'reversed',"
                + " id, 'test' from hour_entry where id = :id")
        .param("id", id)
        .update();
  }

  private String member(int n) {
    return ApiTokens.of(mvc, "MEMBER", firm.memberNo(n), TestFirms.PASSWORD);
  }

  private MvcTestResult issue(String token, String memberNo, String body) {
    return mvc.post()
        .uri("/api/v1/members/{no}/certificates", memberNo)
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }

  private MvcTestResult lookUp(String code, String address) {
    return mvc.get()
        .uri("/api/v1/certificates/{code}", code)
        .with(
            r -> {
              r.setRemoteAddr(address);
              return r;
            })
        .exchange();
  }

  static String json(MvcTestResult result, String path) {
    try {
      Object value =
          JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), path);
      return String.valueOf(value);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theMemberIssuesItsCertificateStatingItsHoursAndAnyoneChecksItsCode() {
    entry(jdbc, firm.memberNo(1), year, "30.0", "4.0");
    entry(jdbc, firm.memberNo(1), year, "12.5", "0");
    MvcTestResult issued = issue(member(1), firm.memberNo(1), "{\"year\": " + year + "}");
    assertThat(issued).hasStatus(201);
    String code = json(issued, "$.code");
    assertThat(code).matches(CODE);
    assertThat(issued.getResponse().getHeader("Location"))
        .isEqualTo("/api/v1/certificates/" + code);
    assertThat(issued)
        .bodyJson()
        .hasPathSatisfying("$.memberNo", v -> v.assertThat().isEqualTo(firm.memberNo(1)))
        .hasPathSatisfying("$.name", v -> v.assertThat().isEqualTo(firm.cpa(1).name()))
        .hasPathSatisfying("$.year", v -> v.assertThat().isEqualTo(year))
        .hasPathSatisfying("$.hours", v -> v.assertThat().isEqualTo(42.5))
        .hasPathSatisfying("$.instituteName", v -> v.assertThat().isEqualTo("深圳市注册会计师协会"))
        .hasPathSatisfying(
            "$.issuedOn", v -> v.assertThat().isEqualTo(LocalDate.now(clock).toString()))
        .hasPathSatisfying(
            "$.verifyUrl", v -> v.assertThat().isEqualTo(baseUrl + "/verify/" + code));
    assertThat(json(issued, "$.issuedAt")).endsWith("+08:00");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where entity_type = 'HoursCertificate'"
                        + " and entity_id = :code and action = 'CERTIFICATE_ISSUED'"
                        + " and actor = :actor")
                .param("code", code)
                .param("actor", firm.memberNo(1))
                .query(Long.class)
                .single())
        .isEqualTo(1);

    MvcTestResult checked = lookUp(code.toLowerCase(java.util.Locale.ROOT), TestAccounts.address());
    assertThat(checked)
        .hasStatusOk()
        .bodyJson()
        .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo(code))
        .hasPathSatisfying(
            "$.name", v -> v.assertThat().isEqualTo(CertificateTexts.maskName(firm.cpa(1).name())))
        .hasPathSatisfying("$.memberNo", v -> v.assertThat().isEqualTo(firm.memberNo(1)))
        .hasPathSatisfying("$.hours", v -> v.assertThat().isEqualTo(42.5))
        .hasPathSatisfying("$.year", v -> v.assertThat().isEqualTo(year))
        .hasPathSatisfying("$.superseded", v -> v.assertThat().isEqualTo(false));
    assertThat(json(checked, "$.name")).contains("*").isNotEqualTo(firm.cpa(1).name());
  }

  @Test
  void theMemberItsFirmItsStaffAndAdminMayIssueAndAskingAgainGivesTheSameCertificate() {
    entry(jdbc, firm.memberNo(2), year, "8.0", "2.0");
    String no = firm.memberNo(2);
    String body = "{\"year\": " + year + "}";
    MvcTestResult first = issue(member(2), no, body);
    assertThat(first).hasStatus(201);
    String code = json(first, "$.code");
    String firmToken = ApiTokens.of(mvc, "FIRM", firm.firmNo(), TestFirms.PASSWORD);
    for (String token :
        new String[] {
          member(2),
          firmToken,
          ApiTokens.demo(mvc, "STAFF", "sz-staff"),
          ApiTokens.demo(mvc, "ADMIN", "admin")
        }) {
      MvcTestResult again = issue(token, no, body);
      assertThat(again).as("nothing changed: the same certificate").hasStatusOk();
      assertThat(json(again, "$.code")).isEqualTo(code);
    }
    assertThat(issue(firmToken, no, "{}")).as("the year defaults to the current").hasStatusOk();
    assertThat(
            jdbc.sql("select count(*) from hours_certificate where member_no = :no")
                .param("no", no)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    entry(jdbc, no, year, "4.0", "0");
    MvcTestResult changed = issue(firmToken, no, body);
    assertThat(changed).as("more hours: a new certificate").hasStatus(201);
    assertThat(json(changed, "$.code")).isNotEqualTo(code).matches(CODE);
    assertThat(json(changed, "$.hours")).isEqualTo("12.0");
    assertThat(lookUp(code, TestAccounts.address()))
        .as("the older one is superseded by the newer")
        .bodyJson()
        .hasPathSatisfying("$.superseded", v -> v.assertThat().isEqualTo(true));
  }

  @Test
  void anyoneElseIsToldThereIsNoSuchMember() {
    String no = firm.memberNo(3);
    String body = "{\"year\": " + year + "}";
    Firm other = firms.aFirm().withCpas(1).withMemberAccounts().create();
    Firm beijing = firms.aFirm().inInstitute("BJ").withCpas(1).create();
    for (String token :
        new String[] {
          member(1),
          ApiTokens.of(mvc, "MEMBER", other.memberNo(1), TestFirms.PASSWORD),
          ApiTokens.of(mvc, "FIRM", other.firmNo(), TestFirms.PASSWORD),
          ApiTokens.demo(mvc, "STAFF", "bj-staff")
        }) {
      assertThat(issue(token, no, body))
          .hasStatus(404)
          .bodyJson()
          .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("NOT_FOUND"));
    }
    String szStaff = ApiTokens.demo(mvc, "STAFF", "sz-staff");
    assertThat(issue(szStaff, beijing.memberNo(1), body)).hasStatus(404);
    assertThat(issue(szStaff, "440399999999", body)).hasStatus(404);
    assertThat(issue(szStaff, "x".repeat(3000), body)).hasStatus(404);
    assertThat(
            mvc.post()
                .uri("/api/v1/members/{no}/certificates", no)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange())
        .as("no token")
        .hasStatus(401);
    assertThat(
            jdbc.sql("select count(*) from hours_certificate where member_no in (:a, :b)")
                .param("a", no)
                .param("b", beijing.memberNo(1))
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void oddYearsAreRefusedWithACodeNeverA500() {
    String token = member(1);
    String no = firm.memberNo(1);
    for (String y : new String[] {"0", "1999", "99999", Integer.toString(year + 1), "-5"}) {
      assertThat(issue(token, no, "{\"year\": " + y + "}"))
          .hasStatus(422)
          .bodyJson()
          .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("VALIDATION_FAILED"))
          .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("year"));
    }
    assertThat(issue(token, no, "{\"year\": \"abc\"}"))
        .hasStatus(400)
        .bodyJson()
        .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("MALFORMED_REQUEST"));
  }

  @Test
  void aReversalAfterIssueSupersedesTheCertificate() {
    String no = firm.memberNo(1);
    long kept = entry(jdbc, no, year, "20.0", "2.0");
    long taken = entry(jdbc, no, year, "8.0", "0");
    MvcTestResult issued = issue(member(1), no, "{\"year\": " + year + "}");
    String code = json(issued, "$.code");
    assertThat(json(issued, "$.hours")).isEqualTo("28.0");
    assertThat(json(lookUp(code, TestAccounts.address()), "$.superseded")).isEqualTo("false");

    reverse(jdbc, taken);
    MvcTestResult after = lookUp(code, TestAccounts.address());
    assertThat(after)
        .hasStatusOk()
        .bodyJson()
        .hasPathSatisfying("$.superseded", v -> v.assertThat().isEqualTo(true))
        .hasPathSatisfying("$.hours", v -> v.assertThat().isEqualTo(28.0));
    assertThat(kept).isPositive();
  }

  @Test
  void anUnknownOrMalformedCodeIsA404AndNeverA500() {
    String address = TestAccounts.address();
    for (String code :
        new String[] {"ABCDEFGHJK23", "abc", "中文证明代码", "A".repeat(2000), "0O1I0O1I0O1I"}) {
      assertThat(lookUp(code, address))
          .as(code)
          .hasStatus(404)
          .bodyJson()
          .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("NOT_FOUND"));
    }
    assertThat(lookUp("%E4%B8%AD", address))
        .as("an encoded percent: the firewall's 400, never a 500")
        .hasStatus(400);
  }

  @Test
  void theEndpointsAreInTheOpenApiDescription() {
    assertThat(mvc.get().uri("/v3/api-docs"))
        .hasStatusOk()
        .bodyText()
        .contains("/api/v1/members/{memberNo}/certificates", "/api/v1/certificates/{code}");
  }

  @Test
  void lookUpsAreThrottledPerClientAddress() {
    String address = TestAccounts.address();
    for (int i = 0; i < 30; i++) {
      assertThat(lookUp("ABCDEFGHJK23", address)).hasStatus(404);
    }
    MvcTestResult refused = lookUp("ABCDEFGHJK23", address);
    assertThat(refused)
        .hasStatus(429)
        .bodyJson()
        .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("TOO_MANY_ATTEMPTS"));
    assertThat(refused.getResponse().getHeader("Retry-After")).isNotNull();
    assertThat(lookUp("ABCDEFGHJK23", TestAccounts.address()))
        .as("another address is not counted with it")
        .hasStatus(404);
  }
}

package org.cmis.credits.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The ledger's two writes of API.md (Hours) end to end on PostgreSQL: a manual entry and a
 * reversal, every error code, who may, and that a refusal posts nothing.
 */
@IntegrationTest
class LedgerApiTest {

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired TestFirms firms;

  Api sz;
  Api bj;
  Api firm;
  Api member;
  Api admin;
  TestFirms.Firm own;
  TestFirms.Firm beijing;

  @BeforeEach
  void callers() {
    own = firms.aFirm().withCpas(3).withMemberAccounts().create();
    beijing = firms.aFirm().inInstitute("BJ").create();
    sz = new Api(mvc, ApiTokens.demo(mvc, "STAFF", "sz-staff"));
    bj = new Api(mvc, ApiTokens.demo(mvc, "STAFF", "bj-staff"));
    firm = new Api(mvc, ApiTokens.of(mvc, "FIRM", own.account(), TestFirms.PASSWORD));
    member = new Api(mvc, ApiTokens.of(mvc, "MEMBER", own.memberNo(1), TestFirms.PASSWORD));
    admin = new Api(mvc, ApiTokens.demo(mvc, "ADMIN", "admin"));
  }

  private static String hoursOf(String memberNo) {
    return "/api/v1/members/" + memberNo + "/hours";
  }

  private static String entry(String year, String date, String hours, String ethics, String note) {
    return """
        {"year": %s, "date": %s, "hours": %s, "ethicsHours": %s, "category": "EXTERNAL", "note": %s}
        """
        .formatted(year, date, hours, ethics, note);
  }

  private static String valid() {
    return entry("2026", "\"2026-05-20\"", "12.5", "2", "\"国家会计学院培训\"");
  }

  private long count(String memberNo) {
    return jdbc.sql("select count(*) from hour_entry where member_no = :no")
        .param("no", memberNo)
        .query(Long.class)
        .single();
  }

  private long add(String memberNo) {
    MvcTestResult created = sz.post(hoursOf(memberNo), valid());
    assertThat(created).hasStatus(201);
    return ((Number) Api.read(created, "$.id")).longValue();
  }

  private static void refused(MvcTestResult r, int status, String code) {
    assertThat(r).hasStatus(status).bodyJson().extractingPath("$.code").isEqualTo(code);
  }

  private static void invalid(MvcTestResult r, String field) {
    refused(r, 422, "VALIDATION_FAILED");
    assertThat(r).bodyJson().extractingPath("$.errors[*].field").asArray().contains(field);
  }

  @Test
  void staffAddAManualEntryAndItCountsInTheStatement() {
    String no = own.memberNo(1);
    MvcTestResult created = sz.post(hoursOf(no), valid());
    assertThat(created).hasStatus(201);
    assertThat(created).bodyJson().extractingPath("$.hours").isEqualTo(12.5);
    assertThat(created).bodyJson().extractingPath("$.ethicsHours").isEqualTo(2.0);
    assertThat(created).bodyJson().extractingPath("$.category").isEqualTo("EXTERNAL");
    assertThat(created).bodyJson().extractingPath("$.source").isEqualTo("MANUAL");
    assertThat(created).bodyJson().extractingPath("$.date").isEqualTo("2026-05-20");
    assertThat(created).bodyJson().extractingPath("$.note").isEqualTo("国家会计学院培训");
    long id = ((Number) Api.read(created, "$.id")).longValue();
    assertThat(
            jdbc.sql(
                    "select hours from hour_total where member_no = :no and year = 2026"
                        + " and category = 'EXTERNAL'")
                .param("no", no)
                .query(java.math.BigDecimal.class)
                .single())
        .isEqualByComparingTo("12.5");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'HOUR_ENTRY_ADDED'"
                        + " and entity_id = :id and actor = 'sz-staff'")
                .param("id", Long.toString(id))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // negative hours deduct (API.md: a non-zero multiple of 0.5 within ±200)
    assertThat(sz.post(hoursOf(no), entry("2026", "\"2026-05-21\"", "-200", "-4", "\"扣减\"")))
        .hasStatus(201);
    assertThat(count(no)).isEqualTo(2);
  }

  @Test
  void everyWrongFieldIsA422AndNothingIsPosted() {
    String no = own.memberNo(2);
    String date = "\"2026-05-20\"";
    String note = "\"原因\"";
    invalid(sz.post(hoursOf(no), entry("0", date, "8", "0", note)), "year");
    invalid(sz.post(hoursOf(no), entry("99999", date, "8", "0", note)), "year");
    invalid(sz.post(hoursOf(no), entry("1999", date, "8", "0", note)), "year");
    invalid(sz.post(hoursOf(no), entry("2026", "\"2026-02-30\"", "8", "0", note)), "date");
    invalid(sz.post(hoursOf(no), entry("2026", "\"2025-12-31\"", "8", "0", note)), "date");
    invalid(sz.post(hoursOf(no), entry("2026", "null", "8", "0", note)), "date");
    invalid(sz.post(hoursOf(no), entry("2026", date, "0", "0", note)), "hours");
    invalid(sz.post(hoursOf(no), entry("2026", date, "8.25", "0", note)), "hours");
    invalid(sz.post(hoursOf(no), entry("2026", date, "200.5", "0", note)), "hours");
    invalid(sz.post(hoursOf(no), entry("2026", date, "-201", "0", note)), "hours");
    invalid(sz.post(hoursOf(no), entry("2026", date, "null", "0", note)), "hours");
    invalid(sz.post(hoursOf(no), entry("2026", date, "8", "8.5", note)), "ethicsHours");
    invalid(sz.post(hoursOf(no), entry("2026", date, "8", "-1", note)), "ethicsHours");
    invalid(sz.post(hoursOf(no), entry("2026", date, "8", "0.3", note)), "ethicsHours");
    invalid(sz.post(hoursOf(no), entry("2026", date, "8", "0", "\"  \"")), "note");
    invalid(sz.post(hoursOf(no), entry("2026", date, "8", "0", "null")), "note");
    invalid(
        sz.post(hoursOf(no), entry("2026", date, "8", "0", "\"" + "长".repeat(501) + "\"")), "note");
    invalid(sz.post(hoursOf(no), valid().replace("\"EXTERNAL\"", "\"TRAINING\"")), "category");
    // all at once: every field named
    MvcTestResult all = sz.post(hoursOf(no), "{}");
    refused(all, 422, "VALIDATION_FAILED");
    assertThat(all)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .contains("year", "date", "hours", "note");
    // a note of exactly 500 is fine
    assertThat(sz.post(hoursOf(no), entry("2026", date, "8", "0", "\"" + "长".repeat(500) + "\"")))
        .hasStatus(201);
    assertThat(count(no)).isEqualTo(1);
  }

  @Test
  void valuesOfTheWrongJsonTypeAreMalformed() {
    String no = own.memberNo(2);
    refused(
        sz.post(hoursOf(no), entry("\"abc\"", "\"2026-05-20\"", "8", "0", "\"x\"")),
        400,
        "MALFORMED_REQUEST");
    refused(
        sz.post(hoursOf(no), entry("2026", "\"2026-05-20\"", "\"8\"", "0", "\"x\"")),
        400,
        "MALFORMED_REQUEST");
    refused(sz.post(hoursOf(no), "{\"year\": 2026,"), 400, "MALFORMED_REQUEST");
    refused(
        sz.post("/api/v1/hour-entries/abc/reverse", "{\"reason\": \"x\"}"),
        400,
        "MALFORMED_REQUEST");
    assertThat(count(no)).isZero();
  }

  @Test
  void onlyStaffOfTheMembersInstitutePost() throws Exception {
    String no = own.memberNo(3);
    refused(sz.post(hoursOf("449999999999"), valid()), 404, "NOT_FOUND");
    refused(bj.post(hoursOf(no), valid()), 404, "NOT_FOUND");
    refused(sz.post(hoursOf(beijing.memberNo(1)), valid()), 404, "NOT_FOUND");
    refused(firm.post(hoursOf(no), valid()), 403, "FORBIDDEN");
    refused(member.post(hoursOf(own.memberNo(1)), valid()), 403, "FORBIDDEN");
    refused(admin.post(hoursOf(no), valid()), 403, "FORBIDDEN");
    MvcTestResult anonymous =
        mvc.post()
            .uri(hoursOf(no))
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .content(valid())
            .exchange();
    assertThat(anonymous).hasStatus(401);
    // the foreign staff's refusal tells nothing of the member: as for one that does not exist
    String foreign = bj.post(hoursOf(no), valid()).getResponse().getContentAsString();
    String unknown = bj.post(hoursOf("449999999999"), valid()).getResponse().getContentAsString();
    assertThat(foreign.replace(no, "")).isEqualTo(unknown.replace("449999999999", ""));
    assertThat(foreign).doesNotContain(own.cpa(3).name());
    assertThat(count(no)).isZero();
    assertThat(count(beijing.memberNo(1))).isZero();
  }

  @Test
  void anEntryIsReversedOnceAndAReversalNever() {
    String no = own.memberNo(1);
    long id = add(no);
    String reverse = "/api/v1/hour-entries/" + id + "/reverse";
    invalid(sz.post(reverse, "{}"), "reason");
    invalid(sz.post(reverse, "{\"reason\": \" \"}"), "reason");
    invalid(sz.post(reverse, "{\"reason\": \"" + "错".repeat(501) + "\"}"), "reason");
    refused(bj.post(reverse, "{\"reason\": \"更正\"}"), 404, "NOT_FOUND");
    refused(firm.post(reverse, "{\"reason\": \"更正\"}"), 403, "FORBIDDEN");
    refused(member.post(reverse, "{\"reason\": \"更正\"}"), 403, "FORBIDDEN");
    refused(
        sz.post("/api/v1/hour-entries/999999999999/reverse", "{\"reason\": \"更正\"}"),
        404,
        "NOT_FOUND");
    assertThat(count(no)).isEqualTo(1);

    MvcTestResult reversed = sz.post(reverse, "{\"reason\": \"录入错误\"}");
    assertThat(reversed).hasStatus(201);
    assertThat(reversed).bodyJson().extractingPath("$.hours").isEqualTo(-12.5);
    assertThat(reversed).bodyJson().extractingPath("$.ethicsHours").isEqualTo(-2.0);
    assertThat(reversed).bodyJson().extractingPath("$.reverses").isEqualTo((int) id);
    assertThat(reversed).bodyJson().extractingPath("$.note").isEqualTo("录入错误");
    assertThat(reversed).bodyJson().extractingPath("$.source").isEqualTo("MANUAL");
    long reversal = ((Number) Api.read(reversed, "$.id")).longValue();

    refused(sz.post(reverse, "{\"reason\": \"再冲一次\"}"), 409, "INVALID_STATE");
    refused(
        sz.post("/api/v1/hour-entries/" + reversal + "/reverse", "{\"reason\": \"冲销冲销\"}"),
        409,
        "INVALID_STATE");
    assertThat(count(no)).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'HOUR_ENTRY_REVERSED'"
                        + " and entity_id = :id")
                .param("id", Long.toString(reversal))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void racingReversalsReverseOnce() throws Exception {
    String no = own.memberNo(2);
    long id = add(no);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int n = i;
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return sz.post(
                        "/api/v1/hour-entries/" + id + "/reverse", "{\"reason\": \"并发" + n + "\"}")
                    .getResponse()
                    .getStatus();
              }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : answers) {
      statuses.add(f.get());
    }
    pool.shutdown();
    assertThat(statuses).containsOnly(201, 409);
    assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
    assertThat(count(no)).isEqualTo(2);
  }

  @Test
  void bothAreInTheOpenApiDescription() {
    assertThat(mvc.get().uri("/v3/api-docs"))
        .hasStatusOk()
        .bodyText()
        .contains("/api/v1/members/{memberNo}/hours", "/api/v1/hour-entries/{id}/reverse");
  }

  @Test
  void anIdempotencyKeyPostsOnce() {
    String no = own.memberNo(3);
    MvcTestResult first = sz.post(hoursOf(no), valid(), "ledger-test-" + no);
    MvcTestResult again = sz.post(hoursOf(no), valid(), "ledger-test-" + no);
    assertThat(first).hasStatus(201);
    assertThat(again).hasStatus(201);
    assertThat((Object) Api.read(again, "$.id")).isEqualTo(Api.read(first, "$.id"));
    assertThat(count(no)).isEqualTo(1);
    refused(
        sz.post(hoursOf(no), valid().replace("12.5", "10"), "ledger-test-" + no),
        422,
        "IDEMPOTENCY_KEY_REUSED");
  }
}

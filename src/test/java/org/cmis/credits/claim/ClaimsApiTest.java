package org.cmis.credits.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cmis.credits.claim.ClaimApi.file;
import static org.cmis.credits.claim.ClaimApi.id;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The claims API end to end on PostgreSQL (ISSUE 14): every endpoint and code, the uploads that
 * must be refused, who may see and do what, and that approval posts one OUTPUT entry counted in the
 * member's statement.
 */
@IntegrationTest
class ClaimsApiTest {

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired TestFirms firms;

  TestFirms.Firm own;
  TestFirms.Firm otherFirm;
  TestFirms.Firm beijing;
  ClaimApi member;
  String memberToken;
  ClaimApi colleague;
  ClaimApi firm;
  ClaimApi stranger;
  ClaimApi sz;
  ClaimApi bj;
  ClaimApi bjMember;
  ClaimApi admin;
  String today;

  @BeforeEach
  void callers() {
    own = firms.aFirm().withCpas(2).withMemberAccounts().create();
    otherFirm = firms.aFirm().withCpas(1).withMemberAccounts().create();
    beijing = firms.aFirm().inInstitute("BJ").withCpas(1).withMemberAccounts().create();
    memberToken = ApiTokens.of(mvc, "MEMBER", own.memberNo(1), TestFirms.PASSWORD);
    member = new ClaimApi(mvc, memberToken);
    colleague = token("MEMBER", own.memberNo(2));
    firm = token("FIRM", own.account());
    stranger = token("FIRM", otherFirm.account());
    bjMember = token("MEMBER", beijing.memberNo(1));
    sz = new ClaimApi(mvc, ApiTokens.demo(mvc, "STAFF", "sz-staff"));
    bj = new ClaimApi(mvc, ApiTokens.demo(mvc, "STAFF", "bj-staff"));
    admin = new ClaimApi(mvc, ApiTokens.demo(mvc, "ADMIN", "admin"));
    today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
  }

  private ClaimApi token(String type, String account) {
    return new ClaimApi(mvc, ApiTokens.of(mvc, type, account, TestFirms.PASSWORD));
  }

  private String article(String title, String identifier, String hours) {
    return """
        {"type": "ARTICLE", "title": "%s", "workDate": "%s", "description": "发表于核心期刊",
         "identifier": "%s", "authors": 1, "hoursClaimed": %s}
        """
        .formatted(title, today, identifier, hours);
  }

  private long draft(ClaimApi who, String body) {
    MvcTestResult r = who.post("/api/v1/claims", body);
    assertThat(r).hasStatus(201);
    return id(r);
  }

  private long submitted(ClaimApi who, String body) {
    long id = draft(who, body);
    assertThat(
            who.upload(
                "/api/v1/claims/" + id + "/evidence", List.of(file("cover.png", ClaimApi.png()))))
        .hasStatus(201);
    assertThat(who.post("/api/v1/claims/" + id + "/submit", "")).hasStatusOk();
    return id;
  }

  private static void refused(MvcTestResult r, int status, String code) {
    assertThat(r).hasStatus(status).bodyJson().extractingPath("$.code").isEqualTo(code);
  }

  private long entries(String memberNo) {
    return jdbc.sql("select count(*) from hour_entry where member_no = :m and source = 'CLAIM'")
        .param("m", memberNo)
        .query(Long.class)
        .single();
  }

  @Test
  void typesAreListedWithTheirRules() {
    MvcTestResult r = member.get("/api/v1/claim-types");
    assertThat(r).hasStatusOk();
    assertThat(r)
        .bodyJson()
        .extractingPath("$[*].code")
        .asArray()
        .contains("ARTICLE", "BOOK", "RESEARCH", "TEACHING", "INSPECTION", "OTHER");
    assertThat(r)
        .bodyJson()
        .extractingPath("$[?(@.code == 'TEACHING')].conditions[0]")
        .asArray()
        .containsExactly("FIRST_DELIVERY");
  }

  @Test
  void aClaimFromDraftToApprovalPostsOneOutputEntryThatCountsInTheStatement() {
    String no = own.memberNo(1);
    long id = draft(member, article("收入准则研究" + no, "会计研究 2026 年第 5 期 " + no, "8"));
    MvcTestResult got = member.get("/api/v1/claims/" + id);
    assertThat(got).bodyJson().extractingPath("$.status").isEqualTo("DRAFT");
    // no evidence yet
    refused(member.post("/api/v1/claims/" + id + "/submit", ""), 422, "EVIDENCE_REQUIRED");
    MvcTestResult up =
        member.upload(
            "/api/v1/claims/" + id + "/evidence",
            List.of(file("封面.png", ClaimApi.png()), file("目录.pdf", ClaimApi.pdf())));
    assertThat(up).hasStatus(201);
    assertThat(up).bodyJson().extractingPath("$.evidence.length()").isEqualTo(2);
    assertThat(up)
        .bodyJson()
        .extractingPath("$.evidence[1].contentType")
        .isEqualTo("application/pdf");
    MvcTestResult sub = member.post("/api/v1/claims/" + id + "/submit", "");
    assertThat(sub).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("PENDING");
    // the firm sees it read-only, without evidence
    MvcTestResult seen = firm.get("/api/v1/claims/" + id);
    assertThat(seen).hasStatusOk().bodyJson().extractingPath("$.evidence.length()").isEqualTo(0);
    refused(firm.post("/api/v1/claims/" + id + "/approve", "{}"), 403, "FORBIDDEN");
    // staff of another institute: not found
    refused(bj.post("/api/v1/claims/" + id + "/approve", "{}"), 404, "NOT_FOUND");
    refused(bj.get("/api/v1/claims/" + id), 404, "NOT_FOUND");
    // fewer hours need a reason
    MvcTestResult noReason = sz.post("/api/v1/claims/" + id + "/approve", "{\"hours\": 6}");
    refused(noReason, 422, "VALIDATION_FAILED");
    assertThat(noReason).bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
    refused(
        sz.post("/api/v1/claims/" + id + "/approve", "{\"hours\": 9}"), 422, "VALIDATION_FAILED");
    refused(
        sz.post("/api/v1/claims/" + id + "/approve", "{\"hours\": 2.3, \"reason\": \"x\"}"),
        422,
        "VALIDATION_FAILED");
    assertThat(entries(no)).isZero();
    MvcTestResult ok =
        sz.post("/api/v1/claims/" + id + "/approve", "{\"hours\": 6, \"reason\": \"仅部分内容属于专业论文\"}");
    assertThat(ok).hasStatusOk();
    assertThat(ok).bodyJson().extractingPath("$.status").isEqualTo("PARTIAL");
    assertThat(ok).bodyJson().extractingPath("$.hoursGranted").isEqualTo(6.0);
    assertThat(entries(no)).isEqualTo(1);
    // the statement counts it as OUTPUT
    MvcTestResult statement = member.get("/api/v1/members/" + no + "/hours");
    assertThat(statement).bodyJson().extractingPath("$.byCategory.OUTPUT").isEqualTo(6.0);
    assertThat(statement).bodyJson().extractingPath("$.completedHours").isEqualTo(6.0);
    // decided: never edited, not approved again, not withdrawn
    refused(sz.post("/api/v1/claims/" + id + "/approve", "{}"), 409, "INVALID_STATE");
    refused(member.post("/api/v1/claims/" + id + "/withdraw", ""), 409, "INVALID_STATE");
    refused(member.put("/api/v1/claims/" + id, article("改", "改", "8")), 409, "INVALID_STATE");
    // member and firm were told
    assertThat(
            jdbc.sql(
                    "select count(*) from message m join account a on a.id = m.account_id"
                        + " where a.account in (:accounts) and m.source_key like :key")
                .param("accounts", List.of(no, own.account()))
                .param("key", "claim:" + id + ":PARTIAL:%")
                .query(Long.class)
                .single())
        .isEqualTo(2);
    // a mistaken approval is reversed with a reason
    refused(sz.post("/api/v1/claims/" + id + "/reverse", "{}"), 422, "VALIDATION_FAILED");
    MvcTestResult reversed = sz.post("/api/v1/claims/" + id + "/reverse", "{\"reason\": \"重复认定\"}");
    assertThat(reversed).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("REVERSED");
    assertThat(entries(no)).isEqualTo(2);
    assertThat(member.get("/api/v1/members/" + no + "/hours"))
        .bodyJson()
        .extractingPath("$.byCategory.OUTPUT")
        .isEqualTo(0.0);
    refused(
        sz.post("/api/v1/claims/" + id + "/reverse", "{\"reason\": \"again\"}"),
        409,
        "INVALID_STATE");
  }

  @Test
  void approvalInFullAndReturnAndResubmission() {
    String no = own.memberNo(2);
    long id =
        submitted(
            colleague,
            """
            {"type": "TEACHING", "title": "审计抽样 %s", "workDate": "%s", "identifier": "KC-%s",
             "units": 3, "hoursClaimed": 6}
            """
                .formatted(no, today, no));
    refused(
        sz.post("/api/v1/claims/" + id + "/return", "{\"reason\": \"  \"}"),
        422,
        "VALIDATION_FAILED");
    MvcTestResult back = sz.post("/api/v1/claims/" + id + "/return", "{\"reason\": \"请补充授课任务书\"}");
    assertThat(back).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("RETURNED");
    assertThat(back).bodyJson().extractingPath("$.reason").isEqualTo("请补充授课任务书");
    // corrected and resubmitted
    assertThat(
            colleague.upload(
                "/api/v1/claims/" + id + "/evidence", List.of(file("任务书.jpg", ClaimApi.jpg()))))
        .hasStatus(201);
    assertThat(colleague.post("/api/v1/claims/" + id + "/submit", ""))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("PENDING");
    MvcTestResult full = sz.post("/api/v1/claims/" + id + "/approve", "");
    assertThat(full).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("APPROVED");
    assertThat(full).bodyJson().extractingPath("$.hoursGranted").isEqualTo(6.0);
    // the same course again: only its first delivery counts
    long again =
        draft(
            colleague,
            """
            {"type": "TEACHING", "title": "审计抽样（第二期）", "workDate": "%s", "identifier": "kc-%s",
             "units": 3, "hoursClaimed": 6}
            """
                .formatted(today, no));
    colleague.upload(
        "/api/v1/claims/" + again + "/evidence", List.of(file("a.png", ClaimApi.png())));
    refused(colleague.post("/api/v1/claims/" + again + "/submit", ""), 409, "DUPLICATE_CLAIM");
  }

  @Test
  void theSameWorkIsRefusedNamingTheEarlierClaimAndACloseTitleIsFlagged() {
    ClaimApi m =
        token("MEMBER", firms.aFirm().withCpas(1).withMemberAccounts().create().memberNo(1));
    long first = submitted(m, article("建筑企业收入确认研究", "会计研究 2026-5", "8"));
    long second = draft(m, article("另一篇", "会计研究2026 5", "8"));
    m.upload("/api/v1/claims/" + second + "/evidence", List.of(file("a.png", ClaimApi.png())));
    MvcTestResult dup = m.post("/api/v1/claims/" + second + "/submit", "");
    refused(dup, 409, "DUPLICATE_CLAIM");
    assertThat(dup).bodyJson().extractingPath("$.detail").asString().contains(Long.toString(first));
    long close = draft(m, article("建筑企业的收入确认研究", "财务与会计 2026-3", "8"));
    m.upload("/api/v1/claims/" + close + "/evidence", List.of(file("a.png", ClaimApi.png())));
    MvcTestResult flagged = m.post("/api/v1/claims/" + close + "/submit", "");
    assertThat(flagged)
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.similarTo")
        .isEqualTo((int) first);
  }

  @Test
  void theYearlyCapOfATypeIsReached() {
    ClaimApi m =
        token("MEMBER", firms.aFirm().withCpas(1).withMemberAccounts().create().memberNo(1));
    long a = submitted(m, article("论文一", "期刊一", "8"));
    long b = submitted(m, article("论文二", "期刊二", "8"));
    long c = draft(m, article("论文三", "期刊三", "8"));
    m.upload("/api/v1/claims/" + c + "/evidence", List.of(file("a.png", ClaimApi.png())));
    refused(m.post("/api/v1/claims/" + c + "/submit", ""), 409, "CLAIM_CAP_REACHED");
    assertThat(sz.post("/api/v1/claims/" + a + "/approve", "")).hasStatusOk();
    assertThat(sz.post("/api/v1/claims/" + b + "/approve", "")).hasStatusOk();
    // withdrawing nothing frees the cap: still reached
    refused(m.post("/api/v1/claims/" + c + "/submit", ""), 409, "CLAIM_CAP_REACHED");
    assertThat(m.post("/api/v1/claims/" + c + "/withdraw", ""))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("WITHDRAWN");
  }

  @Test
  void badInputIsRefusedWithTheFieldsNamed() {
    MvcTestResult r =
        member.post(
            "/api/v1/claims",
            """
            {"type": "NOPE", "title": "", "workDate": "2026-02-30", "hoursClaimed": 0.3,
             "authors": 99, "identifier": "%s"}
            """
                .formatted("x".repeat(101)));
    refused(r, 422, "VALIDATION_FAILED");
    assertThat(r)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .contains("type", "title", "workDate", "hoursClaimed", "authors", "identifier");
    refused(member.post("/api/v1/claims", "{\"hoursClaimed\": \"abc\"}"), 400, "MALFORMED_REQUEST");
    refused(member.get("/api/v1/claims?status=FOO"), 400, "MALFORMED_REQUEST");
    refused(member.get("/api/v1/claims?size=0"), 400, "MALFORMED_REQUEST");
    refused(sz.post("/api/v1/claims", article("x", "y", "8")), 403, "FORBIDDEN");
    refused(member.get("/api/v1/claims/999999999"), 404, "NOT_FOUND");
    // unpublished: a date after today
    long future =
        draft(
            member,
            """
            {"type": "ARTICLE", "title": "未来论文", "workDate": "%s", "identifier": "期刊", "hoursClaimed": 8}
            """
                .formatted(LocalDate.parse(today).plusDays(5)));
    member.upload("/api/v1/claims/" + future + "/evidence", List.of(file("a.png", ClaimApi.png())));
    MvcTestResult unpublished = member.post("/api/v1/claims/" + future + "/submit", "");
    refused(unpublished, 422, "VALIDATION_FAILED");
    assertThat(unpublished).bodyJson().extractingPath("$.errors[0].field").isEqualTo("workDate");
  }

  @Test
  void uploadsAreCheckedByContentAndNothingIsHalfTaken() {
    long id = draft(member, article("上传测试" + System.nanoTime(), "期刊", "8"));
    String uri = "/api/v1/claims/" + id + "/evidence";
    // an extension that lies: HTML named .png
    refused(
        member.upload(
            uri, List.of(file("cover.png", "<html><script>alert(1)</script>".getBytes()))),
        422,
        "BAD_FILE");
    // a polyglot: HTML first, a PDF after it
    byte[] polyglot = ClaimApi.concat("<html><body>hi</body></html>\n".getBytes(), ClaimApi.pdf());
    refused(member.upload(uri, List.of(file("paper.pdf", polyglot))), 422, "BAD_FILE");
    // a PNG named .pdf
    refused(member.upload(uri, List.of(file("paper.pdf", ClaimApi.png()))), 422, "BAD_FILE");
    // 6 MB
    byte[] big = ClaimApi.concat(ClaimApi.pdf(), new byte[6 * 1024 * 1024]);
    MvcTestResult tooBig = member.upload(uri, List.of(file("big.pdf", big)));
    refused(tooBig, 422, "BAD_FILE");
    assertThat(tooBig).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
    // a good file and a bad one: neither is taken
    refused(
        member.upload(
            uri, List.of(file("ok.png", ClaimApi.png()), file("bad.jpg", ClaimApi.pdf()))),
        422,
        "BAD_FILE");
    // 11 files
    List<MockMultipartFile> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(file("p" + i + ".png", ClaimApi.png()));
    }
    refused(member.upload(uri, eleven), 422, "BAD_FILE");
    refused(member.upload(uri, List.of()), 422, "BAD_FILE");
    assertThat(member.get("/api/v1/claims/" + id))
        .bodyJson()
        .extractingPath("$.evidence.length()")
        .isEqualTo(0);
    // a path-traversal name keeps its last segment only
    MvcTestResult traversal =
        member.upload(uri, List.of(file("../../etc/passwd/..\\..\\cover.png", ClaimApi.png())));
    assertThat(traversal).hasStatus(201);
    assertThat(traversal)
        .bodyJson()
        .extractingPath("$.evidence[0].filename")
        .isEqualTo("cover.png");
    // ten in all are fine, the eleventh is refused
    List<MockMultipartFile> nine = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      nine.add(file("q" + i + ".jpg", ClaimApi.jpg()));
    }
    assertThat(member.upload(uri, nine)).hasStatus(201);
    refused(member.upload(uri, List.of(file("last.png", ClaimApi.png()))), 422, "BAD_FILE");
  }

  @Test
  void evidenceIsServedOnlyToTheClaimantItsInstitutesStaffAndAdmin() {
    long id = submitted(member, article("证明材料权限" + System.nanoTime(), "期刊x", "8"));
    MvcTestResult c = member.get("/api/v1/claims/" + id);
    long evidence = ((Number) ClaimApi.read(c, "$.evidence[0].id")).longValue();
    String uri = "/api/v1/claims/" + id + "/evidence/" + evidence;
    MvcTestResult mine = member.get(uri);
    assertThat(mine).hasStatusOk();
    assertThat(mine.getResponse().getContentType()).isEqualTo("image/png");
    assertThat(mine.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(mine.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
    assertThat(mine.getResponse().getContentAsByteArray()).isEqualTo(ClaimApi.png());
    assertThat(sz.get(uri)).hasStatusOk();
    assertThat(admin.get(uri)).hasStatusOk();
    refused(colleague.get(uri), 404, "NOT_FOUND");
    refused(firm.get(uri), 404, "NOT_FOUND");
    refused(stranger.get(uri), 404, "NOT_FOUND");
    refused(bj.get(uri), 404, "NOT_FOUND");
    refused(bjMember.get(uri), 404, "NOT_FOUND");
    // another claim's id with this evidence id: not found
    long otherClaim = draft(colleague, article("另一个" + System.nanoTime(), "q", "8"));
    refused(
        colleague.get("/api/v1/claims/" + otherClaim + "/evidence/" + evidence), 404, "NOT_FOUND");
    // the claims themselves
    refused(colleague.get("/api/v1/claims/" + id), 404, "NOT_FOUND");
    refused(stranger.get("/api/v1/claims/" + id), 404, "NOT_FOUND");
    refused(colleague.post("/api/v1/claims/" + id + "/withdraw", ""), 404, "NOT_FOUND");
    refused(stranger.get("/api/v1/claims?firmNo=" + own.firmNo()), 403, "FORBIDDEN");
    refused(colleague.get("/api/v1/claims?memberNo=" + own.memberNo(1)), 403, "FORBIDDEN");
    // a firm lists its people's, staff its institute's
    assertThat(firm.get("/api/v1/claims?size=100"))
        .bodyJson()
        .extractingPath("$.items[*].id")
        .asArray()
        .contains((int) id);
    assertThat(stranger.get("/api/v1/claims?size=100"))
        .bodyJson()
        .extractingPath("$.items[*].id")
        .asArray()
        .doesNotContain((int) id);
    assertThat(sz.get("/api/v1/claims?status=PENDING&firmNo=" + own.firmNo()))
        .bodyJson()
        .extractingPath("$.items[*].id")
        .asArray()
        .contains((int) id);
    assertThat(bj.get("/api/v1/claims?size=100"))
        .bodyJson()
        .extractingPath("$.items[*].id")
        .asArray()
        .doesNotContain((int) id);
    // a draft is the member's alone
    refused(sz.get("/api/v1/claims/" + otherClaim), 404, "NOT_FOUND");
  }

  @Test
  void adminConfiguresATypeAndOthersMayNot() {
    String body =
        """
        {"name": "行业课题评审", "mode": "FIXED", "hoursPerUnit": 4, "maxPerClaim": 4, "yearlyCap": 8,
         "identifierLabel": "", "identifierRequired": false, "evidenceHint": "评审聘书",
         "minEvidence": 1, "conditions": [], "active": true, "sortOrder": 9}
        """;
    refused(sz.put("/api/v1/claim-types/REVIEW_T", body), 403, "FORBIDDEN");
    MvcTestResult saved = admin.put("/api/v1/claim-types/REVIEW_T", body);
    assertThat(saved).hasStatusOk().bodyJson().extractingPath("$.yearlyCap").isEqualTo(8.0);
    MvcTestResult bad =
        admin.put(
            "/api/v1/claim-types/REVIEW_T",
            "{\"name\": \"\", \"mode\": \"X\", \"maxPerClaim\": 0}");
    refused(bad, 422, "VALIDATION_FAILED");
    assertThat(bad)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .contains("name", "mode", "maxPerClaim", "evidenceHint");
    String inactive = body.replace("\"active\": true", "\"active\": false");
    assertThat(admin.put("/api/v1/claim-types/REVIEW_T", inactive)).hasStatusOk();
    assertThat(member.get("/api/v1/claim-types"))
        .bodyJson()
        .extractingPath("$[*].code")
        .asArray()
        .doesNotContain("REVIEW_T");
    refused(
        member.post(
            "/api/v1/claims",
            "{\"type\": \"REVIEW_T\", \"title\": \"t\", \"workDate\": \""
                + today
                + "\", \"hoursClaimed\": 4}"),
        422,
        "VALIDATION_FAILED");
  }

  @Test
  void everyEndpointAndTheNewCodesAreInTheOpenApiDescription() {
    assertThat(mvc.get().uri("/v3/api-docs"))
        .hasStatusOk()
        .bodyText()
        .contains(
            "/api/v1/claims",
            "/api/v1/claims/{id}",
            "/api/v1/claims/{id}/submit",
            "/api/v1/claims/{id}/withdraw",
            "/api/v1/claims/{id}/approve",
            "/api/v1/claims/{id}/return",
            "/api/v1/claims/{id}/reverse",
            "/api/v1/claims/{id}/evidence",
            "/api/v1/claims/{id}/evidence/{evidenceId}",
            "/api/v1/claim-types",
            "CLAIM_CAP_REACHED",
            "DUPLICATE_CLAIM",
            "EVIDENCE_REQUIRED",
            "BAD_FILE");
  }

  @Test
  void anIdempotencyKeyCreatesOneDraft() {
    String body = article("幂等" + System.nanoTime(), "期刊", "8");
    String key = "claims-test-" + System.nanoTime();
    var first =
        mvc.post()
            .uri("/api/v1/claims")
            .header("Authorization", "Bearer " + memberToken)
            .header("Idempotency-Key", key)
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .content(body)
            .exchange();
    var again =
        mvc.post()
            .uri("/api/v1/claims")
            .header("Authorization", "Bearer " + memberToken)
            .header("Idempotency-Key", key)
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .content(body)
            .exchange();
    assertThat(first).hasStatus(201);
    assertThat(again).hasStatus(201);
    assertThat(id(again)).isEqualTo(id(first));
  }

  @Test
  void thePendingCountOfTheStaffHome(@Autowired ClaimQueue queue) {
    long before = queue.pendingCount("BJ");
    ClaimApi m = bjMember;
    submitted(m, article("北京论文" + System.nanoTime(), "bj", "8"));
    assertThat(queue.pendingCount("BJ")).isEqualTo(before + 1);
    assertThat(new BigDecimal("1")).isNotNull();
    assertThat(StandardCharsets.UTF_8).isNotNull();
  }
}

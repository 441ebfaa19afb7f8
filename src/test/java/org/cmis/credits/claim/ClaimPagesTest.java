package org.cmis.credits.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The claims pages (ISSUE 14): the member's form with the rule's preview, errors beside the fields
 * and nothing saved, submission with files; the staff's queue and review with its errors; the
 * firm's read-only view; admin's types; who gets 404.
 */
@IntegrationTest
class ClaimPagesTest {

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired TestFirms firms;

  TestFirms.Firm own;
  String today;

  @BeforeEach
  void firm() {
    own = firms.aFirm().withCpas(2).withMemberAccounts().create();
    today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
  }

  private WebSession session(String type, String account, String password) {
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn(type, account, password)).hasRedirectedUrl("/");
    return web;
  }

  private MvcTestResult postForm(
      WebSession web, String uri, List<MockMultipartFile> files, String... nameValues) {
    var request = mvc.post().uri(uri).multipart();
    for (MockMultipartFile f : files) {
      request = request.file(f);
    }
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      request = request.param(nameValues[i], nameValues[i + 1]);
    }
    return request
        .with(csrf())
        .with(
            r -> {
              r.setRemoteAddr(web.address());
              return r;
            })
        .cookie(new Cookie("CMIS_SESSION", web.cookie("CMIS_SESSION")))
        .exchange();
  }

  private static MockMultipartFile evidence(String name, byte[] content) {
    return new MockMultipartFile("evidence", name, "application/octet-stream", content);
  }

  private static String body(MvcTestResult r) {
    return new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
  }

  private long claims(String memberNo) {
    return jdbc.sql("select count(*) from claim where member_no = :m")
        .param("m", memberNo)
        .query(Long.class)
        .single();
  }

  private long submitThroughThePage(WebSession member, String title) {
    MvcTestResult r =
        postForm(
            member,
            "/claims/new",
            List.of(evidence("封面.png", ClaimApi.png()), evidence("目录.pdf", ClaimApi.pdf())),
            "type",
            "TEACHING",
            "title",
            title,
            "workDate",
            today,
            "identifier",
            "KC-" + title.hashCode(),
            "units",
            "4",
            "authors",
            "1",
            "hoursClaimed",
            "8",
            "action",
            "submit");
    assertThat(r).hasStatus3xxRedirection();
    String location = r.getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/claims/");
    return Long.parseLong(location.substring("/claims/".length()));
  }

  @Test
  void aMemberSeesTheRulesPreviewsAClaimAndSubmitsItWithTwoFiles() {
    String no = own.memberNo(1);
    WebSession member = session("MEMBER", no, TestFirms.PASSWORD);
    MvcTestResult list = member.get("/claims");
    assertThat(list).hasStatusOk();
    assertThat(body(list)).contains("发表专业论文", "授课", "data-test=\"cap-left\"", "新增申报");
    assertThat(member.get("/claims/new")).hasStatusOk();
    // the preview: what the rule grants and what the cap leaves, nothing saved
    MvcTestResult preview =
        postForm(
            member,
            "/claims/new",
            List.of(),
            "type",
            "TEACHING",
            "title",
            "试算课程",
            "workDate",
            today,
            "identifier",
            "KC-PREVIEW",
            "units",
            "10",
            "hoursClaimed",
            "16",
            "action",
            "preview");
    assertThat(preview).hasStatusOk();
    assertThat(body(preview)).contains("data-test=\"preview\"", "最多可认定：16.0 学时", "剩余可申报：24.0 学时");
    assertThat(claims(no)).isZero();
    // wrong input: fields marked, nothing saved
    MvcTestResult wrong =
        postForm(
            member,
            "/claims/new",
            List.of(evidence("x.png", "<html>".getBytes())),
            "type",
            "TEACHING",
            "title",
            "",
            "workDate",
            "2026-13-01",
            "hoursClaimed",
            "0.2",
            "action",
            "submit");
    assertThat(wrong).hasStatusOk();
    assertThat(body(wrong))
        .contains(
            "data-test=\"error-title\"",
            "data-test=\"error-workDate\"",
            "data-test=\"error-hoursClaimed\"",
            "data-test=\"error-units\"",
            "data-test=\"error-evidence\"",
            "只能上传 PDF、JPG 或 PNG 文件");
    assertThat(claims(no)).isZero();
    long id = submitThroughThePage(member, "审计抽样 " + no);
    MvcTestResult shown = member.get("/claims/" + id);
    assertThat(body(shown)).contains("待审核", "封面.png", "目录.pdf");
    // the image is shown inline, the PDF opened in the browser
    MvcTestResult inline =
        member.get("/claims/" + id + "/evidence/" + firstEvidence(id) + "?inline=true");
    assertThat(inline.getResponse().getHeader("Content-Disposition")).startsWith("inline");
    assertThat(inline.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    // withdrawn before review
    assertThat(member.post("/claims/" + id + "/withdraw")).hasStatus3xxRedirection();
    assertThat(body(member.get("/claims/" + id))).contains("已撤回");
  }

  private long firstEvidence(long claimId) {
    return jdbc.sql("select min(id) from claim_evidence where claim_id = :c")
        .param("c", claimId)
        .query(Long.class)
        .single();
  }

  @Test
  void staffReviewTheirInstitutesClaimsAndTheFirmSeesThemReadOnly() {
    String no = own.memberNo(2);
    WebSession member = session("MEMBER", no, TestFirms.PASSWORD);
    long id = submitThroughThePage(member, "内部培训 " + no);
    WebSession staff = session("STAFF", "sz-staff", "Demo@2026");
    MvcTestResult queue = staff.get("/manage/claims?firmNo=" + own.firmNo());
    assertThat(queue).hasStatusOk();
    assertThat(body(queue)).contains("data-claim=\"" + id + "\"");
    assertThat(body(staff.get("/manage/claims?firmNo=11010001")))
        .contains("data-test=\"filter-error\"");
    MvcTestResult page = staff.get("/claims/" + id);
    assertThat(body(page))
        .contains("data-test=\"approve-partial\"", "data-test=\"return\"", "<img");
    // fewer hours without a reason: the field is marked, nothing decided
    MvcTestResult noReason =
        staff.post(
            "/manage/claims/" + id + "/approve", "mode", "partial", "hours", "6", "reason", "");
    assertThat(noReason).hasStatusOk();
    assertThat(body(noReason)).contains("data-test=\"error-reason\"", "请填写原因");
    assertThat(body(staff.get("/claims/" + id))).contains("待审核");
    assertThat(
            staff.post(
                "/manage/claims/" + id + "/approve",
                "mode",
                "partial",
                "hours",
                "6",
                "reason",
                "按实际课时认定"))
        .hasStatus3xxRedirection();
    assertThat(body(member.get("/claims/" + id))).contains("部分通过", "按实际课时认定", "6.0");
    // approving again: the message says it is decided
    MvcTestResult again = staff.post("/manage/claims/" + id + "/approve", "mode", "full");
    assertThat(body(again)).contains("data-test=\"refusal\"", "不在待审核状态");
    // the firm: read-only, no evidence
    WebSession firm = session("FIRM", own.account(), TestFirms.PASSWORD);
    assertThat(body(firm.get("/claims"))).contains("data-claim=\"" + id + "\"");
    MvcTestResult firmPage = firm.get("/claims/" + id);
    assertThat(body(firmPage))
        .contains("部分通过")
        .doesNotContain("/evidence/")
        .doesNotContain("approve");
    assertThat(firm.get("/claims/" + id + "/evidence/" + firstEvidence(id))).hasStatus(404);
    // staff of another institute: 404
    WebSession bj = session("STAFF", "bj-staff", "Demo@2026");
    assertThat(bj.get("/claims/" + id)).hasStatus(404);
    assertThat(bj.get("/claims/" + id + "/evidence/" + firstEvidence(id))).hasStatus(404);
    assertThat(bj.post("/manage/claims/" + id + "/reverse", "reason", "x")).hasStatus(404);
    // the member may not review
    assertThat(member.post("/manage/claims/" + id + "/return", "reason", "x")).hasStatus(403);
    // a mistaken approval is reversed with a reason
    assertThat(staff.post("/manage/claims/" + id + "/reverse", "reason", "误审"))
        .hasStatus3xxRedirection();
    assertThat(body(member.get("/claims/" + id))).contains("已冲销");
  }

  @Test
  void adminEditsTheTypesAndTheEnglishPagesRender() {
    WebSession admin = session("STAFF", "admin", "Demo@2026");
    assertThat(body(admin.get("/admin/claim-types"))).contains("ARTICLE", "出版专业著作");
    assertThat(body(admin.get("/admin/claim-types?code=OTHER"))).contains("value=\"OTHER\"");
    MvcTestResult wrong =
        admin.post(
            "/admin/claim-types",
            "code",
            "bad code",
            "name",
            "",
            "mode",
            "FIXED",
            "hoursPerUnit",
            "x",
            "maxPerClaim",
            "4",
            "evidenceHint",
            "");
    assertThat(wrong).hasStatusOk();
    assertThat(body(wrong))
        .contains("data-test=\"error-summary\"", "href=\"#t-code\"", "代码为 2 到 20 位");
    assertThat(admin.get("/manage/claims")).hasStatusOk();
    WebSession member = session("MEMBER", own.memberNo(1), TestFirms.PASSWORD);
    MvcTestResult en = member.get("/claims/new?lang=en");
    assertThat(en).hasStatusOk();
    assertThat(body(en)).contains("New output-based hours claim", "Save and submit");
    assertThat(member.get("/admin/claim-types")).hasStatus(403);
    assertThat(member.get("/manage/claims")).hasStatus(403);
  }
}

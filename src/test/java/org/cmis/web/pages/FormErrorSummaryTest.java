package org.cmis.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.regex.Pattern;
import org.cmis.support.IntegrationTest;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The one error summary (issue 15, ADR 0037) on the forms that had their own boxes: bad input
 * answers the page with fragments/errors at the top, listing the field's own message as a link to
 * the field's id, the field marked aria-invalid, and the form novalidate so the browser's bubble
 * never speaks instead of us. Nothing is saved.
 */
@IntegrationTest
class FormErrorSummaryTest {

  private final MockMvcTester mvc;

  @Autowired
  FormErrorSummaryTest(MockMvcTester mvc) {
    this.mvc = mvc;
  }

  private WebSession as(String userType, String account) {
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn(userType, account, "Demo@2026")).hasStatus3xxRedirection();
    return web;
  }

  /**
   * The page has exactly one summary, it links the field id with a text containing the message, the
   * field with that id is aria-invalid, and no other error box of the page's own is left.
   */
  private static void assertSummary(MvcTestResult result, String fieldId, String message) {
    String html = Html.body(result);
    assertThat(Html.count(html, "data-test=\"error-summary\"")).as("summaries").isEqualTo(1);
    assertThat(html).doesNotContain("data-test=\"form-errors\"", "data-test=\"top-errors\"");
    int start = html.indexOf("data-test=\"error-summary\"");
    String summary = html.substring(start, html.indexOf("</div>", start));
    List<Html.Element> links =
        Html.elements(summary).stream()
            .filter(e -> e.name().equals("a") && ("#" + fieldId).equals(e.attr("href")))
            .toList();
    assertThat(links).as("a link to #" + fieldId + " in " + summary).hasSize(1);
    assertThat(links.get(0).text()).contains(message);
    assertThat(html)
        .containsPattern(
            Pattern.compile(
                "<(input|select|textarea)\\b[^>]*id=\""
                    + Pattern.quote(fieldId)
                    + "\"[^>]*aria-invalid=\"true\""));
    assertThat(html).containsPattern("<form\\b[^>]*novalidate");
  }

  /** A multipart form POST, signed in as web's session (or anonymous when web is null). */
  private MvcTestResult multipart(WebSession web, String uri, String... nameValues) {
    var request = mvc.post().uri(uri).multipart();
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      request = request.param(nameValues[i], nameValues[i + 1]);
    }
    var withCsrf =
        request
            .with(csrf())
            .with(
                r -> {
                  r.setRemoteAddr(
                      web == null
                          ? "203.0.113." + (1 + (int) (System.nanoTime() % 200))
                          : web.address());
                  return r;
                });
    if (web != null) {
      withCsrf =
          withCsrf.cookie(
              new jakarta.servlet.http.Cookie("CMIS_SESSION", web.cookie("CMIS_SESSION")));
    }
    return withCsrf.exchange();
  }

  @Test
  void profile() {
    MvcTestResult r =
        as("MEMBER", "440300010002")
            .post("/profile", "mobile", "1371111", "email", "", "address", "");
    assertSummary(r, "local-mobile", "手机号码应为 11 位");
  }

  @Test
  void manualResetApplication() {
    MvcTestResult r =
        multipart(
            null,
            "/password/manual",
            "userType",
            "MEMBER",
            "applicant",
            "",
            "account",
            "440300010002",
            "mobile",
            "123");
    assertSummary(r, "applicant", "申请人");
    assertSummary(r, "mobile", "手机号码");
  }

  @Test
  void settings() {
    MvcTestResult r = as("STAFF", "admin").post("/admin/settings", "lockoutMaxFailures", "abc");
    assertSummary(r, "lockoutMaxFailures", "连续登录失败锁定次数");
  }

  @Test
  void staffAccounts() {
    MvcTestResult r =
        as("STAFF", "admin")
            .post(
                "/admin/staff",
                "account",
                "",
                "displayName",
                "新员工",
                "instituteCode",
                "SZ",
                "email",
                "x@example.cn",
                "staffRole",
                "TRAINING");
    assertSummary(r, "new-account", "账号");
  }

  @Test
  void institutes() {
    MvcTestResult r =
        as("STAFF", "admin")
            .post(
                "/admin/institutes/SZ",
                "trainingDepartment",
                "考试培训部",
                "phone",
                "0755-83501234",
                "email",
                "not-an-email");
    assertSummary(r, "SZ-email", "邮箱");
  }

  @Test
  void complianceRules() {
    MvcTestResult r =
        as("STAFF", "admin")
            .post(
                "/admin/compliance-rules",
                "year",
                "2098",
                "category",
                "PRACTITIONER",
                "requiredHours",
                "abc",
                "requiredEthicsHours",
                "2",
                "outputCap",
                "",
                "inputMinimum",
                "",
                "carryOverCap",
                "");
    assertSummary(r, "PRACTITIONER-requiredHours", "每年应完成学时");
  }

  @Test
  void claimTypes() {
    MvcTestResult r =
        as("STAFF", "admin").post("/admin/claim-types", "code", "x", "name", "", "mode", "FIXED");
    assertSummary(r, "t-code", "代码为 2 到 20 位");
  }

  @Test
  void claims() {
    WebSession member = as("MEMBER", "440300010002");
    MvcTestResult r =
        multipart(
            member,
            "/claims/new",
            "type",
            "",
            "title",
            "",
            "workDate",
            "2026-13-45",
            "hoursClaimed",
            "");
    assertSummary(r, "claim-title", "成果名称");
    assertSummary(r, "claim-workDate", "日期");
  }
}

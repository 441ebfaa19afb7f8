package org.cmis.identity.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmis.identity.account.Account;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * 工作人员账号 (F6.1) on the real PostgreSQL: admin creates a staff account whose temporary password goes
 * to its e-mail on record only (here, without a mail server: its message centre), which signs in
 * and must change it; disabling refuses the sign-in and ends the sessions; a reset sets a new
 * temporary password; the roles limit what a reviewer may change (ADR 0024); only admin may do any
 * of it, and admin cannot act as staff.
 */
@IntegrationTest
class StaffAccountsTest {

  private static final Pattern TEMPORARY = Pattern.compile("临时密码：(\\S+)");

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired TestAccounts accounts;

  private String admin() {
    return ApiTokens.demo(mvc, "ADMIN", "admin");
  }

  private MvcTestResult call(String method, String token, String uri, String json) {
    var builder =
        switch (method) {
          case "POST" -> mvc.post();
          case "PUT" -> mvc.put();
          default -> mvc.get();
        };
    var request = builder.uri(uri).header("Authorization", "Bearer " + token);
    if (json != null) {
      request = request.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return request.exchange();
  }

  private static String body(MvcTestResult r) {
    try {
      return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unique() {
    return "t" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }

  private String temporaryPassword(long accountId, int nth) {
    String text =
        jdbc.sql("select body from message where account_id = :id order by id")
            .param("id", accountId)
            .query(String.class)
            .list()
            .get(nth);
    Matcher m = TEMPORARY.matcher(text);
    assertThat(m.find()).as("temporary password in " + text).isTrue();
    return m.group(1);
  }

  private long create(String token, String account, String role) {
    MvcTestResult created =
        call(
            "POST",
            token,
            "/api/v1/admin/staff-accounts",
            """
            {"account": "%s", "displayName": "新员工", "instituteCode": "SZ",
             "email": "%s@example.cn", "mobile": "13900000001", "staffRole": "%s"}
            """
                .formatted(account, account, role));
    assertThat(created).hasStatus(201);
    assertThat(created.getResponse().getHeader("Location"))
        .startsWith("/api/v1/admin/staff-accounts/");
    return ((Number) JsonPath.read(body(created), "$.id")).longValue();
  }

  @Test
  void createSignInMustChangeDisableRefusedResetMustChangeAgain() {
    String token = admin();
    String name = unique();
    long id = create(token, name, "TRAINING_OFFICER");
    assertThat(
            jdbc.sql("select must_change_password from account where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single())
        .isTrue();
    String first = temporaryPassword(id, 0);
    assertThat(body(call("GET", token, "/api/v1/admin/staff-accounts/" + id, null)))
        .doesNotContain(first)
        .contains("\"staffRole\":\"TRAINING_OFFICER\"");

    WebSession web = new WebSession(mvc);
    assertThat(web.signIn("STAFF", name, first)).hasRedirectedUrl("/password/change");
    assertThat(web.get("/")).hasRedirectedUrl("/password/change");
    assertThat(
            web.post(
                "/password/change",
                "currentPassword",
                first,
                "newPassword",
                "Changed@2026x",
                "confirmPassword",
                "Changed@2026x"))
        .hasStatus3xxRedirection();
    assertThat(web.get("/")).hasStatusOk();

    assertThat(call("POST", token, "/api/v1/admin/staff-accounts/" + id + "/disable", null))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.enabled")
        .isEqualTo(false);
    assertThat(web.get("/")).hasStatus3xxRedirection(); // its session ended
    assertThat(new WebSession(mvc).signIn("STAFF", name, "Changed@2026x"))
        .hasStatusOk(); // the sign-in page again, with the one generic error
    MvcTestResult refused =
        mvc.post()
            .uri("/api/v1/auth/token")
            .with(
                r -> {
                  r.setRemoteAddr(TestAccounts.address());
                  return r;
                })
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"userType\":\"STAFF\",\"account\":\""
                    + name
                    + "\",\"password\":\"Changed@2026x\"}")
            .exchange();
    assertThat(refused).hasStatus(401);

    assertThat(call("POST", token, "/api/v1/admin/staff-accounts/" + id + "/enable", null))
        .hasStatusOk();
    String staffToken = ApiTokens.of(mvc, "STAFF", name, "Changed@2026x");
    assertThat(call("POST", token, "/api/v1/admin/staff-accounts/" + id + "/reset", null))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.mustChangePassword")
        .isEqualTo(true);
    assertThat(call("GET", staffToken, "/api/v1/classes", null)).hasStatus(401); // token ended
    String second = temporaryPassword(id, 1);
    assertThat(second).isNotEqualTo(first);
    assertThat(new WebSession(mvc).signIn("STAFF", name, "Changed@2026x")).hasStatusOk();
    assertThat(new WebSession(mvc).signIn("STAFF", name, second))
        .hasRedirectedUrl("/password/change");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where entity_type = 'Account' and entity_id = :id"
                        + " and action in ('STAFF_ACCOUNT_CREATED', 'STAFF_ACCOUNT_DISABLED',"
                        + " 'STAFF_ACCOUNT_ENABLED', 'STAFF_PASSWORD_RESET')")
                .param("id", "" + id)
                .query(Long.class)
                .single())
        .isEqualTo(4);
  }

  @Test
  void badInputIs422NamingEachFieldAndCreatesNothing() {
    String token = admin();
    MvcTestResult bad =
        call(
            "POST",
            token,
            "/api/v1/admin/staff-accounts",
            """
            {"account": "有 空格", "displayName": "%s", "instituteCode": "XX",
             "email": "not-mail", "mobile": "123", "staffRole": "ADMIN"}
            """
                .formatted("名".repeat(51)));
    assertThat(bad)
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("VALIDATION_FAILED");
    assertThat(bad)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .containsExactlyInAnyOrder(
            "account", "displayName", "instituteCode", "email", "mobile", "staffRole");
    assertThat(body(bad)).contains("请输入有效的邮箱地址");
    assertThat(call("POST", token, "/api/v1/admin/staff-accounts", "{}")).hasStatus(422);
    assertThat(
            call(
                "POST",
                token,
                "/api/v1/admin/staff-accounts",
                """
                {"account": "sz-staff", "displayName": "重名", "instituteCode": "SZ",
                 "email": "x@example.cn", "staffRole": "REVIEWER"}
                """))
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.errors[0].message")
        .isEqualTo("该账号已被使用，请换一个");
    assertThat(
            jdbc.sql("select count(*) from account where account = '有 空格' or display_name = '重名'")
                .query(Long.class)
                .single())
        .isZero();

    // the page: the same checks, in Chinese beside the fields, nothing created
    WebSession web = new WebSession(mvc);
    web.signIn("STAFF", "admin", "Demo@2026");
    MvcTestResult page =
        web.post(
            "/admin/staff",
            "account",
            "x",
            "displayName",
            "",
            "instituteCode",
            "SZ",
            "email",
            "bad",
            "mobile",
            "",
            "staffRole",
            "REVIEWER");
    assertThat(page).hasStatusOk();
    assertThat(body(page))
        .contains("data-test=\"error-summary\"", "请修正以下")
        .contains("账号须为 3 至 50 个字符")
        .contains("请输入姓名")
        .contains("请输入有效的邮箱地址（临时密码将发送至此）");
  }

  @Test
  void thePagesCreateAndActOnAccounts() {
    WebSession web = new WebSession(mvc);
    web.signIn("STAFF", "admin", "Demo@2026");
    assertThat(web.get("/admin/staff")).hasStatusOk();
    assertThat(body(web.get("/admin/staff?institute=SZ")))
        .contains("sz-staff")
        .doesNotContain("bj-staff");
    String name = unique();
    assertThat(
            web.post(
                "/admin/staff",
                "account",
                name,
                "displayName",
                "页面新建",
                "instituteCode",
                "BJ",
                "email",
                name + "@example.cn",
                "mobile",
                "",
                "staffRole",
                "REVIEWER"))
        .hasStatus3xxRedirection();
    long id =
        jdbc.sql("select id from account where account = :a and login_type = 'STAFF'")
            .param("a", name)
            .query(Long.class)
            .single();
    assertThat(
            jdbc.sql("select staff_role from account where id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("REVIEWER");
    assertThat(web.post("/admin/staff/" + id + "/disable")).hasStatus3xxRedirection();
    assertThat(body(web.get("/admin/staff?institute=BJ"))).contains("已停用");
    assertThat(web.post("/admin/staff/" + id + "/role", "staffRole", "TRAINING_OFFICER"))
        .hasStatus3xxRedirection();
    assertThat(
            jdbc.sql("select staff_role from account where id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("TRAINING_OFFICER");
  }

  @Test
  void onlyAdminManagesStaffAndAdminIsNeverStaff() {
    for (String[] who :
        new String[][] {{"STAFF", "sz-staff"}, {"FIRM", "44030001"}, {"MEMBER", "440300010001"}}) {
      String token = ApiTokens.demo(mvc, who[0], who[1]);
      assertThat(call("GET", token, "/api/v1/admin/staff-accounts", null)).hasStatus(403);
      assertThat(
              call(
                  "POST",
                  token,
                  "/api/v1/admin/staff-accounts",
                  "{\"account\": \"" + unique() + "\"}"))
          .hasStatus(403)
          .bodyJson()
          .extractingPath("$.code")
          .isEqualTo("FORBIDDEN");
      WebSession web = new WebSession(mvc);
      web.signIn(who[0], who[1], "Demo@2026");
      assertThat(web.get("/admin/staff")).hasStatus(403);
      assertThat(web.post("/admin/staff", "account", unique())).hasStatus(403);
    }
    String token = admin();
    long adminId =
        jdbc.sql("select id from account where role = 'ADMIN' order by id limit 1")
            .query(Long.class)
            .single();
    // an administrator's account is not a staff account: not listed, not changed here
    assertThat(call("POST", token, "/api/v1/admin/staff-accounts/" + adminId + "/disable", null))
        .hasStatus(404);
    assertThat(body(call("GET", token, "/api/v1/admin/staff-accounts?size=100", null)))
        .doesNotContain("\"account\":\"admin\"");
    assertThat(call("GET", token, "/api/v1/admin/staff-accounts?institute=BJ&size=100", null))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.items[*].instituteCode")
        .asArray()
        .containsOnly("BJ");
    assertThat(call("GET", token, "/api/v1/admin/staff-accounts?size=0", null))
        .hasStatus(400)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("MALFORMED_REQUEST");
    assertThat(call("GET", token, "/api/v1/admin/staff-accounts/999999999", null)).hasStatus(404);
    // and admin cannot act as an institute's staff
    assertThat(call("POST", token, "/api/v1/classes", "{}")).hasStatus(403);
    WebSession admin = new WebSession(mvc);
    admin.signIn("STAFF", "admin", "Demo@2026");
    assertThat(admin.get("/manage/classes")).hasStatus(403);
    assertThat(admin.get("/manage/classes/new")).hasStatus(403);
  }

  @Test
  void aReviewerReadsAndReviewsButChangesNoClass() {
    String token = admin();
    Account reviewer = accounts.staff(false);
    assertThat(
            call(
                "PUT",
                token,
                "/api/v1/admin/staff-accounts/" + reviewer.id() + "/role",
                "{\"staffRole\": \"REVIEWER\"}"))
        .hasStatusOk();
    String r = ApiTokens.of(mvc, "STAFF", reviewer.account(), TestAccounts.PASSWORD);
    assertThat(call("GET", r, "/api/v1/classes", null)).hasStatusOk();
    assertThat(call("POST", r, "/api/v1/classes", "{}"))
        .hasStatus(403)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("FORBIDDEN");
    assertThat(call("POST", r, "/api/v1/classes/1/cancel", "{\"reason\": \"x\"}")).hasStatus(403);
    assertThat(call("POST", r, "/api/v1/members/440300010001/hours", "{}")).hasStatus(403);
    // reviewing is allowed: an unknown registration is a 404, not a refusal of the role
    assertThat(call("POST", r, "/api/v1/registrations/999999999/confirm", null)).hasStatus(404);
    WebSession web = new WebSession(mvc);
    web.signIn("STAFF", reviewer.account(), TestAccounts.PASSWORD);
    assertThat(web.get("/manage/classes")).hasStatusOk();
    assertThat(web.post("/manage/notices/new", "title", "x")).hasStatus(403);
    assertThat(web.post("/manage/external-hours", "dryRun", "true")).hasStatus(403);

    // a training officer (every staff account made before roles) is not limited
    Account officer = accounts.staff(false);
    String o = ApiTokens.of(mvc, "STAFF", officer.account(), TestAccounts.PASSWORD);
    assertThat(call("POST", o, "/api/v1/classes", "{}")).hasStatus(422);
  }
}

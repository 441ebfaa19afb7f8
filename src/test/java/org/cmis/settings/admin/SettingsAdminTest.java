package org.cmis.settings.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.cmis.identity.account.Account;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * 系统设置 (F6.3) on the real PostgreSQL: the page and the API are admin's only, a change is checked,
 * stored, audited and holds at once (the lock-out threshold, the support line), a secret is never
 * answered, bad input is a Chinese message or 422 with nothing stored.
 */
@IntegrationTest
class SettingsAdminTest {

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired TestAccounts accounts;

  @AfterEach
  void defaultsAgain() {
    jdbc.sql(
            "delete from setting where key like 'security.%' or key like 'support.%'"
                + " or key like 'integration.supervision.url'")
        .update();
  }

  private String admin() {
    return ApiTokens.demo(mvc, "ADMIN", "admin");
  }

  private MvcTestResult put(String token, String json) {
    return mvc.put()
        .uri("/api/v1/admin/settings")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  private static String body(MvcTestResult r) throws Exception {
    return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private WebSession adminPages() {
    WebSession web = new WebSession(mvc);
    web.signIn("STAFF", "admin", "Demo@2026");
    return web;
  }

  @Test
  void onlyAdminReadsOrChangesTheSettings() {
    for (String[] who :
        new String[][] {{"STAFF", "sz-staff"}, {"FIRM", "44030001"}, {"MEMBER", "440300010001"}}) {
      String token = ApiTokens.demo(mvc, who[0], who[1]);
      assertThat(
              mvc.get()
                  .uri("/api/v1/admin/settings")
                  .header("Authorization", "Bearer " + token)
                  .exchange())
          .hasStatus(403)
          .bodyJson()
          .extractingPath("$.code")
          .isEqualTo("FORBIDDEN");
      assertThat(put(token, "{\"lockoutMaxFailures\": 3}")).hasStatus(403);
      WebSession web = new WebSession(mvc);
      web.signIn(who[0], who[1], "Demo@2026");
      assertThat(web.get("/admin/settings")).hasStatus(403);
      assertThat(web.post("/admin/settings", "lockoutMaxFailures", "3")).hasStatus(403);
    }
    assertThat(mvc.get().uri("/api/v1/admin/settings").exchange()).hasStatus(401);
    assertThat(
            jdbc.sql("select count(*) from setting where key = 'security.lockout.max-failures'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theApiShowsDefaultsStoresAuditsAndMasksTheSecret() throws Exception {
    String token = admin();
    assertThat(
            mvc.get()
                .uri("/api/v1/admin/settings")
                .header("Authorization", "Bearer " + token)
                .exchange())
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.items[?(@.field == 'lockoutMaxFailures')].value")
        .asArray()
        .containsExactly("5");

    MvcTestResult changed =
        put(
            token,
            "{\"lockoutMaxFailures\": 7, \"nationalSupportPhones\": \"010-88250399\","
                + " \"supervisionUrl\": \"https://acc.example.cn/login\"}");
    assertThat(changed).hasStatusOk();
    assertThat(body(changed)).contains("\"010-88250399\"").contains("https://acc.example.cn/login");
    assertThat(
            jdbc.sql("select value from setting where key = 'security.lockout.max-failures'")
                .query(String.class)
                .single())
        .isEqualTo("7");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'SETTING_STORED'"
                        + " and entity_id = 'support.national-phones'"
                        + " and after_state = '{\"value\":\"010-88250399\"}'")
                .query(Long.class)
                .single())
        .isEqualTo(1);

    String secret = "s3cret-" + System.nanoTime() + "-abcdefgh";
    try {
      MvcTestResult withSecret = put(token, "{\"supervisionSecret\": \"" + secret + "\"}");
      assertThat(withSecret).hasStatusOk();
      assertThat(body(withSecret)).doesNotContain(secret).contains(SettingsAdmin.MASK);
      assertThat(
              jdbc.sql("select value from setting where key = 'integration.supervision.secret'")
                  .query(String.class)
                  .single())
          .isEqualTo(secret);
      String read =
          body(
              mvc.get()
                  .uri("/api/v1/admin/settings")
                  .header("Authorization", "Bearer " + token)
                  .exchange());
      assertThat(read).doesNotContain(secret);
      assertThat(
              jdbc.sql(
                      "select count(*) from audit_entry where before_state like :s or after_state like :s")
                  .param("s", "%" + secret + "%")
                  .query(Long.class)
                  .single())
          .isZero();
      assertThat(
              adminPages()
                  .get("/admin/settings")
                  .getResponse()
                  .getContentAsString(StandardCharsets.UTF_8))
          .doesNotContain(secret)
          .contains("已在此处设置");
    } finally {
      jdbc.sql("delete from setting where key = 'integration.supervision.secret'").update();
    }

    // an empty text restores the default (JSON null is refused inside objects: ADR 0011)
    assertThat(put(token, "{\"lockoutMaxFailures\": \"\"}")).hasStatusOk();
    assertThat(
            jdbc.sql("select count(*) from setting where key = 'security.lockout.max-failures'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void badValuesAre422AndNothingIsStored() throws Exception {
    String token = admin();
    MvcTestResult bad =
        put(
            token,
            "{\"lockoutMaxFailures\": 0, \"lockoutDurationMinutes\": \"abc\","
                + " \"nationalSupportPhones\": \""
                + "1".repeat(101)
                + "\","
                + " \"supervisionUrl\": \"javascript:alert(1)\", \"supervisionSecret\": \"short\","
                + " \"captchaEnabled\": \"maybe\", \"noSuchThing\": \"x\"}");
    assertThat(bad)
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("VALIDATION_FAILED");
    assertThat(bad)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .contains(
            "lockoutMaxFailures",
            "lockoutDurationMinutes",
            "nationalSupportPhones",
            "supervisionUrl",
            "supervisionSecret",
            "captchaEnabled",
            "noSuchThing");
    assertThat(body(bad)).contains("请输入 1 至 100 之间的整数");
    // one bad value among good ones stores none of them
    assertThat(put(token, "{\"lockoutMaxFailures\": 9, \"nationalSupportPhones\": \"电话\"}"))
        .hasStatus(422);
    assertThat(put(token, "{\"lockoutMaxFailures\": [1]}")).hasStatus(422);
    assertThat(put(token, "not json")).hasStatus(400);
    assertThat(
            jdbc.sql(
                    "select count(*) from setting where key like 'security.%' or key like 'support.%'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void thePageMarksBadFieldsInChineseAndStoresNothing() throws Exception {
    WebSession web = adminPages();
    MvcTestResult page = web.get("/admin/settings");
    assertThat(page).hasStatusOk();
    String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("系统设置").contains("/admin/compliance-rules").contains("未配置邮件服务器");

    MvcTestResult bad =
        web.post(
            "/admin/settings",
            "lockoutMaxFailures",
            "999",
            "lockoutDurationMinutes",
            "15",
            "nationalSupportPhones",
            "x".repeat(300),
            "supervisionUrl",
            "ftp://example.cn");
    assertThat(bad).hasStatusOk();
    String answer = bad.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(answer)
        .contains("data-test=\"error-summary\"", "请修正以下")
        .contains("请输入 1 至 100 之间的整数")
        .contains("请输入电话号码")
        .contains("请输入以 http:// 或 https:// 开头的网址");
    assertThat(
            jdbc.sql(
                    "select count(*) from setting where key like 'security.%' or key like 'support.%'")
                .query(Long.class)
                .single())
        .isZero();

    assertThat(
            web.post(
                "/admin/settings",
                "lockoutMaxFailures",
                "6",
                "lockoutDurationMinutes",
                "",
                "nationalSupportPhones",
                "",
                "supervisionUrl",
                "",
                "captchaEnabled",
                ""))
        .hasStatus3xxRedirection();
    assertThat(
            jdbc.sql("select value from setting where key = 'security.lockout.max-failures'")
                .query(String.class)
                .single())
        .isEqualTo("6");
    assertThat(
            jdbc.sql("select count(*) from setting where key = 'security.lockout.duration-minutes'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theTestMailSaysThereIsNoMailServer() throws Exception {
    String token = admin();
    assertThat(
            mvc.post()
                .uri("/api/v1/admin/settings/mail-test")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\": \"ops@example.cn\"}")
                .exchange())
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.outcome")
        .isEqualTo("NOT_CONFIGURED");
    assertThat(
            mvc.post()
                .uri("/api/v1/admin/settings/mail-test")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\": \"not an address\"}")
                .exchange())
        .hasStatus(422);
    MvcTestResult page = adminPages().post("/admin/settings/mail-test", "to", "ops@example.cn");
    assertThat(page).hasStatusOk();
    assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("未配置邮件服务器，测试邮件未发送");
  }

  @Test
  void aLowerLockoutThresholdHoldsAtTheNextSignIn() {
    Account staff = accounts.staff(false);
    assertThat(put(admin(), "{\"lockoutMaxFailures\": 2}")).hasStatusOk();
    String address = TestAccounts.address();
    for (int i = 0; i < 2; i++) {
      assertThat(token(staff.account(), "wrong-password", address)).hasStatus(401);
    }
    assertThat(token(staff.account(), TestAccounts.PASSWORD, address))
        .hasStatus(423)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("ACCOUNT_LOCKED");
  }

  @Test
  void aChangedRowHoldsAtOnceWithoutAnyCache() throws Exception {
    jdbc.sql(
            "insert into setting (key, value, updated_by) values ('support.national-phones',"
                + " '010-11112222', 'sql')")
        .update();
    assertThat(
            mvc.get()
                .uri("/login")
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains("010-11112222");
    jdbc.sql("update setting set value = '010-33334444' where key = 'support.national-phones'")
        .update();
    assertThat(
            mvc.get()
                .uri("/help")
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains("010-33334444")
        .doesNotContain("010-11112222");
  }

  @Test
  void theCaptchaSettingSwitchesTheSignInPage() throws Exception {
    assertThat(
            mvc.get()
                .uri("/login")
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain("captcha.png");
    try {
      assertThat(put(admin(), "{\"captchaEnabled\": true}")).hasStatusOk();
      assertThat(
              mvc.get()
                  .uri("/login")
                  .exchange()
                  .getResponse()
                  .getContentAsString(StandardCharsets.UTF_8))
          .contains("captcha.png");
    } finally {
      jdbc.sql("delete from setting where key = 'security.captcha.enabled'").update();
    }
  }

  @Test
  void everyAdminPageHasItsTextsInChineseAndEnglish() throws Exception {
    WebSession web = adminPages();
    for (String page : new String[] {"/admin/settings", "/admin/institutes", "/admin/staff", "/"}) {
      String zh = web.get(page).getResponse().getContentAsString(StandardCharsets.UTF_8);
      assertThat(zh).as(page).doesNotContain("??");
      String en =
          web.get(page + "?lang=en").getResponse().getContentAsString(StandardCharsets.UTF_8);
      assertThat(en).as(page + " in English").doesNotContain("??");
    }
    assertThat(
            web.get("/admin/settings?lang=en")
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains("Sign-in security");
    web.get("/?lang=zh_CN");
  }

  @Test
  void theAdminEndpointsAreInTheOpenApiDocument() throws Exception {
    assertThat(body(mvc.get().uri("/v3/api-docs").exchange()))
        .contains("/api/v1/admin/settings")
        .contains("/api/v1/admin/settings/mail-test")
        .contains("/api/v1/admin/institutes")
        .contains("/api/v1/admin/institutes/{code}/contacts")
        .contains("/api/v1/admin/staff-accounts")
        .contains("/api/v1/admin/staff-accounts/{id}/reset");
  }

  private MvcTestResult token(String account, String password, String address) {
    return mvc.post()
        .uri("/api/v1/auth/token")
        .with(
            r -> {
              r.setRemoteAddr(address);
              return r;
            })
        .contentType(MediaType.APPLICATION_JSON)
        .content(
            "{\"userType\":\"STAFF\",\"account\":\"%s\",\"password\":\"%s\"}"
                .formatted(account, password))
        .exchange();
  }
}
